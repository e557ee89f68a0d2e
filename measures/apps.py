from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = "ประเด็นและมาตรการ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from indicators.editing import oit_item_replaced
        from measures.criteria_changes import repoint_issues

        oit_item_replaced.connect(repoint_issues, dispatch_uid="measures-repoint_issues")
