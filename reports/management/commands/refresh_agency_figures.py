"""manage.py refresh_agency_figures: make current every active agency's figures for the
overseer's table (reports/agency_figures.py), run after midnight (overdue is a day rule) so the
first overseer of the day reads them at once."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from indicators.years import year_in_progress
from organizations.models import Organization
from reports.agency_figures import refresh


class Command(BaseCommand):
    help = "คำนวณตัวเลขของทุกหน่วยงานสำหรับตารางของผู้กำกับดูแลใหม่ (เฉพาะที่ไม่เป็นปัจจุบัน)"

    def handle(self, **options):
        started = time.monotonic()
        made = refresh(Organization.objects.filter(is_active=True), year=year_in_progress(),
                       today=timezone.localdate())
        self.stdout.write(f"ตัวเลขของหน่วยงาน: คำนวณใหม่ {made} หน่วยงาน "
                          f"ใน {time.monotonic() - started:.1f} วินาที")
