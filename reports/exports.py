"""Reports rendered in the background (O42, annual/O43, an open meeting's draft): starting
one, and its job."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery

from ita_portal import jobs
from ita_portal.models import UNFINISHED, Job, JobState
from organizations import versions
from reports.models import ReportExport, ReportKind
from reports.permissions import require_draft_reader, require_exporter
from reports.tasks import REPORT_EXPORT


def _queue(by, **fields):
    """The unfinished export of these fields (whoever asked), the finished one made from the
    organisation's data as it is now, or a new one queued after commit."""
    same = with_job(ReportExport.objects.filter(**fields))
    running = same.filter(job_state__in=UNFINISHED).first()
    if running is not None:
        return running
    current = (same.filter(job_state=JobState.DONE,
                           data_version=versions.current(fields["organization"].pk)).exclude(file="")
               .order_by("-pk").first())
    if current is not None:  # nothing changed since it was made: handed over at once
        return current
    export = ReportExport.objects.create(**fields, requested_by=by)
    jobs.enqueue(REPORT_EXPORT, export.pk)
    return export


@transaction.atomic
def export_start(*, organization, kind, fiscal_year, by):
    """Queue a render after commit; while one of the same report is unfinished, return it."""
    require_exporter(by, organization)
    return _queue(by, organization=organization, kind=kind, fiscal_year=fiscal_year)


@transaction.atomic
def draft_start(*, meeting, by):
    """Queue the draft PDF of an open meeting (any member may ask); while one is unfinished
    for the meeting, return it."""
    require_draft_reader(by, meeting.organization)
    if meeting.is_closed:
        raise ValidationError("การประชุมนี้ปิดแล้ว ดาวน์โหลดรายงานที่ตรึงไว้แทน")
    return _queue(by, organization=meeting.organization, meeting=meeting,
                  kind=ReportKind.MEETING, fiscal_year=meeting.fiscal_year)


def export_job(export):
    return jobs.latest(REPORT_EXPORT, export.pk)


def with_job(exports):
    """Exports annotated with the state of their latest job (`job_state`), in one query."""
    latest = Job.objects.filter(kind=REPORT_EXPORT, object_id=OuterRef("pk"))
    return exports.annotate(job_state=Subquery(latest.values("state")[:1]))


def export_list(exports, limit=50):
    """The latest exports with the Thai name of their job's state (`job_label`)."""
    exports = list(with_job(exports)[:limit])
    for export in exports:
        export.job_label = JobState(export.job_state).label if export.job_state else ""
    return exports
