import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from imports.models import ImportBatch
from imports.services import apply, owner_choices, read_plan
from imports.source import UnreadableDocument
from organizations.lookup import organizations_by_key
from organizations.models import Role


def fail(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = ("นำเข้าเอกสารวิเคราะห์ผลการประเมินและมาตรการ (O42) จากไฟล์ .docx หรือ .txt: "
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
        try:
            plan = read_plan(path.read_bytes(), path.name, year)
        except (UnreadableDocument, ValidationError) as error:
            raise fail(getattr(error, "messages", [str(error)])[0]) from error
        result = plan.as_json()
        if not dry_run:
            result["imported"] = self.write(org, year, path, result)
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(self.summary(result))

    def write(self, org, year, path, plan):
        import hashlib

        admin = org.members.filter(role=Role.ADMIN, is_active=True).first()
        if admin is None:
            raise fail(f"หน่วยงาน {org.slug} ยังไม่มีผู้ดูแลระบบ จึงบันทึกการนำเข้าในนามใครไม่ได้")
        batch = ImportBatch.objects.create(
            organization=org, fiscal_year=year, source_name=path.name[:200], plan=plan,
            source_sha256=hashlib.sha256(path.read_bytes()).hexdigest(), created_by=admin)
        mapping = {name: ("new" if match is None else match)
                   for name, match in owner_choices(batch).items() if match != "everyone"}
        return apply(batch=batch, mapping=mapping, by=admin).summary

    def summary(self, result):
        lines = [f"คะแนน {len(result['scores'])} ตัวชี้วัด, ประเด็น {len(result['issues'])}, "
                 f"มาตรการ {len(result['measures'])}, อ่านไม่ได้ {len(result['unparsed'])} บรรทัด"]
        lines += [f"  บรรทัด {u['line']}: {u['reason']}" for u in result["unparsed"]]
        if "imported" in result:
            lines.append(f"นำเข้าแล้ว: {result['imported']}")
        return "\n".join(lines)
