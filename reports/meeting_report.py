"""What a meeting's progress report holds: the measures whose cadence calls for a report at
this meeting, and every measure with news since the committee's previous meeting (a progress
report, a status change) or past its end date and still open — with what changed.

Cadence: every meeting → each measure not closed before the previous meeting; twice a year →
at the first meeting of each half of the fiscal year (Oct–Mar, Apr–Sep); once a year → at the
first meeting from July, the last quarter.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from measures.models import (
    CLOSED_STATUSES,
    Cadence,
    Measure,
    MeasureStep,
    ProgressUpdate,
    StatusChange,
)
from measures.selectors import with_list_data
from reports.models import Meeting


@dataclass
class ReportRow:
    measure: Measure
    updates: list
    changes: list
    note: object


def previous_meeting(meeting):
    return (Meeting.objects.filter(committee=meeting.committee, date__lt=meeting.date)
            .order_by("-date").first())


def _half_start(day):
    """First day of the fiscal half-year containing `day`: 1 October or 1 April."""
    if day.month >= 10:
        return datetime.date(day.year, 10, 1)
    if day.month < 4:
        return datetime.date(day.year - 1, 10, 1)
    return datetime.date(day.year, 4, 1)


def _first_in_period(meeting, since, before):
    return since <= meeting.date and (before is None or before.date < since)


def cadence_due(cadence, meeting, before):
    if cadence == Cadence.EVERY_MEETING:
        return True
    if cadence == Cadence.TWICE_A_YEAR:
        return _first_in_period(meeting, _half_start(meeting.date), before)
    july = datetime.date(meeting.date.year if meeting.date.month < 10 else meeting.date.year + 1,
                         7, 1)
    return _first_in_period(meeting, july, before)


def report_rows(meeting):
    before = previous_meeting(meeting)
    since = datetime.datetime.combine(before.date, datetime.time.max) if before else None
    measures = with_list_data(Measure.objects.filter(
        organization=meeting.organization, fiscal_year=meeting.fiscal_year), meeting.date)
    measures = measures.prefetch_related(
        Prefetch("steps", queryset=MeasureStep.objects.order_by("order")),
        Prefetch("updates", queryset=_after(ProgressUpdate.objects.select_related("by")
                                            .prefetch_related("evidence"), "created_at", since),
                 to_attr="recent_updates"),
        Prefetch("status_changes", queryset=_after(StatusChange.objects.select_related("by"),
                                                   "at", since), to_attr="recent_changes"))
    notes = {n.measure_id: n for n in meeting.notes.all()}
    return [ReportRow(m, m.recent_updates, m.recent_changes, notes.get(m.pk))
            for m in measures.order_by("number")
            if _included(m, meeting, before)]


def _after(queryset, field, since):
    return queryset.filter(**{f"{field}__gt": since}) if since else queryset


def _included(measure, meeting, before):
    if measure.recent_updates or measure.recent_changes:
        return True
    if measure.status in CLOSED_STATUSES:
        return before is None and cadence_due(measure.cadence, meeting, before)
    return measure.end_date < meeting.date or cadence_due(measure.cadence, meeting, before)
