"""Admin classes every app shares."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """History is append-only: visible to platform staff, never edited or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
