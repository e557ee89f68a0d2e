"""The navigation for the signed-in user's role: what each role may open, nothing more."""

from django.urls import reverse

from organizations.models import Role


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [("home", "หน้าหลัก", reverse("home"))]
    if user.organization_id and user.role != Role.OVERSEER:
        if user.role in (Role.STAFF, Role.ADMIN):
            items.append(("mine", "งานของฉัน", reverse("my-measures")))
        items.append(("measures", "มาตรการ", reverse("measure-list")))
        items.append(("issues", "ประเด็นที่ต้องปรับปรุง", reverse("issue-list")))
        items.append(("results", "ผลการประเมิน",
                      reverse("org-results", args=[user.organization.slug])))
    items.append(("criteria", "เกณฑ์การประเมิน", reverse("criteria-latest")))
    if user.is_staff:
        items.append(("admin", "ผู้ดูแลระบบ (Django)", reverse("admin:index")))
    return {"nav_items": items}
