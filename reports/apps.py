from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "คณะกรรมการและรายงาน"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from organizations.audit import track
        from reports.models import (
            AgendaChange,
            Committee,
            FrozenReport,
            Meeting,
            MeetingNote,
            PublishedDocument,
        )

        track(Committee, "organization_id")
        track(Meeting, "organization_id", exclude_fields=("report_html",))
        track(MeetingNote, "meeting.organization_id")
        track(AgendaChange, "meeting.organization_id")
        track(FrozenReport, "meeting.organization_id", exclude_fields=("html",))
        track(PublishedDocument, "organization_id")

        from organizations.versions import everyone_changed
        from reports.tasks import figures_after_criteria
        everyone_changed.connect(figures_after_criteria, dispatch_uid="reports-figures")
