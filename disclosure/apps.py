from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "การเปิดเผยข้อมูล OIT"
    default_auto_field = "django.db.models.BigAutoField"
