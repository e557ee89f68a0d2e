"""Daily reminder digests to measure owners, e-mailed and kept in their inbox.
Each (person, measure, kind, key) is sent once:
the key is the due date (or the last update's date), so a new due date or a new update can
warrant a new reminder, but a second run on the same day sends nothing."""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ita_portal.thai import thai_date, thai_digits
from measures.deadlines import (
    WINDOWS,
    is_due_within,
    is_overdue,
    is_stale,
    last_activity,
    open_q,
)
from measures.models import Measure, ReminderKind, ReminderSent
from organizations.mail import send_thai_mail
from organizations.models import Role, User
from organizations.notices import notify

K = ReminderKind


def reminder_kind(measure, today):
    """(kind, key) for an open measure that needs a reminder today, or None."""
    if is_overdue(measure, today):
        return K.OVERDUE, measure.end_date.isoformat()
    if is_due_within(measure, today, "due_urgent"):
        return K.DUE_3, measure.end_date.isoformat()
    if is_due_within(measure, today, "due_soon"):
        return K.DUE_14, measure.end_date.isoformat()
    if is_stale(measure, today):
        return K.STALE, last_activity(measure).isoformat()
    return None


def owners_of(measure, staff):
    """The active people of the organisation who own a measure (prefetched owners)."""
    departments = {d.pk for d in measure.owner_departments.all()}
    positions = {p.pk for p in measure.owner_positions.all()}
    named = {u.pk for u in measure.owner_users.all()}
    return [u for u in staff if measure.owned_by_everyone or u.pk in named
            or u.department_id in departments or u.position_id in positions]


def collect(today):
    """{user: [(measure, kind, key)]} of reminders not yet sent."""
    measures = (Measure.objects.filter(open_q())
                .prefetch_related("owner_departments", "owner_positions", "owner_users")
                .select_related("organization"))
    staff_by_org = defaultdict(list)
    for user in User.objects.filter(is_active=True, role__in=[Role.STAFF, Role.ADMIN]):
        staff_by_org[user.organization_id].append(user)
    sent = set(ReminderSent.objects.values_list("user_id", "measure_id", "kind", "key"))
    digest = defaultdict(list)
    for measure in measures:
        due = reminder_kind(measure, today)
        if due is None:
            continue
        for user in owners_of(measure, staff_by_org[measure.organization_id]):
            if (user.pk, measure.pk, *due) not in sent:
                digest[user].append((measure, *due))
    return digest


def _label(kind):
    """The kind's name; the stale one says how many days (the window, not the code)."""
    if kind == K.STALE:
        return f"ไม่มีรายงานความคืบหน้า {thai_digits(WINDOWS['stale'])} วัน"
    return kind.label


def sections(items):
    """[(Thai heading, [measure])] of the digest, most urgent first."""
    return [(_label(kind), chosen) for kind in (K.OVERDUE, K.DUE_3, K.DUE_14, K.STALE)
            if (chosen := [m for m, k, _ in items if k == kind])]


def render_digest(user, items):
    lines = [f"เรียน {user}", "", "มาตรการที่ท่านรับผิดชอบซึ่งต้องติดตาม:"]
    for label, chosen in sections(items):
        lines += ["", f"{label}:"]
        lines += [f"  - มาตรการที่ {m.number} {m.title[:100]} (สิ้นสุด {thai_date(m.end_date)})"
                  for m in chosen]
    lines += ["", "กรุณาบันทึกรายงานความคืบหน้าใน ITA Portal", "ITA Portal"]
    return "\n".join(lines)


def send_reminders(today=None, dry_run=False):
    today = today or timezone.localdate()  # Bangkok's date, not the machine's
    digest = collect(today)
    for user, items in digest.items():
        if dry_run:
            continue
        subject = f"ITA Portal: มาตรการที่ต้องติดตาม {len(items)} รายการ"
        with transaction.atomic():
            body = render_digest(user, items)
            if user.email:  # without an address the digest waits in the inbox
                send_thai_mail(user.email, subject, "measures/email_digest", {
                    "user": user, "text": body, "sections": sections(items),
                    "base_url": settings.SITE_URL})
            notify(user, key=f"measure-reminders:{today.isoformat()}", subject=subject,
                   body=body, url=reverse("my-measures"), emailed=True)
            ReminderSent.objects.bulk_create(
                [ReminderSent(user=user, measure=m, kind=kind, key=key) for m, kind, key in items],
                ignore_conflicts=True)
    return digest


