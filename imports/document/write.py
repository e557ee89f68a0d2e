"""Write a document's plan: what is new is created, what differs is changed (before and after
kept, so undo writes it back), what is the same is counted as existing, and rows the admin
unticked are left out. Importing the same document twice changes nothing the second time.
"""

import hashlib
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError

from imports.document import compare
from imports.document.reading import criteria_of, recognise
from imports.document.source import read_document
from imports.models import ImportBatch, ImportedObject, Pipeline
from imports.upload import check_size
from imports.workbook.records import owners_of
from indicators.models import Indicator, IndicatorScore, Recommendation, Tool
from indicators.selectors import require_assessed_year
from measures.models import Cadence, ImprovementIssue, Measure
from measures.services import (
    NewMeasure,
    issue_upsert,
    measure_save,
    measures_create,
    step_upsert,
)
from organizations.models import Position
from organizations.owners import EVERYONE_PATTERN, normalise, owner_index


def read_plan(data, filename, fiscal_year):
    check_size(data)
    rows, free = read_document(data, filename)
    year = require_assessed_year(fiscal_year)
    return recognise(rows, free, fiscal_year, criteria_of(year))


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
    """Creates or changes what the batch holds and remembers every row it touched."""

    def __init__(self, batch, mapping, skip=(), by=None):
        self.batch, self.org, self.by = batch, batch.organization, by or batch.created_by
        self.mapping = mapping  # owner name → Department, Position, "new" or None
        self.skip = set(skip)  # "scores:9", "issues:3", "measures:0": rows the admin unticked
        self.index = owner_index(self.org)
        self.counts = {"created": {}, "updated": {}, "existing": {}, "skipped": len(self.skip)}

    def remember(self, obj):
        ImportedObject.objects.create(batch=self.batch, model=obj._meta.label,
                                      object_id=obj.pk)
        self.count("created", obj._meta.verbose_name)
        return obj

    def remember_all(self, objects):
        ImportedObject.objects.bulk_create([ImportedObject(
            batch=self.batch, model=obj._meta.label, object_id=obj.pk) for obj in objects])
        for obj in objects:
            self.count("created", obj._meta.verbose_name)

    def count(self, what, key):
        self.counts[what][key] = self.counts[what].get(key, 0) + 1

    def existing(self, model):
        self.count("existing", model._meta.verbose_name)

    def update(self, obj, values):
        """Write the values that differ; keep before and after so undo can write them back."""
        changes = compare.diff(obj, values)
        if not changes:
            self.existing(type(obj))
            return
        before = {name: compare.stored(getattr(obj, name)) for name in changes}
        write_fields(obj, {name: values[name] for name in changes}, self.by)
        after = {name: compare.stored(getattr(obj, name)) for name in changes}
        ImportedObject.objects.create(batch=self.batch, model=obj._meta.label,
                                      object_id=obj.pk, before=before, after=after)
        self.count("updated", obj._meta.verbose_name)

    def owner(self, name):
        if EVERYONE_PATTERN.search(name):
            return "everyone"
        chosen = self.mapping.get(name, self.index.get(normalise(name)))
        if chosen == "new":  # names alike in their first 120 letters share one position
            short = name[:120]
            chosen = (Position.objects.filter(organization=self.org, name_th=short).first()
                      or self.remember(Position.objects.create(organization=self.org,
                                                               name_th=short)))
            self.index[normalise(name)] = chosen
            self.mapping[name] = chosen
        return chosen

    def owners(self, names):
        return owners_of([self.owner(n) for n in names])


def write_fields(obj, fields, by):
    """Change an imported row through its app's write path (measures and issues keep their
    version check and history there)."""
    if isinstance(obj, Measure):
        measure_save(organization=obj.organization, measure=obj, fields=fields, by=by)
    elif isinstance(obj, ImprovementIssue):
        issue_upsert(organization=obj.organization, fiscal_year=obj.fiscal_year, issue=obj,
                     fields=fields)
    else:
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save(update_fields=list(fields))


def _write_scores(writer, plan, year):
    indicators = {i.number: i for i in Indicator.objects.filter(year=year)}
    for number, value in plan["scores"].items():
        if f"scores:{number}" in writer.skip or int(number) not in indicators:
            continue
        indicator = indicators[int(number)]
        found = compare.find_score(writer.org, indicator)
        if found is not None:
            writer.update(found, compare.score_values(value))
            continue
        writer.remember(IndicatorScore.objects.create(
            organization=writer.org, indicator=indicator, score=Decimal(value),
            source=f"นำเข้าจาก {writer.batch.source_name or 'เอกสาร'}"[:200]))


def _write_issues(writer, plan, year, fiscal_year):
    indicators = {i.number: i for i in Indicator.objects.filter(year=year)}
    for order, draft in enumerate(plan["issues"], start=1):
        if f"issues:{order - 1}" in writer.skip:
            continue
        indicator = indicators[draft["indicator"]]
        found = compare.find_issue(writer.org, fiscal_year, indicator, draft)
        if found is not None:
            writer.update(found, compare.issue_values(draft))
            continue
        writer.remember(issue_upsert(
            organization=writer.org, fiscal_year=fiscal_year, owners=writer.owners(
                draft["owners"]),
            fields={"assessment_year": year, "indicator": indicator, "title": draft["title"],
                    "approach": draft["approach"], "monitoring": draft["monitoring"],
                    "trigger_score": _score(plan, draft["indicator"]), "order": order,
                    "cadence": draft["cadence"] or Cadence.EVERY_MEETING,
                    "owner_text": ", ".join(draft["owners"])[:300]})[0])


def _score(plan, number):
    value = plan["scores"].get(str(number))
    return Decimal(value) if value else None


def _write_measures(writer, plan, fiscal_year):
    """Measures already in the portal (by number) are updated one by one; the new ones are
    created together (measures_create)."""
    found, new = compare.measures_by_number(writer.org, fiscal_year), {}
    for index, draft in enumerate(plan["measures"]):
        if f"measures:{index}" in writer.skip:
            continue
        measure = found.get(draft["number"])
        if measure is not None:
            writer.update(measure, compare.measure_values(draft))
            _update_steps(writer, measure, draft["steps"])
        else:  # a number written twice: the later one (it updated the first before)
            new[draft["number"]] = draft
    indicators = {i.number: i for i in Indicator.objects.filter(year__year=fiscal_year)}
    writer.remember_all(measures_create(organization=writer.org, by=writer.by, drafts=[
        _new_measure(writer, draft, fiscal_year, indicators) for draft in new.values()]))


def _new_measure(writer, draft, fiscal_year, indicators):
    return NewMeasure(
        fields={"fiscal_year": fiscal_year, "number": draft["number"],
                **compare.measure_values(draft)},
        owners=writer.owners(draft["owners"]),
        indicators=[indicators[n] for n in draft["indicators"] if n in indicators],
        steps=[compare.step_values(step) for step in draft["steps"]])


def _update_steps(writer, measure, steps):
    """Steps of a measure already in the portal: changed ones updated (undo writes them back),
    added ones created (undo removes them); steps the document leaves out stay."""
    existing = {s.order: s for s in measure.steps.all()}
    for order, step in enumerate(steps, start=1):
        if order in existing:
            writer.update(existing[order], compare.step_values(step))
        else:
            writer.remember(step_upsert(measure=measure, order=order,
                                        fields=compare.step_values(step))[0])


def _write_recommendations(writer, plan, year):
    tools = {t.code: t for t in Tool.objects.filter(year=year)}
    for order, draft in enumerate(plan.get("recommendations", []), start=1):
        if f"recommendations:{order - 1}" in writer.skip:
            continue
        if Recommendation.objects.filter(organization=writer.org, year=year,
                                         text=draft["text"]).exists():
            writer.existing(Recommendation)
            continue
        writer.remember(Recommendation.objects.create(
            organization=writer.org, year=year, tool=tools.get(draft.get("tool")),
            text=draft["text"], order=order))


def apply_document(batch, mapping, skip=(), by=None):
    writer = Writer(batch, dict(mapping), skip, by)
    year = require_assessed_year(batch.fiscal_year)
    _write_scores(writer, batch.plan, year)
    _write_issues(writer, batch.plan, year, batch.fiscal_year)
    _write_measures(writer, batch.plan, batch.fiscal_year)
    _write_recommendations(writer, batch.plan, year)
    return writer.counts


def undo_document_updates(batch, by=None):
    """Write back what the batch changed, newest first; refuse if changed again since."""
    for row in batch.created_rows.filter(before__isnull=False).order_by("-pk"):
        obj = apps.get_model(row.model).objects.filter(pk=row.object_id).first()
        if obj is None or any(compare.stored(getattr(obj, k)) != v for k, v in row.after.items()):
            raise ValidationError(f"“{row.model}” ถูกแก้ไขหลังการนำเข้าแล้ว จึงยกเลิกทั้งชุดไม่ได้ "
                                  "โปรดแก้ไขรายการนั้นโดยตรง")
        write_fields(obj, {name: compare.loaded(obj, name, value)
                           for name, value in row.before.items()}, by)
