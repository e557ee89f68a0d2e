"""Overdue, due soon and stale: one table of windows (measures.deadlines), Bangkok's today."""

import datetime

import pytest
from django.utils import timezone

from measures import deadlines
from measures.reminders import reminder_kind, send_reminders

pytestmark = pytest.mark.django_db


def test_reminders_use_bangkok_today(monkeypatch, measure):
    """At 01:00 in Bangkok the machine (UTC) is still on the day before."""
    bangkok_today = timezone.localdate()
    seen = []
    monkeypatch.setattr("measures.reminders.collect", lambda today: seen.append(today) or {})
    send_reminders()
    assert seen == [bangkok_today]


def test_every_window_comes_from_one_table(measure):
    today = measure.end_date - datetime.timedelta(days=deadlines.WINDOWS["due_urgent"])
    assert reminder_kind(measure, today)[0] == "due_3"
    today -= datetime.timedelta(days=1)
    assert reminder_kind(measure, today)[0] == "due_14"
    assert deadlines.is_due_within(measure, today, "due_soon")
    assert not deadlines.is_overdue(measure, today)
    assert deadlines.is_overdue(measure, measure.end_date + datetime.timedelta(days=1))
