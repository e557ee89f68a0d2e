import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from imports.document.write import owner_choices, read_plan
from imports.services import apply, preview
from imports.upload import UnreadableDocument
from organizations.lookup import organizations_by_key
from organizations.models import Role


def fail(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = ("นำเข้าเอกสารวิเคราะห์ผลการประเมินและมาตรการ (O42/O25) จากไฟล์ .pdf, .docx หรือ .txt: "
            "คะแนนรายตัวชี้วัด ประเด็นที่ต้องปรับปรุง และมาตรการ")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--organization", required=True, help="id หรือ slug ของหน่วยงาน")
        parser.add_argument("--year", type=int, required=True, help="ปีงบประมาณของมาตรการ (พ.ศ.)")
        parser.add_argument("--dry-run", action="store_true", help="อ่านและแสดงผล ไม่บันทึก")
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, file, organization, year, dry_run, format, **options):
        org = organizations_by_key(organization).get()
        path = Path(file)
        if not path.is_file():
            raise fail(f"ไม่พบไฟล์ {file}")
        data = path.read_bytes()
        try:
            if dry_run:
                result = read_plan(data, path.name, year).as_json()
            else:
                result = self.write(org, year, path.name, data)
        except (UnreadableDocument, ValidationError) as error:
            raise fail(getattr(error, "messages", [str(error)])[0]) from error
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(self.summary(result))

    def write(self, org, year, name, data):
        """Preview and apply as the organisation's admin; unknown owners become positions."""
        admin = org.members.filter(role=Role.ADMIN, is_active=True).first()
        if admin is None:
            raise fail(f"หน่วยงาน {org.slug} ยังไม่มีผู้ดูแลระบบ จึงบันทึกการนำเข้าในนามใครไม่ได้")
        batch = preview(organization=org, fiscal_year=year, data=data, filename=name, by=admin)
        mapping = {name: "new" for name, match in owner_choices(batch).items() if match is None}
        batch = apply(batch=batch, mapping=mapping, by=admin)
        return {**batch.plan, "imported": batch.summary}

    def summary(self, result):
        lines = [f"คะแนน {len(result['scores'])} ตัวชี้วัด, ประเด็น {len(result['issues'])}, "
                 f"มาตรการ {len(result['measures'])}, อ่านไม่ได้ {len(result['unparsed'])} บรรทัด"]
        lines += [f"  บรรทัด {u['line']}: {u['reason']}" for u in result["unparsed"]]
        if "imported" in result:
            lines.append(f"นำเข้าแล้ว: {result['imported']}")
        return "\n".join(lines)
