from django.core.management.base import BaseCommand, CommandError

from disclosure.services import check_runs_queue
from indicators.models import AssessmentYear
from organizations.lookup import organizations_by_key
from organizations.models import Organization


class Command(BaseCommand):
    help = ("ตรวจลิงก์หลักฐาน OIT ทุกลิงก์ (สำหรับ cron) เก็บผลทุกครั้งเป็นประวัติ "
            "โดยส่งงานเบื้องหลังหนึ่งงานต่อหน่วยงานกลุ่มละ LINKCHECK_BATCH แห่ง "
            "ให้ worker หลายตัวช่วยกันตรวจ")

    def add_arguments(self, parser):
        parser.add_argument("--organization", help="รหัส (id) หรือรหัสย่อ (slug) ของหน่วยงาน")
        parser.add_argument("--year", type=int, help="ปีที่ประเมิน (พ.ศ.) ค่าเริ่มต้นคือปีล่าสุด")

    def handle(self, *args, organization=None, year=None, **options):
        year = year or AssessmentYear.objects.order_by("-year").values_list(
            "year", flat=True).first()
        if not AssessmentYear.objects.filter(year=year).exists():
            raise CommandError(f"ไม่พบเกณฑ์ของปี {year}", returncode=2)
        runs = check_runs_queue(organizations=self._organizations(organization), year=year)
        for run in runs:
            org = run.organization  # set when the run was made; read before the refresh
            run.refresh_from_db()
            if run.finished_at:
                self.stdout.write(f"{org.slug} {year}: ตรวจ {run.done}/{run.total} ลิงก์ "
                                  f"ล้มเหลว {run.failed}")
            else:
                self.stdout.write(f"{org.slug} {year}: ส่งตรวจ {run.total} ลิงก์ "
                                  f"(งานที่ {run.batch_id or run.pk})")

    def _organizations(self, key):
        orgs = Organization.objects.filter(is_active=True)
        if key is None:
            return orgs.filter(disclosure_items__links__isnull=False).distinct()
        return organizations_by_key(key, orgs)
