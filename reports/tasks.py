from django_tasks import task

from reports.exports import export_run
from reports.models import ReportExport


@task()
def render_export(export_id):
    export_run(ReportExport.objects.select_related("organization").get(pk=export_id))
