"""Queue again the jobs whose worker died (db_worker does this when it starts)."""

from django.core.management.base import BaseCommand

from ita_portal.jobs import recover


class Command(BaseCommand):
    help = "Queue again the background jobs whose worker has died"

    def handle(self, *args, **options):
        for job in recover():
            self.stdout.write(f"queued again: {job}")
