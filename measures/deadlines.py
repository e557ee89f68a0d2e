"""When a measure is overdue, due soon, or waiting for an update: one function each, over the
one table of windows (ita_portal.deadlines). Everything that asks — "my work", the reminders,
the dashboard, the measure page and the lists — asks here. "Today" is Bangkok's."""

from django.db.models import Q

from ita_portal.deadlines import WINDOWS, days
from measures.models import CLOSED_STATUSES

__all__ = ["WINDOWS", "days"]


def open_q():
    """Work still to do: not closed, and not carried into a later fiscal year (the work goes
    on in the measure it was carried to, which has its own dates)."""
    return ~Q(status__in=CLOSED_STATUSES) & Q(carried_to__isnull=True)


def overdue_q(today):
    return Q(end_date__lt=today) & open_q()


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


def due_within_q(today, window):
    return Q(end_date__gte=today, end_date__lte=today + days(window))


def waits_for_update_q(now):
    return Q(last_update_at__isnull=True) | Q(last_update_at__lt=now - days("stale"))
