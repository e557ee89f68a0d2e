from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = "ประเด็นและมาตรการ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from measures import handover
        from measures.models import (
            Evidence,
            ImprovementIssue,
            Measure,
            MeasureEvent,
            MeasureStep,
            ProgressUpdate,
        )
        from organizations import versions
        from organizations.audit import track

        owners = ("owner_departments", "owner_positions", "owner_users")
        track(ImprovementIssue, "organization_id", m2m_fields=owners)
        track(Measure, "organization_id", m2m_fields=(*owners, "issues", "indicators"))
        track(MeasureStep, "measure.organization_id")
        versions.watch(ProgressUpdate, "measure.organization_id")
        versions.watch(MeasureEvent, "measure.organization_id")
        versions.watch(Evidence, "update.measure.organization_id")
        handover.register()

        from ita_portal import list_exports
        from measures import downloads
        from organizations.scoping import require_member

        list_exports.register("measures", require_member, downloads.pdf_content)

        from indicators.editing import oit_item_replaced
        from measures.criteria_changes import repoint_issues

        oit_item_replaced.connect(repoint_issues, dispatch_uid="measures-repoint_issues")
