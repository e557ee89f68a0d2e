"""The navigation for the signed-in user's role: what each role may open, nothing more."""

from django.urls import reverse
from django.utils.translation import gettext as _

from organizations.models import Role


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [("home", _("หน้าหลัก"), reverse("home"))]
    reading = getattr(user, "reading_organization", None)
    organization = reading or (user.organization if user.role != Role.OVERSEER else None)
    if organization is not None:
        items.append(("dashboard", _("แดชบอร์ด"), reverse("dashboard")))
        items.append(("meetings", _("การประชุม"), reverse("meeting-list")))
        items.append(("reports", _("รายงาน PDF"), reverse("report-list")))
        if user.role in (Role.STAFF, Role.ADMIN) and reading is None:
            items.append(("mine", _("งานของฉัน"), reverse("my-measures")))
        items.append(("measures", _("มาตรการ"), reverse("measure-list")))
        items.append(("issues", _("ประเด็นที่ต้องปรับปรุง"), reverse("issue-list")))
        items.append(("oit", _("การเปิดเผยข้อมูล OIT"), reverse("checklist-latest")))
        items.append(("results", _("ผลการประเมิน"),
                      reverse("org-results", args=[organization.slug])))
    items.append(("criteria", _("เกณฑ์การประเมิน"), reverse("criteria-latest")))
    if user.organization_id and user.role == Role.ADMIN:
        items.append(("imports", _("นำเข้าเอกสาร"), reverse("import-start")))
        items.append(("people", _("ผู้ใช้และหน่วยงาน"), reverse("people")))
        items.append(("audit", _("ประวัติการแก้ไข"), reverse("audit")))
    unread = user.notifications.filter(read_at__isnull=True).count()
    items.append(("inbox", _("การแจ้งเตือน") + (f" ({unread})" if unread else ""),
                  reverse("inbox")))
    if user.is_staff:
        items.append(("criteria-manage", _("จัดการเกณฑ์"), reverse("criteria-manage")))
        items.append(("admin", _("ผู้ดูแลระบบ (Django)"), reverse("admin:index")))
    return {"nav_items": items, "reading_organization": reading}
