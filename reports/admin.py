from django.contrib import admin

from reports.models import Committee, CommitteeMember, Meeting, MeetingNote


class MemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ("name_th", "organization")
    list_select_related = ("organization",)
    autocomplete_fields = ("organization",)
    inlines = [MemberInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("committee", "number", "fiscal_year", "date", "status")
    list_select_related = ("committee",)
    readonly_fields = ("status", "closed_at", "closed_by", "report_file", "report_sha256")


@admin.register(MeetingNote)
class MeetingNoteAdmin(admin.ModelAdmin):
    list_display = ("meeting", "measure", "note", "by")
    list_select_related = ("meeting", "measure", "by")


admin.site.register(CommitteeMember)
