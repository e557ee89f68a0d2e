from django.core.management.base import BaseCommand

from indicators.criteria_loader import CRITERIA_DIR, load_all


class Command(BaseCommand):
    help = "โหลดเกณฑ์การประเมิน ITA ทุกปีจาก fixtures/criteria (รันซ้ำได้ ไม่เปลี่ยนข้อมูลเดิม)"

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(CRITERIA_DIR))

    def handle(self, *args, path, **options):
        report = load_all(path)
        self.stdout.write(f"criteria: {report}")
