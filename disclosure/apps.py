from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "การเปิดเผยข้อมูล OIT"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from disclosure import handover
        from disclosure.models import CheckRun, DisclosureItem, EvidenceLink, ItemStatusChange
        from organizations import versions
        from organizations.audit import track

        track(DisclosureItem, "organization_id")
        track(EvidenceLink, "item.organization_id")
        versions.watch(ItemStatusChange, "item.organization_id")
        versions.watch(CheckRun, "organization_id")  # link results: disclosure.tasks
        handover.register()

        from disclosure import downloads
        from ita_portal import list_exports
        from organizations.scoping import require_member

        list_exports.register("oit", require_member, downloads.pdf_content)

        from disclosure.criteria_changes import move_answers
        from indicators.editing import oit_item_replaced

        oit_item_replaced.connect(move_answers, dispatch_uid="disclosure-move_answers")
