"""Daily: create due notices (OIT item due dates, the chairs' weekly summary on Mondays) and
e-mail every notice not yet sent, to each person at the frequency they chose."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from disclosure.reminders import remind_due_items
from organizations.notices import send_pending
from reports.weekly import send_weekly_summaries


class Command(BaseCommand):
    help = "สร้างการแจ้งเตือนที่ถึงกำหนดและส่งอีเมลที่ยังไม่ได้ส่ง (รันวันละครั้ง)"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="วันที่ที่ใช้คำนวณ (YYYY-MM-DD) ค่าเริ่มต้นคือวันนี้")

    def handle(self, *args, **options):
        try:
            today = (datetime.date.fromisoformat(options["date"]) if options["date"]
                     else timezone.localdate())
        except ValueError as error:
            raise CommandError("วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD") from error
        items = remind_due_items(today)
        weekly = send_weekly_summaries(today) if today.weekday() == 0 else 0
        mails = send_pending(today)
        self.stdout.write(f"การแจ้งเตือนใหม่: ข้อ OIT {items}, สรุปประจำสัปดาห์ {weekly}; "
                          f"ส่งอีเมล {mails} ฉบับ")
