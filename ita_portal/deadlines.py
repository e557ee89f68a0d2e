"""How near a date is: the one table of windows (in days) behind every deadline the portal
shows or reminds of — a measure's end date, an OIT item's due date, the dashboard's horizon,
a measure waiting for a progress update. "Today" is Bangkok's (timezone.localdate())."""

import datetime

from django.conf import settings

WINDOWS = {  # days
    "due_urgent": 3,   # reminders: due within 3 days
    "due_soon": 14,    # "my work" and the reminders: due within 14 days
    "horizon": 30,     # dashboard and weekly summary: what is due, when no meeting is set
    "stale": settings.REMINDER_STALE_DAYS,  # no progress update for this long
}


def days(name):
    return datetime.timedelta(days=WINDOWS[name])


def due_bucket(due, today):
    """"overdue", "due_urgent", "due_soon" or None for a due date seen from today."""
    left = (due - today).days
    if left < 0:
        return "overdue"
    for name in ("due_urgent", "due_soon"):
        if left <= WINDOWS[name]:
            return name
    return None
