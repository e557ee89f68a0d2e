
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ita_portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "สำรองข้อมูลทั้งหมด (ฐานข้อมูล ไฟล์หลักฐาน และ PDF) เป็นไฟล์เดียวพร้อมรายการ SHA-256"

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="ไฟล์ปลายทาง (.tar) ค่าเริ่มต้นอยู่ใน BACKUP_DIR")

    def handle(self, *args, output=None, **options):
        if output is None:
            folder = Path(settings.BACKUP_DIR)
            folder.mkdir(parents=True, exist_ok=True)
            output = folder / f"ita-portal-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from error
        files = sum(1 for name in manifest["members"] if name.startswith("files/"))
        self.stdout.write(f"สำรองข้อมูลแล้ว: {output} (ฐานข้อมูล + {files} ไฟล์)")
