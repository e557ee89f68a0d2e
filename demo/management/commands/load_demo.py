from django.core.management.base import BaseCommand

from demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "โหลดหน่วยงานสาธิต (เทศบาลตำบลอรุณนิคม จากเอกสารต้นทาง) พร้อมบัญชีผู้ใช้ทุกบทบาท"

    def handle(self, *args, **options):
        org, users, report = load_demo()
        self.stdout.write(f"demo {org.name_th}: {report}")
        self.stdout.write(f"บัญชีสาธิต (รหัสผ่านทุกบัญชี: {DEMO_PASSWORD})")
        for user in users:
            where = " · ".join(str(x) for x in (user.department, user.position) if x)
            self.stdout.write(f"  {user.username:<13} {user.get_role_display()}"
                              f"{' · ' + where if where else ''}")
