from django_tasks import task

from disclosure.models import CheckRun
from disclosure.runs import execute_run


@task()
def check_links(run_id):
    execute_run(CheckRun.objects.select_related("organization").get(pk=run_id))
