from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = "หน่วยงานและผู้ใช้"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from organizations import admin_names, twofactor  # noqa: F401 (signal receivers)
        from organizations.audit import track
        from organizations.models import Department, Organization, Position, User

        track(Organization, "pk")
        track(Department, "organization_id")
        track(Position, "organization_id")
        track(User, "organization_id")
        admin_names.apply()
