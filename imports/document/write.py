"""Write a document's plan: scores, issues and measures it holds that are not there yet.

Nothing that exists is overwritten: a measure with the same number, an issue with the same
indicator, title and approach, a score already on record are left alone and counted as existing,
so importing the same document twice creates nothing the second time.
"""

import datetime
import hashlib
from decimal import Decimal

from imports.document.recognise import recognise
from imports.document.source import read_document
from imports.models import ImportBatch, ImportedObject, Pipeline
from imports.upload import check_size
from imports.workbook.records import assign_owners
from indicators.models import Indicator, IndicatorScore
from indicators.selectors import require_assessed_year
from measures.models import Cadence, ImprovementIssue, Measure, MeasureStep
from organizations.models import Position
from organizations.owners import EVERYONE_PATTERN, normalise, owner_index


def read_plan(data, filename, fiscal_year):
    check_size(data)
    rows, free = read_document(data, filename)
    year = require_assessed_year(fiscal_year)
    names = {i.number: i.name_th.replace(" ", "")
             for i in Indicator.objects.filter(year=year)}
    return recognise(rows, free, fiscal_year, names)


def preview_document(*, organization, fiscal_year, data, filename, by):
    plan = read_plan(data, filename, fiscal_year)
    return ImportBatch.objects.create(
        organization=organization, fiscal_year=fiscal_year, source_name=filename[:200],
        kind=Pipeline.DOCUMENT, source_sha256=hashlib.sha256(data).hexdigest(),
        plan=plan.as_json(), created_by=by)


def owner_choices(batch):
    """Each owner name of the batch with what it matches today (None: unmatched)."""
    index = owner_index(batch.organization)
    names = {o for i in batch.plan["issues"] for o in i["owners"]}
    names |= {o for m in batch.plan["measures"] for o in m["owners"]}
    names |= {o for m in batch.plan["measures"] for s in m["steps"] for o in s["owners"]}
    return {name: ("everyone" if EVERYONE_PATTERN.search(name)
                   else index.get(normalise(name))) for name in sorted(names)}


class Writer:
    """Creates what the batch holds and remembers every row it created."""

    def __init__(self, batch, mapping):
        self.batch, self.org = batch, batch.organization
        self.mapping = mapping  # owner name → Department, Position, "new" or None
        self.index = owner_index(self.org)
        self.counts = {"created": {}, "existing": {}}

    def remember(self, obj):
        ImportedObject.objects.create(batch=self.batch, model=obj._meta.label,
                                      object_id=obj.pk)
        key = obj._meta.verbose_name
        self.counts["created"][key] = self.counts["created"].get(key, 0) + 1
        return obj

    def existing(self, model):
        key = model._meta.verbose_name
        self.counts["existing"][key] = self.counts["existing"].get(key, 0) + 1

    def owner(self, name):
        if EVERYONE_PATTERN.search(name):
            return "everyone"
        chosen = self.mapping.get(name, self.index.get(normalise(name)))
        if chosen == "new":
            chosen = self.remember(Position.objects.create(organization=self.org,
                                                           name_th=name[:120]))
            self.index[normalise(name)] = chosen
            self.mapping[name] = chosen
        return chosen

    def set_owners(self, obj, names):
        assign_owners(obj, [self.owner(n) for n in names])


def _write_scores(writer, plan, year):
    for number, value in plan["scores"].items():
        indicator = Indicator.objects.get(year=year, number=int(number))
        if IndicatorScore.objects.filter(organization=writer.org, indicator=indicator).exists():
            writer.existing(IndicatorScore)
            continue
        writer.remember(IndicatorScore.objects.create(
            organization=writer.org, indicator=indicator, score=Decimal(value),
            source=f"นำเข้าจาก {writer.batch.source_name or 'เอกสาร'}"))


def _write_issues(writer, plan, year, fiscal_year):
    indicators = {i.number: i for i in Indicator.objects.filter(year=year)}
    for order, draft in enumerate(plan["issues"], start=1):
        indicator = indicators[draft["indicator"]]
        found = ImprovementIssue.objects.filter(organization=writer.org,
                                                fiscal_year=fiscal_year,
                                                indicator=indicator, title=draft["title"],
                                                approach=draft["approach"])
        if found.exists():
            writer.existing(ImprovementIssue)
            continue
        issue = writer.remember(ImprovementIssue.objects.create(
            organization=writer.org, fiscal_year=fiscal_year, assessment_year=year,
            indicator=indicator, trigger_score=_score(plan, draft["indicator"]),
            title=draft["title"], approach=draft["approach"], monitoring=draft["monitoring"],
            cadence=draft["cadence"] or Cadence.EVERY_MEETING, order=order,
            owner_text=", ".join(draft["owners"])[:300]))
        writer.set_owners(issue, draft["owners"])


def _score(plan, number):
    value = plan["scores"].get(str(number))
    return Decimal(value) if value else None


def _write_measures(writer, plan, fiscal_year):
    for draft in plan["measures"]:
        if Measure.objects.filter(organization=writer.org, fiscal_year=fiscal_year,
                                  number=draft["number"]).exists():
            writer.existing(Measure)
            continue
        measure = writer.remember(Measure.objects.create(
            organization=writer.org, fiscal_year=fiscal_year, number=draft["number"],
            title=draft["title"], period_text=draft["period_text"][:120],
            start_date=datetime.date.fromisoformat(draft["start"]),
            end_date=datetime.date.fromisoformat(draft["end"]),
            monitoring=draft["monitoring"], cadence=draft["cadence"] or Cadence.EVERY_MEETING,
            owner_text=", ".join(draft["owners"])[:300]))
        writer.set_owners(measure, draft["owners"])
        measure.indicators.set(Indicator.objects.filter(year__year=fiscal_year,
                                                        number__in=draft["indicators"]))
        for order, step in enumerate(draft["steps"], start=1):
            MeasureStep.objects.create(
                measure=measure, order=order, text=step["text"],
                owner_text=", ".join(step["owners"])[:300], period_text=step["period_text"][:120],
                start_date=step["start"] and datetime.date.fromisoformat(step["start"]),
                end_date=step["end"] and datetime.date.fromisoformat(step["end"]))


def apply_document(batch, mapping):
    writer = Writer(batch, dict(mapping))
    year = require_assessed_year(batch.fiscal_year)
    _write_scores(writer, batch.plan, year)
    _write_issues(writer, batch.plan, year, batch.fiscal_year)
    _write_measures(writer, batch.plan, batch.fiscal_year)
    return writer.counts
