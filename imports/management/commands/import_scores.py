from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.scores import import_scores
from imports.upload import UnreadableDocument


class Command(BaseCommand):
    help = ("นำเข้าคะแนนทางการรายตัวชี้วัดของหน่วยงานหนึ่งหรือหลายหน่วยงานจาก CSV/XLSX "
            "(หน่วยงาน, ปี, ตัวชี้วัด 1–10, คะแนนรวมถ้ามี) ตรวจคะแนนรวมกับที่คำนวณได้ "
            "หากมีแถวใดผิดจะไม่บันทึกอะไรเลย")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก")

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        try:
            result = import_scores(path.read_bytes(), path.name, None, dry_run=dry_run)
        except (OSError, UnreadableDocument) as error:
            raise CommandError(str(error), returncode=2) from error
        if result.errors:
            for line in result.errors:
                self.stderr.write(line)
            raise CommandError(f"ไม่ได้บันทึก: พบข้อผิดพลาด {len(result.errors)} รายการ",
                               returncode=1)
        rows = len(result.rows)
        if dry_run:
            self.stdout.write(f"ตรวจแล้ว {rows} แถว ถูกต้องทั้งหมด (ยังไม่บันทึก)")
            return
        for line in result.updated:
            self.stdout.write(f"แทนค่าเดิม: {line}")
        self.stdout.write(f"บันทึก {rows} แถว: คะแนนใหม่ {result.created} "
                          f"แก้ไข {len(result.updated)}")
