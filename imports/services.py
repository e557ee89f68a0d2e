"""Read a document into a preview batch; apply it in one transaction; undo it as a whole.

Nothing that exists is overwritten: a measure with the same number, an issue with the same
indicator, title and approach, a score already on record are left alone and counted as existing, so
importing the same document twice creates nothing the second time.
"""

import datetime
import hashlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from imports.models import BatchState, ImportBatch, ImportedObject
from imports.permissions import require_importer
from imports.recognise import recognise
from imports.sheet_apply import apply_workbook, preview_workbook, undo_updates
from imports.sheet_records import owners_of
from imports.source import check_size, read_document
from indicators import selectors
from indicators.models import Indicator, IndicatorScore
from measures.models import (
    WORK_EVENTS,
    Cadence,
    ImprovementIssue,
    Measure,
    MeasureEvent,
    MeasureStep,
    ProgressUpdate,
)
from measures.services import issue_upsert, measure_upsert, step_upsert
from organizations.models import Department, Position
from organizations.owners import EVERYONE_PATTERN, normalise, owner_index


def assessed_year(fiscal_year):
    """The assessment an O42 document of a fiscal year analyses: the year before."""
    year = selectors.assessed_year(fiscal_year)
    if year is None:
        raise ValidationError(f"ยังไม่มีเกณฑ์การประเมินก่อนปีงบประมาณ {fiscal_year}")
    return year


def read_plan(data, filename, fiscal_year):
    check_size(data)
    rows, free = read_document(data, filename)
    year = assessed_year(fiscal_year)
    names = {i.number: i.name_th.replace(" ", "")
             for i in Indicator.objects.filter(year=year)}
    return recognise(rows, free, fiscal_year, names)


def preview(*, organization, fiscal_year, data, filename, by):
    require_importer(by, organization)
    check_size(data)
    if filename.lower().endswith(".xlsx"):
        return preview_workbook(organization=organization, fiscal_year=fiscal_year, data=data,
                                filename=filename, by=by)
    plan = read_plan(data, filename, fiscal_year)
    return ImportBatch.objects.create(
        organization=organization, fiscal_year=fiscal_year, source_name=filename[:200],
        source_sha256=hashlib.sha256(data).hexdigest(), plan=plan.as_json(), created_by=by)


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

    def owners(self, names):
        return owners_of([self.owner(n) for n in names])


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
        writer.remember(issue_upsert(
            organization=writer.org, fiscal_year=fiscal_year, owners=writer.owners(
                draft["owners"]),
            fields={"assessment_year": year, "indicator": indicator, "title": draft["title"],
                    "approach": draft["approach"],
                    "trigger_score": _score(plan, draft["indicator"]),
                    "monitoring": draft["monitoring"], "order": order,
                    "cadence": draft["cadence"] or Cadence.EVERY_MEETING,
                    "owner_text": ", ".join(draft["owners"])[:300]})[0])


def _score(plan, number):
    value = plan["scores"].get(str(number))
    return Decimal(value) if value else None


def _write_measures(writer, plan, fiscal_year):
    for draft in plan["measures"]:
        if Measure.objects.filter(organization=writer.org, fiscal_year=fiscal_year,
                                  number=draft["number"]).exists():
            writer.existing(Measure)
            continue
        measure = writer.remember(measure_upsert(
            organization=writer.org, fiscal_year=fiscal_year, number=draft["number"],
            by=writer.batch.created_by, owners=writer.owners(draft["owners"]),
            indicators=Indicator.objects.filter(year__year=fiscal_year,
                                                number__in=draft["indicators"]),
            fields={"title": draft["title"], "period_text": draft["period_text"][:120],
                    "start_date": datetime.date.fromisoformat(draft["start"]),
                    "end_date": datetime.date.fromisoformat(draft["end"]),
                    "monitoring": draft["monitoring"],
                    "cadence": draft["cadence"] or Cadence.EVERY_MEETING,
                    "owner_text": ", ".join(draft["owners"])[:300]})[0])
        for order, step in enumerate(draft["steps"], start=1):
            step_upsert(measure=measure, order=order, fields={
                "text": step["text"], "owner_text": ", ".join(step["owners"])[:300],
                "period_text": step["period_text"][:120],
                "start_date": step["start"] and datetime.date.fromisoformat(step["start"]),
                "end_date": step["end"] and datetime.date.fromisoformat(step["end"])})


@transaction.atomic
def apply(*, batch, mapping, by):
    """Write the batch: all of it or, on any error, nothing."""
    require_importer(by, batch.organization)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != BatchState.PREVIEW:
        raise ValidationError("การนำเข้านี้ยืนยันหรือยกเลิกไปแล้ว")
    if batch.plan.get("kind") == "workbook":
        summary = apply_workbook(batch, by)
    else:
        summary = _apply_document(batch, mapping)
    batch.state, batch.applied_at, batch.summary = BatchState.APPLIED, timezone.now(), summary
    batch.save()
    return batch


def _apply_document(batch, mapping):
    writer = Writer(batch, dict(mapping))
    year = assessed_year(batch.fiscal_year)
    _write_scores(writer, batch.plan, year)
    _write_issues(writer, batch.plan, year, batch.fiscal_year)
    _write_measures(writer, batch.plan, batch.fiscal_year)
    return writer.counts


@transaction.atomic
def undo(*, batch, by):
    """Remove what the batch created, unless work has been recorded on it since."""
    require_importer(by, batch.organization)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != BatchState.APPLIED:
        raise ValidationError("ยกเลิกได้เฉพาะการนำเข้าที่ยืนยันแล้ว")
    created = [o for o in batch.created_rows.all() if not o.was_update]
    measure_ids = [o.object_id for o in created if o.model == "measures.Measure"]
    if (ProgressUpdate.objects.filter(measure_id__in=measure_ids).exists()
            or MeasureEvent.objects.filter(measure_id__in=measure_ids,
                                           kind__in=WORK_EVENTS).exists()):
        raise ValidationError("มีการรายงานความคืบหน้าหรือเปลี่ยนสถานะของมาตรการที่นำเข้าแล้ว "
                              "จึงยกเลิกทั้งชุดไม่ได้ โปรดแก้ไขรายการนั้นโดยตรง")
    undo_updates(batch, by)
    for model in (MeasureStep, Measure, ImprovementIssue, IndicatorScore, Position, Department):
        ids = [o.object_id for o in created if o.model == model._meta.label]
        model.objects.filter(pk__in=ids).delete()
    batch.state, batch.undone_at, batch.undone_by = BatchState.UNDONE, timezone.now(), by
    batch.save()
    return batch
