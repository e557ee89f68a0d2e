from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "เกณฑ์และคะแนน ITA"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from indicators.models import (
            AssessmentYear,
            Indicator,
            OITItem,
            ResultBand,
            SubIndicator,
            Tool,
        )
        from organizations.audit import track

        for model in (AssessmentYear, Tool, Indicator, SubIndicator, OITItem, ResultBand):
            track(model, None)  # criteria belong to no organisation
