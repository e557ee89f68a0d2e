"""Bring the demo municipality into the present, with sample data labelled as such.

The seed's real ITA 2564 result and fiscal-2565 measures stay as history. On top of them:
sample official results for the other years up to the one before the year in progress (for
trends), the year in progress's checklist partly answered, and the seed's unfinished measures
carried into the current fiscal year, two in progress with a progress report each, one already
overdue and one due within weeks (deadlines relative to today), and the committee's next
meeting of the year. Idempotent.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from disclosure.models import DisclosureItem, ItemStatus
from disclosure.services import ensure_checklist, item_write
from indicators.criteria_loader import upsert
from indicators.models import AssessmentYear, Indicator, IndicatorScore
from indicators.years import default_year, year_in_progress
from ita_portal.thai import fiscal_year_bounds
from measures.models import Measure, Status
from measures.rollover import carry_measure
from measures.services import UpdateInput, measure_save, progress_update_create
from organizations.models import Position
from reports.models import Committee, Meeting

SAMPLE_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "arun_nikhom_sample.json"


def load_present(org, admin, report, path=SAMPLE_FILE):
    sample = json.loads(Path(path).read_text(encoding="utf-8"))
    if org.demo_note != sample["demo_note"]:
        org.demo_note = sample["demo_note"]
        org.save(update_fields=["demo_note"])
    _scores(org, sample, report)
    year = default_year()
    if year is not None:
        _checklist(org, admin, year, sample["checklist"])
    _carry(org, admin, sample["carry"])


def _scores(org, sample, report):
    latest = year_in_progress() - 1
    for year, values in sample["scores"].items():
        if int(year) > latest or not AssessmentYear.objects.filter(year=int(year)).exists():
            continue
        for number, value in enumerate(values, start=1):
            indicator = Indicator.objects.get(year__year=int(year), number=number)
            upsert(IndicatorScore, {"organization": org, "indicator": indicator},
                   {"score": Decimal(value), "source": sample["score_source"]}, report)


def _checklist(org, admin, year, spec):
    ensure_checklist(org, year)
    answers = list(DisclosureItem.objects.filter(organization=org, oit_item__year__year=year)
                   .select_related("oit_item").order_by("oit_item__order"))
    position = Position.objects.filter(organization=org, name_th=spec["owner_position"]).first()
    for k, answer in enumerate(answers):
        if answer.version > 1 or k >= spec["present"] + spec["in_progress"]:
            continue
        present = k < spec["present"]
        urls = [(spec["url"].format(year=year, code=answer.oit_item.code.lower()), "")]
        item_write(item=answer, by=admin, urls=urls if present else [], fields={
            "status": ItemStatus.PRESENT if present else ItemStatus.IN_PROGRESS,
            "explanation": spec["explanation"], "owner_position": position})


def _carry(org, admin, spec):
    current = year_in_progress()
    if Measure.objects.filter(organization=org, fiscal_year=current).exists():
        return
    old = Measure.objects.filter(organization=org, fiscal_year__lt=current,
                                 carried_to__isnull=True).order_by("fiscal_year", "number")
    for measure in old:
        new = carry_measure(measure=measure, fiscal_year=current, by=admin)
        _set_end(org, admin, new, spec.get("end_in_days", {}).get(str(measure.number)))
        if measure.number in spec["in_progress"]:
            percent = spec["percent"][spec["in_progress"].index(measure.number)]
            _report(new, admin, percent, spec["note"])
    _meeting(org, current, spec.get("meeting"))


def _set_end(org, admin, measure, days):
    """A sample deadline relative to today (one already passed, one coming), so the demo's
    committee sees what is behind and what is due."""
    if days is None:
        return
    end = max(measure.start_date, timezone.localdate() + datetime.timedelta(days=days))
    measure_save(organization=org, measure=measure, fields={"end_date": end}, by=admin)


def _report(measure, admin, percent, note):
    """A sample progress report a week ago: the measure in progress, with its history."""
    day = max(measure.start_date, timezone.localdate() - datetime.timedelta(days=7))
    progress_update_create(measure=measure, by=admin, expected_version=measure.version,
                           data=UpdateInput(reported_on=day, note=note, percent=percent,
                                            status=Status.IN_PROGRESS, files=[], urls=[]))


def _meeting(org, fiscal_year, spec):
    """The committee's next meeting of the year in progress (open: its agenda is live)."""
    committee = Committee.objects.filter(organization=org).order_by("order", "pk").first()
    if not spec or committee is None:
        return
    _, last = fiscal_year_bounds(fiscal_year)
    day = min(last, timezone.localdate() + datetime.timedelta(days=spec["in_days"]))
    Meeting.objects.get_or_create(organization=org, committee=committee,
                                  fiscal_year=fiscal_year, number=1,
                                  defaults={"date": day, "place": spec["place"],
                                            "agenda": spec["agenda"]})
