from django.contrib import admin

from disclosure.models import CheckRun, DisclosureItem, EvidenceLink, ItemStatusChange, LinkCheck
from ita_portal.admin import ReadOnlyAdmin


class LinkInline(admin.TabularInline):
    model = EvidenceLink
    extra = 0
    readonly_fields = ("last_outcome", "last_checked_at", "consecutive_failures", "is_broken")


@admin.register(DisclosureItem)
class DisclosureItemAdmin(admin.ModelAdmin):
    list_display = ("oit_item", "organization", "status", "needs_confirmation", "due_date")
    list_filter = ("oit_item__year", "status")
    search_fields = ("organization__name_th", "oit_item__code")
    list_select_related = ("oit_item", "organization")
    autocomplete_fields = ("organization",)
    inlines = [LinkInline]


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(admin.ModelAdmin):
    list_display = ("url", "item", "last_outcome", "is_broken", "removed_at")
    list_filter = ("is_broken", "last_outcome")
    list_select_related = ("item__oit_item", "item__organization")
    search_fields = ("url",)


@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdmin):
    list_display = ("link", "checked_at", "outcome", "http_status", "elapsed_ms")
    list_filter = ("outcome",)
    list_select_related = ("link",)


@admin.register(CheckRun)
class CheckRunAdmin(ReadOnlyAdmin):
    list_display = ("organization", "year", "created_at", "done", "total", "failed")
    list_select_related = ("organization",)


@admin.register(ItemStatusChange)
class ItemStatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("item", "from_status", "to_status", "by", "at")
    list_select_related = ("item", "by")
