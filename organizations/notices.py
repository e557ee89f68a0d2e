"""Notices: one row per (person, key) in the in-app inbox, e-mailed exactly once.

`notify()` is what other apps call. People who chose "immediate" are e-mailed by the next
`send_notifications` run; "daily" and "weekly" get one digest of everything not yet e-mailed
(the weekly digest on Mondays). A notice is marked e-mailed in the same transaction that
sends it, with its row locked, so two runs never send it twice. People without an e-mail
address read their inbox.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone

from organizations.mail import send_thai_mail
from organizations.models import Notification, NotifyFrequency, User


def notify(user, *, key, subject, body, url="", emailed=False):
    """Create the notice unless this person already has one with this key; True if created.
    `emailed=True` when the caller has just e-mailed it itself (it is then only in the inbox)."""
    try:
        with transaction.atomic():
            Notification.objects.create(user=user, key=key[:120], subject=subject[:200],
                                        body=body, url=url[:300],
                                        emailed_at=timezone.now() if emailed else None)
    except IntegrityError:
        return False
    return True


def unread_count():
    """The number of a person's unread notices, as an annotation of users (the menu shows it
    on every page: read with the user, not in a query of its own; written in SQL because the
    ORM's subquery costs more to build than the count costs to run)."""
    notices, users = Notification._meta.db_table, User._meta.db_table
    return RawSQL(f'SELECT COUNT(*) FROM "{notices}" WHERE "{notices}"."user_id" = '
                  f'"{users}"."id" AND "{notices}"."read_at" IS NULL', (),
                  output_field=IntegerField())


def unread_of(user):
    """How many unread notices the person has (read with them when signed in)."""
    annotated = getattr(user, "unread_notices", None)
    if annotated is not None:
        return annotated
    return user.notifications.filter(read_at__isnull=True).count()


def due_frequencies(today):
    frequencies = [NotifyFrequency.IMMEDIATE, NotifyFrequency.DAILY]
    if today.weekday() == 0:
        frequencies.append(NotifyFrequency.WEEKLY)
    return frequencies


def recipients(frequencies):
    pending = Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True)
    return (User.objects.filter(is_active=True, notify_frequency__in=frequencies,
                                notifications__in=pending)
            .exclude(email="").distinct())


def send_pending(today=None, base_url=""):
    """E-mail each due recipient their unsent notices in one message; returns messages sent."""
    today = today or timezone.localdate()
    sent = 0
    for user in recipients(due_frequencies(today)):
        if _send_one(user, base_url):
            sent += 1
    return sent


def _send_one(user, base_url):
    with transaction.atomic():
        notices = list(Notification.objects.select_for_update()
                       .filter(user=user, emailed_at__isnull=True, read_at__isnull=True)
                       .order_by("created_at", "pk"))
        if not notices:
            return False
        subject = notices[0].subject if len(notices) == 1 else (
            f"ITA Portal: การแจ้งเตือน {len(notices)} เรื่อง")
        send_thai_mail(user.email, subject, "organizations/email_notices", {
            "user": user, "notices": notices, "base_url": base_url or settings.SITE_URL,
            "settings_url": (base_url or settings.SITE_URL) + reverse("notification-settings"),
        })
        Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
            emailed_at=timezone.now())
    return True
