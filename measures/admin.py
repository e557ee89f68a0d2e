from django.contrib import admin

from ita_portal.admin import ReadOnlyAdmin
from measures.models import (
    Evidence,
    ImprovementIssue,
    Measure,
    MeasureEvent,
    MeasureStep,
    ProgressUpdate,
    ReminderSent,
)


class StepInline(admin.TabularInline):
    model = MeasureStep
    extra = 0


@admin.register(ImprovementIssue)
class ImprovementIssueAdmin(admin.ModelAdmin):
    list_display = ("title", "organization", "fiscal_year", "indicator", "cadence")
    list_filter = ("fiscal_year", "cadence")
    search_fields = ("title", "organization__name_th")
    list_select_related = ("organization", "indicator")
    autocomplete_fields = ("organization",)
    filter_horizontal = ("owner_departments", "owner_positions", "owner_users")


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "organization", "fiscal_year", "status", "percent",
                    "end_date")
    list_filter = ("fiscal_year", "status", "cadence")
    search_fields = ("title", "organization__name_th")
    list_select_related = ("organization",)
    autocomplete_fields = ("organization",)
    filter_horizontal = ("owner_departments", "owner_positions", "owner_users", "issues",
                         "indicators")
    readonly_fields = ("status", "percent", "version", "last_update_at")
    inlines = [StepInline]


@admin.register(MeasureEvent)
class MeasureEventAdmin(ReadOnlyAdmin):
    list_display = ("measure", "kind", "from_status", "to_status", "by", "at")
    list_select_related = ("measure", "by")


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdmin):
    list_display = ("measure", "reported_on", "percent", "status", "by", "created_at")
    list_select_related = ("measure", "by")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("update", "original_name", "url", "content_type", "size")
    list_select_related = ("update__measure",)


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ("user", "measure", "kind", "key", "sent_at")
    list_select_related = ("user", "measure")
