"""Each workbook sheet's rows as portal records: read one (snapshot), find it, write it.

A snapshot is the row as the export writes it (JSON-able, empty text as None); writing a
snapshot back restores the record, which is how an import is undone.
"""

import datetime

from disclosure.models import DisclosureItem
from disclosure.services import clean_urls, item_write
from imports.workbook import layout
from indicators.models import AssessmentYear, Indicator
from measures.models import Cadence, ImprovementIssue, Measure, MeasureStep
from measures.presenters import EVERYONE
from measures.services import issue_upsert, measure_upsert, step_upsert
from organizations.models import Department, Position
from organizations.owners import EVERYONE_PATTERN, normalise, owner_index

CADENCE_LABELS = dict(Cadence.choices)
CADENCE_BY_LABEL = {label: value for value, label in Cadence.choices}
SORTED = {"owners", "indicators"}


def blank(value):
    return None if value == "" else value


def iso(value):
    return value.isoformat() if value else None


def same(column, old, new):
    if column in SORTED:
        return sorted(old or []) == sorted(new or [])
    return old == new


class Target:
    """Where rows go: one organisation and fiscal year, with lookups kept across rows."""

    def __init__(self, organization, fiscal_year, assessed, by=None):
        self.org, self.fiscal_year, self.assessed = organization, fiscal_year, assessed
        self.by = by
        self.refresh_owners()

    def refresh_owners(self):
        self.owners = owner_index(self.org)

    def owner(self, name):
        if EVERYONE_PATTERN.search(name):
            return "everyone"
        return self.owners.get(normalise(name))


def owner_cells(obj):
    """The owners column of a workbook row: everyone, departments, positions (no users)."""
    names = [EVERYONE] if obj.owned_by_everyone else []
    names += [d.name_th for d in obj.owner_departments.all()]
    return names + [p.name_th for p in obj.owner_positions.all()]


def owners_of(resolved):
    """Resolved owners (Department, Position or "everyone") as measures.services.owners_set
    takes them."""
    return {"departments": [o for o in resolved if isinstance(o, Department)],
            "positions": [o for o in resolved if isinstance(o, Position)],
            "everyone": "everyone" in resolved}


def owners_named(target, names):
    return owners_of([target.owner(n) for n in names])


# Owners ------------------------------------------------------------------------------------

def owner_snapshot(obj):
    department = getattr(obj, "department", None)
    return {"kind": "ตำแหน่ง" if isinstance(obj, Position) else "สำนัก/กอง", "name": obj.name_th,
            "department": department.name_th if department else None,
            "aliases": blank(obj.aliases)}


def owner_find(target, row):
    model = Position if row["kind"] == "ตำแหน่ง" else Department
    return model.objects.filter(organization=target.org, name_th=row["name"]).first()


def owner_write(target, obj, row):
    model = Position if row["kind"] == "ตำแหน่ง" else Department
    obj = obj or model(organization=target.org, name_th=row["name"])
    obj.aliases = row["aliases"] or ""
    if model is Position:
        obj.department = (Department.objects.filter(organization=target.org,
                                                    name_th=row["department"]).first()
                          if row["department"] else None)
    obj.save()
    target.refresh_owners()
    return obj


# Improvement issues ------------------------------------------------------------------------

def issue_snapshot(obj):
    return {"id": obj.pk, "indicator": obj.indicator.number if obj.indicator else None,
            "order": obj.order, "title": obj.title, "approach": blank(obj.approach),
            "owners": owner_cells(obj), "owner_text": blank(obj.owner_text),
            "monitoring": blank(obj.monitoring), "cadence": CADENCE_LABELS[obj.cadence]}


def issue_find(target, row):
    issues = ImprovementIssue.objects.filter(organization=target.org,
                                             fiscal_year=target.fiscal_year)
    if row.get("id"):
        return issues.filter(pk=row["id"]).first()
    return issues.filter(indicator__year__year=target.assessed, indicator__number=row["indicator"],
                         title=row["title"], approach=row["approach"] or "").first()


def issue_write(target, obj, row):
    fields = {"indicator": Indicator.objects.get(year__year=target.assessed,
                                                 number=row["indicator"]),
              "order": row["order"] or 0, "title": row["title"],
              "approach": row["approach"] or "", "owner_text": row["owner_text"] or "",
              "monitoring": row["monitoring"] or "",
              "cadence": CADENCE_BY_LABEL.get(row["cadence"], Cadence.EVERY_MEETING)}
    if obj is None:
        fields["assessment_year"] = AssessmentYear.objects.get(year=target.assessed)
    return issue_upsert(organization=target.org, fiscal_year=target.fiscal_year, issue=obj,
                        fields=fields, owners=owners_named(target, row["owners"]))[0]


# Measures ----------------------------------------------------------------------------------

def measure_snapshot(obj):
    return {"number": obj.number, "title": obj.title,
            "indicators": sorted(i.number for i in obj.indicators.all()),
            "owners": owner_cells(obj), "owner_text": blank(obj.owner_text),
            "start_date": iso(obj.start_date), "end_date": iso(obj.end_date),
            "period_text": blank(obj.period_text), "monitoring": blank(obj.monitoring),
            "cadence": CADENCE_LABELS[obj.cadence], "status": obj.get_status_display(),
            "percent": obj.percent}


def measure_find(target, row):
    return Measure.objects.filter(organization=target.org, fiscal_year=target.fiscal_year,
                                  number=row["number"]).first()


def measure_write(target, obj, row):
    fields = {"title": row["title"], "owner_text": row["owner_text"] or "",
              "start_date": datetime.date.fromisoformat(row["start_date"]),
              "end_date": datetime.date.fromisoformat(row["end_date"]),
              "period_text": row["period_text"] or "", "monitoring": row["monitoring"] or "",
              "cadence": CADENCE_BY_LABEL.get(row["cadence"], Cadence.EVERY_MEETING)}
    return measure_upsert(organization=target.org, fiscal_year=target.fiscal_year,
                          number=row["number"], fields=fields, by=target.by,
                          owners=owners_named(target, row["owners"]),
                          indicators=Indicator.objects.filter(year__year=target.fiscal_year,
                                                              number__in=row["indicators"]))[0]


# Steps -------------------------------------------------------------------------------------

def step_snapshot(obj):
    return {"measure": obj.measure.number, "order": obj.order, "text": obj.text,
            "owner_text": blank(obj.owner_text), "period_text": blank(obj.period_text),
            "start_date": iso(obj.start_date), "end_date": iso(obj.end_date)}


def step_find(target, row):
    return MeasureStep.objects.filter(measure__organization=target.org,
                                      measure__fiscal_year=target.fiscal_year,
                                      measure__number=row["measure"], order=row["order"]).first()


def step_write(target, obj, row):
    measure = obj.measure if obj else Measure.objects.get(
        organization=target.org, fiscal_year=target.fiscal_year, number=row["measure"])
    return step_upsert(measure=measure, order=row["order"], fields={
        "text": row["text"], "owner_text": row["owner_text"] or "",
        "period_text": row["period_text"] or "",
        "start_date": row["start_date"] and datetime.date.fromisoformat(row["start_date"]),
        "end_date": row["end_date"] and datetime.date.fromisoformat(row["end_date"])})[0]


# OIT items ---------------------------------------------------------------------------------

def oit_snapshot(obj):
    links = (obj.active_links if hasattr(obj, "active_links")
             else obj.links.filter(removed_at=None))
    return {"code": obj.oit_item.code, "name": obj.oit_item.name_th,
            "status": obj.get_status_display(), "urls": [link.url for link in links],
            "department": obj.owner_department.name_th if obj.owner_department else None,
            "position": obj.owner_position.name_th if obj.owner_position else None,
            "due_date": iso(obj.due_date), "explanation": blank(obj.explanation)}


def oit_find(target, row):
    return (DisclosureItem.objects.filter(organization=target.org,
                                          oit_item__year__year=target.fiscal_year,
                                          oit_item__code=row["code"])
            .select_related("oit_item", "owner_department", "owner_position").first())


def oit_write(target, obj, row):
    """OIT answer rows always exist (ensure_checklist); status is never set from a file."""
    return item_write(item=obj, by=target.by, urls=clean_urls(row["urls"], target.org.domains),
                      fields={
        "owner_department": Department.objects.filter(organization=target.org,
                                                      name_th=row["department"]).first(),
        "owner_position": Position.objects.filter(organization=target.org,
                                                  name_th=row["position"]).first(),
        "due_date": row["due_date"] and datetime.date.fromisoformat(row["due_date"]),
        "explanation": row["explanation"] or ""})


class Kind:
    """One sheet's records: how to read, find and write them, in the order they apply."""

    def __init__(self, sheet, model, snapshot, find, write):
        self.sheet, self.model = sheet, model
        self.snapshot, self.find, self.write = snapshot, find, write

    @property
    def label(self):
        return self.model._meta.label


def kinds():
    return (Kind(layout.OWNERS, Department, owner_snapshot, owner_find, owner_write),
            Kind(layout.ISSUES, ImprovementIssue, issue_snapshot, issue_find, issue_write),
            Kind(layout.MEASURES, Measure, measure_snapshot, measure_find, measure_write),
            Kind(layout.STEPS, MeasureStep, step_snapshot, step_find, step_write),
            Kind(layout.OIT, DisclosureItem, oit_snapshot, oit_find, oit_write))
