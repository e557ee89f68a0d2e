from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "เกณฑ์และคะแนน ITA"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from indicators.models import (
            AssessmentYear,
            CriteriaRevision,
            Indicator,
            IndicatorScore,
            ItemCrosswalk,
            OITItem,
            Recommendation,
            ResultBand,
            SubIndicator,
            Tool,
        )
        from organizations import versions
        from organizations.audit import track

        for model in (AssessmentYear, Tool, Indicator, SubIndicator, OITItem, ResultBand):
            track(model, None)  # criteria belong to no organisation
        for model in (ItemCrosswalk, CriteriaRevision):
            versions.watch(model, None)  # every organisation's pages read the criteria
        for model in (IndicatorScore, Recommendation):
            versions.watch(model, "organization_id")
