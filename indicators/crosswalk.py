"""The crosswalk between a year's OIT items and the previous year's: suggested, then confirmed.

A suggestion pairs items with the same code and name ("same"), the same name under another
code or a similar name ("renamed"); what is left is "new" or "removed". Nothing suggested
counts until the operator confirms it row by row.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.db import transaction

from indicators.models import CrosswalkRelation, ItemCrosswalk
from indicators.publishing import record

SIMILAR = 0.6


@dataclass
class Row:
    to_item: object
    from_codes: list
    relation: str
    note: str = ""
    confirmed: bool = False


def similarity(a, b):
    return SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")).ratio()


def suggest(previous, year):
    """One row per item of `year`: its existing crosswalk, or a suggestion."""
    existing = {}
    for row in ItemCrosswalk.objects.filter(from_year=previous, to_year=year).select_related(
            "from_item", "to_item"):
        if row.to_item_id:
            entry = existing.setdefault(row.to_item_id, Row(row.to_item, [], row.relation,
                                                            row.note, row.confirmed))
            if row.from_item:
                entry.from_codes.append(row.from_item.code)
    olds = list(previous.oit_items.order_by("order"))
    return [existing.get(item.pk) or _guess(item, olds) for item in year.oit_items.order_by(
        "order")]


def _guess(item, olds):
    for old in olds:
        if old.code == item.code and old.name_th == item.name_th:
            return Row(item, [old.code], CrosswalkRelation.SAME)
    best = max(olds, key=lambda old: similarity(old.name_th, item.name_th), default=None)
    if best is not None and similarity(best.name_th, item.name_th) >= SIMILAR:
        return Row(item, [best.code], CrosswalkRelation.RENAMED,
                   f"ชื่อคล้ายข้อ {best.code} ปีก่อน")
    return Row(item, [], CrosswalkRelation.NEW)


def dropped(previous, rows):
    """Items of the previous year that no row takes (they become "removed")."""
    taken = {code for row in rows for code in row.from_codes}
    return [old for old in previous.oit_items.order_by("order") if old.code not in taken]


def check_rows(previous, rows):
    codes = set(previous.oit_items.values_list("code", flat=True))
    errors = []
    for row in rows:
        unknown = [c for c in row.from_codes if c not in codes]
        if unknown:
            errors.append(f"ข้อ {row.to_item.code}: ไม่มีข้อ {', '.join(unknown)} "
                          f"ในปี {previous.year}")
        if row.relation == CrosswalkRelation.NEW and row.from_codes:
            errors.append(f"ข้อ {row.to_item.code}: ข้อใหม่ต้องไม่มีข้อเดิม")
        if row.relation not in (CrosswalkRelation.NEW,) and not row.from_codes:
            errors.append(f"ข้อ {row.to_item.code}: ระบุข้อเดิม หรือเลือก “ข้อใหม่”")
        if row.relation == CrosswalkRelation.REMOVED:
            errors.append(f"ข้อ {row.to_item.code}: “ยกเลิก” ใช้กับข้อของปีก่อนเท่านั้น")
    return errors


@transaction.atomic
def confirm(*, previous, year, rows, by, reason=""):
    """Replace the crosswalk previous → year with the confirmed rows (and "removed" rows)."""
    errors = check_rows(previous, rows)
    if errors:
        raise ValidationError(errors)
    olds = {i.code: i for i in previous.oit_items.all()}
    ItemCrosswalk.objects.filter(from_year=previous, to_year=year).delete()
    for row in rows:
        for code in row.from_codes or [None]:
            ItemCrosswalk.objects.create(
                from_year=previous, to_year=year, from_item=olds.get(code),
                to_item=row.to_item, relation=row.relation, note=row.note[:300])
    for old in dropped(previous, rows):
        ItemCrosswalk.objects.create(from_year=previous, to_year=year, from_item=old,
                                     relation=CrosswalkRelation.REMOVED)
    return record(year, by=by, action=f"ยืนยันตารางเทียบข้อกับปี {previous.year}",
                  reason=reason, changes=[{"field": "ตารางเทียบข้อ", "before": "",
                                           "after": f"{len(rows)} ข้อ"}])
