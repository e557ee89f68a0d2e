from django.core.management.base import BaseCommand, CommandError

from ita_portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "กู้คืนไฟล์สำรองเข้าสู่ฐานข้อมูลและที่เก็บไฟล์ที่ว่าง (ตรวจ SHA-256 ทุกส่วนก่อน)"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="ไฟล์สำรอง (.tar) จากคำสั่ง backup")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(archive)
        except (BackupError, FileNotFoundError, KeyError, OSError) as error:
            raise CommandError(f"กู้คืนไม่ได้: {error}", returncode=2) from error
        files = sum(1 for name in manifest["members"] if name.startswith("files/"))
        self.stdout.write(f"กู้คืนแล้ว: ฐานข้อมูล + {files} ไฟล์ (สำรองเมื่อ {manifest['created']})")
