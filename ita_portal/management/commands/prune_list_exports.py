from django.core.management.base import BaseCommand, CommandError

from ita_portal.list_exports import KEEP_DAYS, prune


class Command(BaseCommand):
    help = "ลบไฟล์ PDF ของรายการที่ขอไว้นานแล้ว (ขอใหม่ได้ทุกเมื่อ ระบบจะสร้างจากข้อมูลปัจจุบัน)"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=KEEP_DAYS,
                            help="เก็บไฟล์ไว้อย่างน้อยกี่วันนับจากวันที่ขอ")

    def handle(self, *args, days, **options):
        if not 1 <= days <= 3650:
            raise CommandError("--days ต้องอยู่ระหว่าง 1 ถึง 3650 วัน")
        self.stdout.write(f"ลบไฟล์ PDF ของรายการ {prune(days=days)} ไฟล์")
