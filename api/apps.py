from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API อ่านข้อมูล"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from api.models import ApiToken
        from organizations.audit import track

        track(ApiToken, "organization_id", exclude_fields=("key_hash",))
