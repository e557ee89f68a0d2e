from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organizations.lookup import organizations_by_key
from reports.documents import report_pdf
from reports.meeting_document import meeting_pdf
from reports.models import Meeting, ReportKind

KINDS = ("meeting", *ReportKind.values)


def fail(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = ("สร้างรายงาน PDF จากบรรทัดคำสั่ง: meeting (รายงานความก้าวหน้าต่อที่ประชุม), "
            "o42 (การวิเคราะห์ผลและมาตรการ), annual (รายงานผลการดำเนินการตามมาตรการ)")

    def add_arguments(self, parser):
        parser.add_argument("kind", help="ชนิดรายงาน: " + ", ".join(KINDS))
        parser.add_argument("--organization", required=True, help="id หรือ slug ของหน่วยงาน")
        parser.add_argument("--year", type=int, required=True, help="ปีงบประมาณ (พ.ศ.)")
        parser.add_argument("--meeting", type=int, help="ครั้งที่ของการประชุม")
        parser.add_argument("-o", "--output", required=True, help="ไฟล์ PDF ที่จะเขียน")

    def handle(self, *args, kind, organization, year, meeting, output, **options):
        if kind not in KINDS:
            raise fail(f"ยังไม่รองรับรายงานชนิด {kind} (รองรับ: {', '.join(KINDS)})")
        org = organizations_by_key(organization).get()
        data = (self.meeting(org, year, meeting) if kind == "meeting"
                else report_pdf(kind, org, year))
        Path(output).write_bytes(data)
        self.stdout.write(f"เขียน {output} ({len(data)} ไบต์)")

    def meeting(self, org, year, meeting):
        found = Meeting.objects.filter(organization=org, fiscal_year=year, number=meeting)
        if meeting is None or not found.exists():
            raise fail(f"ไม่พบการประชุมครั้งที่ {meeting} ปี {year} ของ {org.slug}")
        found = found.select_related("committee", "organization").first()
        return found.report_file.read() if found.report_file else meeting_pdf(found)
