"""The operator's edits of one year's OIT items, with the crosswalk kept in step.

Renaming an item marks its crosswalk rows "renamed"; merging items moves every answer to the
item that stays (through `oit_item_replaced`, which the checklist and measures apps receive)
and marks the rows "merged"; an item that has answers can only go away into another item.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal

from indicators.models import CrosswalkRelation, ItemCrosswalk, OITItem
from indicators.publishing import diff, record

# Sent inside the transaction with old=the item going away, new=the item taking its answers.
oit_item_replaced = Signal()

ITEM_FIELDS = ("code", "sub_indicator", "group_th", "name_th", "name_en", "data_period",
               "evidence_th", "verified", "note_th", "portal_document")


@transaction.atomic
def update_item(*, item, data, by, reason=""):
    renamed = data.get("code", item.code) != item.code or data.get(
        "name_th", item.name_th) != item.name_th
    changes = diff(item, {k: v for k, v in data.items() if k in ITEM_FIELDS})
    if not changes:
        return None
    _check_code(item)
    item.save()
    if renamed:
        ItemCrosswalk.objects.filter(to_item=item, relation=CrosswalkRelation.SAME).update(
            relation=CrosswalkRelation.RENAMED)
    return record(item.year, by=by, action=f"แก้ไขข้อ {item.code}", reason=reason,
                  changes=changes)


@transaction.atomic
def add_item(*, year, data, by, reason=""):
    item = OITItem(year=year, order=_next_order(year),
                   **{k: v for k, v in data.items() if k in ITEM_FIELDS})
    _check_code(item)
    item.save()
    previous = year.based_on
    if previous is not None:
        ItemCrosswalk.objects.create(from_year=previous, to_year=year, to_item=item,
                                     relation=CrosswalkRelation.NEW)
    record(year, by=by, action=f"เพิ่มข้อ {item.code}", reason=reason,
           changes=[{"field": "ข้อ", "before": "", "after": f"{item.code} {item.name_th}"}])
    return item


@transaction.atomic
def merge_items(*, keep, others, by, reason="", name_th=""):
    """`others` go away into `keep`: their answers and crosswalk rows move to it."""
    others = [o for o in others if o.pk != keep.pk]
    if not others or any(o.year_id != keep.year_id for o in others):
        raise ValidationError("เลือกข้อที่จะรวมอย่างน้อย ๑ ข้อ ในปีเดียวกัน")
    codes = ", ".join(o.code for o in others)
    changes = diff(keep, {"name_th": name_th.strip()}) if name_th.strip() else []
    keep.save()
    for other in others:
        _retire(other, keep)
    ItemCrosswalk.objects.filter(to_item=keep).update(relation=CrosswalkRelation.MERGED)
    record(keep.year, by=by, action=f"รวมข้อ {codes} เข้ากับข้อ {keep.code}", reason=reason,
           changes=changes + [{"field": "ข้อ", "before": codes, "after": keep.code}])
    return keep


@transaction.atomic
def remove_item(*, item, by, reason="", replacement=None):
    """Drop an item; one that has answers needs a replacement to take them."""
    if replacement is not None:
        return merge_items(keep=replacement, others=[item], by=by, reason=reason)
    if item.answers.exists() or item.improvement_issues.exists():
        raise ValidationError("ข้อนี้มีหน่วยงานตอบหรือใช้อยู่แล้ว ต้องเลือกข้อที่จะรับข้อมูลแทน")
    code = item.code
    ItemCrosswalk.objects.filter(to_item=item).update(to_item=None,
                                                      relation=CrosswalkRelation.REMOVED)
    year = item.year
    item.delete()
    record(year, by=by, action=f"ยกเลิกข้อ {code}", reason=reason,
           changes=[{"field": "ข้อ", "before": code, "after": ""}])


def _retire(other, keep):
    oit_item_replaced.send(sender=OITItem, old=other, new=keep)
    ItemCrosswalk.objects.filter(to_item=other).update(to_item=keep,
                                                       relation=CrosswalkRelation.MERGED)
    ItemCrosswalk.objects.filter(from_item=other).update(from_item=keep)
    other.delete()


def _check_code(item):
    clash = OITItem.objects.filter(year=item.year, code=item.code).exclude(pk=item.pk)
    if not item.code.strip() or clash.exists():
        raise ValidationError({"code": f"รหัสข้อ “{item.code}” ว่างหรือซ้ำกับข้ออื่นในปีนี้"})
    if item.sub_indicator.indicator.year_id != item.year_id:
        raise ValidationError({"sub_indicator": "ตัวชี้วัดย่อยต้องเป็นของปีเดียวกัน"})


def _next_order(year):
    last = year.oit_items.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1
