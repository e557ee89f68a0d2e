import datetime

from django.core.management.base import BaseCommand, CommandError

from measures.reminders import send_reminders


class Command(BaseCommand):
    help = ("ส่งอีเมลสรุปมาตรการที่ใกล้ครบกำหนด เลยกำหนด หรือไม่มีรายงานความคืบหน้านานเกินกำหนด "
            "(measures.deadlines.WINDOWS) ให้ผู้รับผิดชอบ (รันจาก cron ทุกวันได้ ไม่ส่งซ้ำ)")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="วันที่ที่ใช้คำนวณ (YYYY-MM-DD) ค่าเริ่มต้นคือวันนี้")
        parser.add_argument("--dry-run", action="store_true", help="แสดงผลโดยไม่ส่งและไม่บันทึก")

    def handle(self, *args, date=None, dry_run=False, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError:
            raise CommandError(f"วันที่ไม่ถูกต้อง: {date} (ใช้รูปแบบ YYYY-MM-DD)",
                               returncode=2) from None
        digest = send_reminders(today=today, dry_run=dry_run)
        count = sum(len(items) for items in digest.values())
        verb = "จะส่ง" if dry_run else "ส่งแล้ว"
        self.stdout.write(f"{verb} {len(digest)} ฉบับ รวม {count} รายการ")
