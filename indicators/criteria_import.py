"""Import a year's criteria from a file: preview what changes, then write all or nothing.

A new year arrives as a draft. An existing year is updated in place (a published one needs a
reason and gets a new version); items that organisations have answered cannot be left out
of the file — merge them in the criteria page first so their answers move.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from indicators import crosswalk
from indicators.criteria_loader import LoadReport, upsert
from indicators.models import AssessmentYear, CriteriaStatus, ItemCrosswalk, OITItem
from indicators.publishing import record
from indicators.spec import apply_spec
from indicators.spec_check import check_spec
from indicators.years import previous_year


@dataclass
class Preview:
    spec: dict
    errors: list
    year: object = None  # the existing AssessmentYear, if any
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)


def preview(spec, year=None):
    """Check a document (optionally imported as another year) against what is stored."""
    if isinstance(spec, dict) and year is not None:
        spec = {**spec, "year": year}
    clean, errors = check_spec(spec)
    result = Preview(clean, errors)
    if errors:
        return result
    result.year = AssessmentYear.objects.filter(year=clean["year"]).first()
    stored = {i.code: i for i in OITItem.objects.filter(year=result.year)} if result.year else {}
    incoming = {row["code"]: row for row in clean["oit_items"]}
    result.added = [code for code in incoming if code not in stored]
    result.changed = [code for code, row in incoming.items() if code in stored and (
        stored[code].name_th != row["name_th"]
        or stored[code].sub_indicator.code != row["subindicator"])]
    result.removed = [code for code in stored if code not in incoming]
    result.errors += [f"ข้อ {code} มีหน่วยงานตอบหรือใช้อยู่แล้ว แต่ไม่อยู่ในไฟล์: รวมข้อนี้เข้ากับข้ออื่น"
                      f"ในหน้าเกณฑ์ก่อน" for code in result.removed
                      if stored[code].answers.exists() or stored[code].improvement_issues.exists()]
    result.errors += _kept_indicators(result.year, clean) + _crosswalk_codes(clean)
    return result


def _kept_indicators(year, clean):
    numbers = {i["number"] for i in clean["indicators"]}
    scored = year.indicators.filter(scores__isnull=False).distinct() if year else []
    return [f"ตัวชี้วัดที่ {i.number} มีคะแนนของหน่วยงานบันทึกไว้แล้ว ต้องอยู่ในไฟล์"
            for i in scored if i.number not in numbers]


def _crosswalk_codes(clean):
    if not clean["crosswalk"]:
        return []
    previous = AssessmentYear.objects.filter(year=clean["crosswalk_from"]).first()
    if previous is None:
        return [f"ไม่มีเกณฑ์ปี {clean['crosswalk_from']} ที่ตารางเทียบข้ออ้างถึง"]
    olds = set(previous.oit_items.values_list("code", flat=True))
    news = {row["code"] for row in clean["oit_items"]}
    return [f"ตารางเทียบข้อ: ไม่มีข้อ {code}" for row in clean["crosswalk"]
            for code, known in ((row["from_code"], olds), (row["to_code"], news))
            if code and code not in known]


@transaction.atomic
def apply(result, *, by, reason=""):
    if result.errors:
        raise ValidationError(result.errors)
    spec = dict(result.spec)
    if result.year is None:
        spec["status"] = CriteriaStatus.DRAFT
    else:
        spec["status"] = result.year.status
    year = apply_spec(spec, lambda m, lookup, values: upsert(m, lookup, values, LoadReport()),
                      prune=True)
    _crosswalk(year, spec)
    added, changed = ", ".join(result.added) or "-", ", ".join(result.changed) or "-"
    record(year, by=by, action="นำเข้าเกณฑ์จากไฟล์", reason=reason, changes=[
        {"field": "ข้อ OIT", "before": ", ".join(result.removed),
         "after": f"เพิ่ม {added}; แก้ไข {changed}"}])
    return year


def _crosswalk(year, spec):
    previous = previous_year(year)
    if previous is None:
        return
    rows = spec.get("crosswalk") or []
    if spec.get("crosswalk_from") == previous.year and rows:
        ItemCrosswalk.objects.filter(from_year=previous, to_year=year).delete()
        olds = {i.code: i for i in previous.oit_items.all()}
        news = {i.code: i for i in year.oit_items.all()}
        for row in rows:
            ItemCrosswalk.objects.create(
                from_year=previous, to_year=year, from_item=olds.get(row["from_code"]),
                to_item=news.get(row["to_code"]), relation=row["relation"], note=row["note"])
        return
    _suggest_missing(previous, year)


def _suggest_missing(previous, year):
    """Rows the operator still has to confirm, for items the crosswalk does not cover yet."""
    covered = set(ItemCrosswalk.objects.filter(from_year=previous, to_year=year)
                  .values_list("to_item_id", flat=True))
    olds = {i.code: i for i in previous.oit_items.all()}
    for row in crosswalk.suggest(previous, year):
        if row.to_item.pk in covered:
            continue
        for code in row.from_codes or [None]:
            ItemCrosswalk.objects.create(from_year=previous, to_year=year,
                                         from_item=olds.get(code), to_item=row.to_item,
                                         relation=row.relation, note=row.note, confirmed=False)
