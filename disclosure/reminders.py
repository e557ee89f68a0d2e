"""Notices for OIT checklist owners: due dates (like measure owners get) and links that
became broken. Each notice has a key, so a run repeated on the same day notifies no one twice."""

from django.urls import reverse

from disclosure.models import DisclosureItem, ItemStatus
from ita_portal.deadlines import WINDOWS, days, due_bucket
from ita_portal.thai import thai_date, thai_digits
from organizations.models import Role, User
from organizations.notices import notify

LABELS = {"overdue": "เลยกำหนดแล้ว",
          **{name: f"ครบกำหนดภายใน {thai_digits(WINDOWS[name])} วัน"
             for name in ("due_urgent", "due_soon")}}


def item_owners(item):
    """The person named on the item, else the holders of its position, else its department."""
    people = User.objects.filter(organization_id=item.organization_id, is_active=True,
                                 role__in=[Role.STAFF, Role.ADMIN])
    if item.owner_user_id:
        return list(people.filter(pk=item.owner_user_id))
    if item.owner_position_id:
        return list(people.filter(position_id=item.owner_position_id))
    if item.owner_department_id:
        return list(people.filter(department_id=item.owner_department_id))
    return []


def due_label(item, today):
    bucket = due_bucket(item.due_date, today)
    return LABELS[bucket] if bucket else None


def remind_due_items(today):
    """Notify owners of items not yet disclosed whose due date is near or past."""
    items = (DisclosureItem.objects.exclude(status=ItemStatus.PRESENT)
             .filter(due_date__isnull=False, due_date__lte=today + days("due_soon"),
                     organization__is_active=True)
             .select_related("oit_item"))
    created = 0
    for item in items:
        label = due_label(item, today)
        for user in item_owners(item) if label else []:
            created += notify(
                user, key=f"oit-due:{item.pk}:{label}:{item.due_date}",
                subject=f"ข้อ OIT {item.oit_item.code} {label}",
                body=f"{item.oit_item.code} {item.oit_item.name_th[:150]}\n"
                     f"กำหนดเสร็จ {thai_date(item.due_date)} สถานะ: {item.get_status_display()}",
                url=reverse("disclosure-item", args=[item.pk]))
    return created


def notify_broken_link(link):
    """Tell the item's owners once that this link is now broken."""
    item = link.item
    since = link.failing_since.strftime("%Y%m%d%H%M") if link.failing_since else ""
    for user in item_owners(item):
        notify(user, key=f"link-broken:{link.pk}:{since}",
               subject=f"ลิงก์หลักฐานของข้อ OIT {item.oit_item.code} ใช้งานไม่ได้",
               body=f"{link.url}\nตรวจแล้วล้มเหลว {link.consecutive_failures} ครั้งติดต่อกัน "
                    "กรุณาแก้ไขลิงก์หรือเผยแพร่ข้อมูลใหม่บนเว็บไซต์หลัก",
               url=reverse("disclosure-item", args=[item.pk]))
