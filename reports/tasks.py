"""The background work of reports: the frozen meeting PDF and the O42/annual exports.

Each function is registered for a job kind (`ita_portal.jobs`); services enqueue, the worker
runs these bodies, and the job row carries state, progress and error.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from indicators.years import year_in_progress
from ita_portal import jobs
from ita_portal.pdf import lay_out_html, sha256
from organizations import versions
from organizations.models import Organization
from reports.agency_figures import refresh
from reports.documents import report_html, report_pdf
from reports.meeting_document import document_html
from reports.models import Meeting, ReportExport, ReportKind

MEETING_PDF = "reports.meeting_pdf"
AGENCY_FIGURES = "reports.agency_figures"
REPORT_EXPORT = "reports.export"
RENDER_FAILED = "จัดทำไฟล์ PDF ไม่สำเร็จ โปรดกด \"จัดทำ PDF อีกครั้ง\" หรือแจ้งผู้ดูแลระบบ"
EXPORT_FAILED = "สร้างรายงานไม่สำเร็จ โปรดลองใหม่หรือแจ้งผู้ดูแลระบบ"
EXPORT_STEPS = ("รอคิว", "รวบรวมข้อมูล", "จัดหน้า", "เขียนไฟล์ PDF", "เสร็จแล้ว")


@jobs.work(MEETING_PDF, failed=RENDER_FAILED)
def render_meeting_report(job):
    """Write the PDF of a closed meeting from its frozen HTML and keep its SHA-256, once."""
    meeting = Meeting.objects.get(pk=job.object_id)
    if not meeting.is_closed or meeting.report_file:
        return
    jobs.report(job, 25, "จัดหน้า")
    pdf = lay_out_html(meeting.report_html).write_pdf()
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.report_file:
            return
        meeting.report_file.save(f"meeting-{meeting.pk}-v{meeting.version}.pdf", ContentFile(pdf),
                                 save=False)
        meeting.report_sha256 = sha256(pdf)
        meeting.save(update_fields=["report_file", "report_sha256"])


@jobs.work(REPORT_EXPORT, failed=EXPORT_FAILED)
def render_export(job):
    """Render an export, or hand it the PDF of an earlier one made from the same HTML."""
    export = ReportExport.objects.select_related("organization", "meeting").get(pk=job.object_id)

    def progress(step, pages=None):
        jobs.report(job, 100 * step // (len(EXPORT_STEPS) - 1), EXPORT_STEPS[step])
        if pages is not None:
            ReportExport.objects.filter(pk=export.pk).update(pages=pages)

    version = versions.current(export.organization_id)  # before the data: content ≥ version
    progress(1)
    html = (document_html(export.meeting) if export.kind == ReportKind.MEETING
            else report_html(export.kind, export.organization, export.fiscal_year))
    source = sha256(html.encode())
    same = (ReportExport.objects.filter(source_sha256=source, **export_identity(export))
            .exclude(file="").exclude(pk=export.pk).order_by("-pk").first())
    export.refresh_from_db()
    export.data_version, export.source_sha256 = version, source
    if same is not None:  # unchanged content: the same file, not rendered again
        export.file.name, export.sha256, export.pages = same.file.name, same.sha256, same.pages
        export.save(update_fields=["file", "sha256", "pages", "data_version", "source_sha256"])
        return
    data = report_pdf(export.kind, export.organization, export.fiscal_year, progress, html=html)
    export.file.save(f"{export.kind}-{export.fiscal_year}-{export.pk}.pdf", ContentFile(data),
                     save=False)
    export.sha256 = sha256(data)
    export.save(update_fields=["file", "sha256", "data_version", "source_sha256"])


def export_identity(export):
    """The fields that make two exports the same report."""
    return {"organization_id": export.organization_id, "kind": export.kind,
            "fiscal_year": export.fiscal_year, "meeting_id": export.meeting_id}


@jobs.work(AGENCY_FIGURES, failed="คำนวณตัวเลขของหน่วยงานไม่สำเร็จ")
def refresh_figures(job):
    """Every active agency's figures for the overseers, made current (after a change of the
    criteria every one of them moved: the table then does not wait for 8,300 of them)."""
    refresh(Organization.objects.filter(is_active=True), year=year_in_progress(),
            today=timezone.localdate())


def figures_after_criteria(sender, **kwargs):
    """After the transaction that changed the criteria (a load or a correction changes many
    rows): one job, queued once per transaction."""
    waiting = transaction.get_connection().run_on_commit
    if not any(function is _queue_figures for _, function, _ in waiting):
        transaction.on_commit(_queue_figures)


def _queue_figures():
    jobs.enqueue(AGENCY_FIGURES, 0)
