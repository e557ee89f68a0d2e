"""When a measure is overdue, due soon, or waiting for an update: one table of windows and one
function each. Everything that asks — "my work", the reminders, the dashboard, the measure
page and the lists — asks here. "Today" is Bangkok's: timezone.localdate() (TIME_ZONE)."""

import datetime

from django.conf import settings
from django.db.models import Q

from measures.models import CLOSED_STATUSES

WINDOWS = {  # days
    "due_urgent": 3,   # reminder: due within 3 days
    "due_soon": 14,    # "my work" and the reminder: due within 14 days
    "horizon": 30,     # dashboard: what is due before the next meeting, when none is set
    "stale": settings.REMINDER_STALE_DAYS,  # no progress update for this long
}


def days(name):
    return datetime.timedelta(days=WINDOWS[name])


def overdue_q(today):
    return Q(end_date__lt=today) & ~Q(status__in=CLOSED_STATUSES)


def is_overdue(measure, today):
    return measure.status not in CLOSED_STATUSES and measure.end_date < today


def is_due_within(measure, today, window):
    """Open, not overdue, and ending within the window (a WINDOWS name)."""
    return (measure.status not in CLOSED_STATUSES
            and today <= measure.end_date <= today + days(window))


def last_activity(measure):
    """The day of the last progress update, or of the measure's creation."""
    return (measure.last_update_at or measure.created_at).date()


def is_stale(measure, today):
    """No progress update (or creation) for the stale window: the reminder's rule."""
    return (today - last_activity(measure)).days >= WINDOWS["stale"]


def waits_for_update(measure, now):
    """Never updated, or not for the stale window: the "my work" bucket."""
    return measure.last_update_at is None or measure.last_update_at < now - days("stale")
