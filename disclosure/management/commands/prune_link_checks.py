from django.core.management.base import BaseCommand

from disclosure.retention import KEEP_LATEST, prune_link_checks


class Command(BaseCommand):
    help = ("ลบประวัติการตรวจลิงก์ที่เก่าและซ้ำผลเดิม (เก็บทุกครั้งที่ผลเปลี่ยน "
            "และผลล่าสุดของแต่ละลิงก์ไว้เสมอ)")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="เก็บทุกผลไว้อย่างน้อยกี่วัน")
        parser.add_argument("--keep-latest", type=int, default=KEEP_LATEST,
                            help="จำนวนผลล่าสุดต่อลิงก์ที่เก็บไว้เสมอ")

    def handle(self, *args, days, keep_latest, **options):
        deleted = prune_link_checks(days=days, keep_latest=keep_latest)
        self.stdout.write(f"ลบประวัติการตรวจลิงก์ {deleted} รายการ")
