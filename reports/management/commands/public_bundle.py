"""manage.py public_bundle <slug> <year> [-o FILE] [--base-url URL]: the organisation's public
pages of the year as a ZIP of files linked to each other, for a main website that takes only
uploads (reports/bundle.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ita_portal.bounds import year_problem
from organizations.models import Organization
from reports.bundle import bundle_name, write_bundle


class Command(BaseCommand):
    help = "หน้าสาธารณะของหน่วยงาน (OIT ของปี เอกสารเผยแพร่ PDF ฟีด) เป็นไฟล์ ZIP สำหรับอัปโหลด"

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("year", type=int)
        parser.add_argument("-o", "--output", help="ไฟล์ ZIP (ค่าตั้งต้น ita-<slug>-<year>.zip)")
        parser.add_argument("--base-url", default="",
                            help="ที่อยู่ของพอร์ทัล เช่น https://www.town.go.th/ita (ใช้ในฟีด)")

    def handle(self, slug, year, output=None, base_url="", **options):
        organization = Organization.objects.filter(slug=slug, is_active=True).first()
        if organization is None:
            raise CommandError(f"ไม่พบหน่วยงาน {slug}")
        if problem := year_problem(year):
            raise CommandError(problem)
        path = Path(output or f"{bundle_name(organization, year)}.zip")
        with path.open("wb") as target:
            write_bundle(organization, year, target, lambda p: base_url.rstrip("/") + p)
        self.stdout.write(f"{path} ({path.stat().st_size:,} ไบต์)")
