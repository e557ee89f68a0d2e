from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = "หน่วยงานและผู้ใช้"
    default_auto_field = "django.db.models.BigAutoField"
