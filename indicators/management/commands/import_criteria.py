from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from indicators import criteria_import
from indicators.exchange import read_file


class Command(BaseCommand):
    help = ("นำเข้าเกณฑ์การประเมินของปีหนึ่งจากไฟล์ .json หรือ .xlsx: ปีใหม่เข้าเป็นร่าง "
            "ปีที่เผยแพร่แล้วต้องระบุ --reason; ผิดแถวใดแจ้งทุกแถวและไม่บันทึกอะไรเลย")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, default=None,
                            help="นำเข้าเป็นปีนี้ (ไม่ระบุ = ปีในไฟล์)")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก")
        parser.add_argument("--reason", default="", help="เหตุผลของการแก้ไขปีที่เผยแพร่แล้ว")

    def handle(self, *args, file, year, dry_run, reason, **options):
        try:
            result = criteria_import.preview(read_file(Path(file).read_bytes()), year)
            if result.errors:
                raise ValidationError(result.errors)
            summary = (f"ปี {result.spec['year']}: {len(result.spec['oit_items'])} ข้อ "
                       f"(เพิ่ม {len(result.added)}, แก้ไข {len(result.changed)}, "
                       f"นำออก {len(result.removed)})")
            if dry_run:
                self.stdout.write(f"ตรวจแล้ว ไม่บันทึก — {summary}")
                return
            criteria_import.apply(result, by=None, reason=reason)
        except OSError as error:
            raise CommandError(f"เปิดไฟล์ไม่ได้: {error.strerror}", returncode=2) from None
        except ValidationError as error:
            for message in error.messages:
                self.stderr.write(message)
            raise CommandError(f"ไม่ได้นำเข้า: พบข้อผิดพลาด {len(error.messages)} รายการ",
                               returncode=2) from None
        self.stdout.write(f"นำเข้าแล้ว — {summary}")
