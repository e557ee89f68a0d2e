from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators.exchange import spec_json, spec_workbook
from indicators.models import AssessmentYear
from indicators.spec import year_spec


class Command(BaseCommand):
    help = "ส่งออกเกณฑ์การประเมินของปีหนึ่งเป็นไฟล์ .json หรือ .xlsx (รูปแบบเดียวกับที่นำเข้าได้)"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="ปีที่ประเมิน (พ.ศ.)")
        parser.add_argument("-o", "--output", required=True, help="ไฟล์ปลายทาง .json หรือ .xlsx")

    def handle(self, *args, year, output, **options):
        year_obj = AssessmentYear.objects.filter(year=year).first()
        if year_obj is None:
            raise CommandError(f"ไม่มีเกณฑ์การประเมินปี {year}", returncode=2)
        path = Path(output)
        if path.suffix.lower() not in (".json", ".xlsx"):
            raise CommandError("ชื่อไฟล์ต้องลงท้ายด้วย .json หรือ .xlsx", returncode=2)
        spec = year_spec(year_obj)
        path.write_bytes(spec_workbook(spec) if path.suffix.lower() == ".xlsx"
                         else spec_json(spec))
        self.stdout.write(f"ส่งออกเกณฑ์ปี {year}: {len(spec['oit_items'])} ข้อ → {path}")
