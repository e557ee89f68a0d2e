from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "เกณฑ์และคะแนน ITA"
    default_auto_field = "django.db.models.BigAutoField"
