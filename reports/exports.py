"""Reports rendered in the background with their progress: O42 and annual (O43)."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from organizations.scoping import require_org_admin
from reports.documents import annual_context, o42_context
from reports.models import ExportState, ReportExport, ReportKind
from reports.pdf import lay_out, sha256

LOG = logging.getLogger(__name__)
DOCUMENTS = {
    ReportKind.O42: ("reports/pdf/o42.html", o42_context),
    ReportKind.ANNUAL: ("reports/pdf/annual.html", annual_context),
}


def report_pdf(kind, organization, fiscal_year, progress=lambda step, pages=None: None):
    template, context = DOCUMENTS[kind]
    progress(1)
    document = lay_out(template, context(organization, fiscal_year))
    progress(2, len(document.pages))
    data = document.write_pdf()
    progress(3)
    return data


def export_start(*, organization, kind, fiscal_year, by):
    """Queue a render; the task runs after the row is committed."""
    require_org_admin(by, organization)
    from reports.tasks import render_export

    export = ReportExport.objects.create(organization=organization, kind=kind,
                                         fiscal_year=fiscal_year, requested_by=by)
    transaction.on_commit(lambda: render_export.enqueue(export.pk))
    return export


def _progress(export):
    def report(step, pages=None):
        fields = {"step": step, "state": ExportState.RUNNING}
        if pages is not None:
            fields["pages"] = pages
        ReportExport.objects.filter(pk=export.pk).update(**fields)
    return report


def export_run(export):
    try:
        data = report_pdf(export.kind, export.organization, export.fiscal_year,
                          _progress(export))
    except Exception:
        LOG.exception("report export %s failed", export.pk)
        ReportExport.objects.filter(pk=export.pk).update(
            state=ExportState.FAILED, finished_at=timezone.now(),
            error="สร้างรายงานไม่สำเร็จ โปรดลองใหม่หรือแจ้งผู้ดูแลระบบ")
        return
    export.refresh_from_db()
    export.file.save(f"{export.kind}-{export.fiscal_year}-{export.pk}.pdf", ContentFile(data),
                     save=False)
    export.sha256, export.state, export.step = sha256(data), ExportState.DONE, 4
    export.finished_at = timezone.now()
    export.save()
