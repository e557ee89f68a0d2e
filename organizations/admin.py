from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from organizations.models import Department, Organization, Position, User


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name_th", "kind", "province", "website_domains", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name_th", "slug", "province")
    prepopulated_fields = {"slug": ("name_th",)}
    inlines = [DepartmentInline]
    show_full_result_count = False


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name_th", "organization", "order")
    search_fields = ("name_th", "organization__name_th")
    list_select_related = ("organization",)
    autocomplete_fields = ("organization",)


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("name_th", "department", "organization")
    search_fields = ("name_th", "organization__name_th")
    list_select_related = ("organization", "department")
    autocomplete_fields = ("organization", "department")


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("username", "get_full_name", "organization", "role", "department", "is_active")
    list_filter = ("role", "is_active", "is_staff")
    list_select_related = ("organization", "department")
    search_fields = ("username", "first_name", "last_name", "email", "organization__name_th")
    autocomplete_fields = ("organization", "department", "position")
    fieldsets = UserAdmin.fieldsets + (
        ("หน่วยงานและบทบาท", {"fields": (
            "organization", "role", "department", "position", "oversight_province")}),
    )
