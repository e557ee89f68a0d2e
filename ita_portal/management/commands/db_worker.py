"""django-tasks-db's worker, which first queues again the jobs a dead worker left running."""

from django_tasks_db.management.commands import db_worker

from ita_portal.jobs import recover


class Command(db_worker.Command):
    help = "Run the background worker (jobs a dead worker left running are queued again first)"

    def handle(self, *args, **options):
        for job in recover():
            self.stderr.write(f"queued again: {job}")
        super().handle(*args, **options)
