from django_tasks import task

from reports.exports import export_run
from reports.models import ReportExport
from reports.services import meeting_render_frozen


@task()
def render_export(export_id):
    export_run(ReportExport.objects.select_related("organization").get(pk=export_id))


@task()
def render_meeting_report(meeting_id):
    meeting_render_frozen(meeting_id)
