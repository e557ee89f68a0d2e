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
from django.utils import timezone

from ita_portal.thai import fiscal_half_start, fiscal_quarter_start, fiscal_year_of
from measures.models import (
    CLOSED_STATUSES,
    WORK_EVENTS,
    Cadence,
    Measure,
    MeasureEvent,
    MeasureStep,
    ProgressUpdate,
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


def _first_in_period(meeting, since, before):
    return since <= meeting.date and (before is None or before.date < since)


def cadence_due(cadence, meeting, before):
    if cadence == Cadence.EVERY_MEETING:
        return True
    if cadence == Cadence.TWICE_A_YEAR:
        return _first_in_period(meeting, fiscal_half_start(meeting.date), before)
    last_quarter = fiscal_quarter_start(fiscal_year_of(meeting.date), 4)  # yearly: from July
    return _first_in_period(meeting, last_quarter, before)


def report_rows(meeting):
    before = previous_meeting(meeting)
    since = (timezone.make_aware(datetime.datetime.combine(before.date, datetime.time.max))
             if before else None)  # the end of that day in Bangkok
    measures = with_list_data(Measure.objects.filter(
        organization=meeting.organization, fiscal_year=meeting.fiscal_year), meeting.date)
    measures = measures.prefetch_related(
        Prefetch("steps", queryset=MeasureStep.objects.order_by("order")),
        Prefetch("updates", queryset=_after(ProgressUpdate.objects.select_related("by")
                                            .prefetch_related("evidence"), "created_at", since),
                 to_attr="recent_updates"),
        Prefetch("events", queryset=_after(MeasureEvent.objects.filter(kind__in=WORK_EVENTS)
                                           .select_related("by"), "at", since),
                 to_attr="recent_changes"))
    notes = {n.measure_id: n for n in meeting.notes.all()}
    chosen = {c.measure_id: c.action for c in meeting.agenda_changes.all()}
    return [ReportRow(m, m.recent_updates, m.recent_changes, notes.get(m.pk))
            for m in measures.order_by("number")
            if chosen.get(m.pk, "add" if _included(m, meeting, before) else None) == "add"]


def left_out(meeting, rows):
    """The organisation's measures of the year not on the agenda, for the secretary to add;
    those removed carry their reason (`removal`)."""
    on_agenda = {row.measure.pk for row in rows}
    removed = {c.measure_id: c for c in meeting.agenda_changes.filter(action="remove")}
    measures = Measure.objects.filter(organization=meeting.organization,
                                      fiscal_year=meeting.fiscal_year).order_by("number")
    others = [m for m in measures if m.pk not in on_agenda]
    for measure in others:
        measure.removal = removed.get(measure.pk)
    return others


def _after(queryset, field, since):
    return queryset.filter(**{f"{field}__gt": since}) if since else queryset


def _included(measure, meeting, before):
    if measure.recent_updates or measure.recent_changes:
        return True
    if measure.status in CLOSED_STATUSES:
        return before is None and cadence_due(measure.cadence, meeting, before)
    return measure.end_date < meeting.date or cadence_due(measure.cadence, meeting, before)
