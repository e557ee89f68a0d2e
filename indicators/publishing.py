"""Writes to a year's criteria by the platform operator: start, edit, publish, correct.

Every write records a `CriteriaRevision` (who, when, what, why) in the same transaction. A
published year may still be corrected, but each correction needs a reason and raises the
year's version; predictions follow at once because scores are computed from these rows.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from indicators.models import (
    MAX_YEAR,
    MIN_YEAR,
    AssessmentYear,
    CriteriaRevision,
    CriteriaStatus,
    CrosswalkRelation,
    ItemCrosswalk,
    SubIndicator,
)
from indicators.validation import publish_errors


def record(year, *, by, action, reason="", changes=()):
    """Write a revision; a change to a published year needs a reason and bumps its version."""
    if year.is_published and not (reason or "").strip():
        raise ValidationError({"reason": "เกณฑ์ปีนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"})
    if year.is_published:
        year.version += 1
        year.save(update_fields=["version"])
    return CriteriaRevision.objects.create(year=year, version=year.version, by=by,
                                           action=action, reason=reason.strip(),
                                           changes=list(changes))


def diff(obj, data):
    """[{field, before, after}] for the values in data that differ, and set them on obj."""
    changes = []
    for name, value in data.items():
        before, model_field = getattr(obj, name), obj._meta.get_field(name)
        if before != value:
            labels = dict(model_field.choices or ())
            changes.append({"field": str(model_field.verbose_name),
                            "before": str(labels.get(before, before)),
                            "after": str(labels.get(value, value))})
            setattr(obj, name, value)
    return changes


@transaction.atomic
def start_year(*, source, year, by):
    """A draft year copied from `source`: tools, indicators, sub-indicators, items, bands, and
    a crosswalk from source in which every item is "same" until the operator says otherwise."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError({"year": f"ปีต้องอยู่ระหว่าง {MIN_YEAR} ถึง {MAX_YEAR}"})
    if AssessmentYear.objects.filter(year=year).exists():
        raise ValidationError({"year": f"มีเกณฑ์ปี {year} อยู่แล้ว"})
    new = AssessmentYear.objects.create(
        year=year, title_th=source.title_th.replace(str(source.year), str(year)),
        result_kind=source.result_kind, target_score=source.target_score,
        source_note=f"ร่างที่คัดลอกจากเกณฑ์ปี {source.year} รอปรับตามคู่มือ ป.ป.ช. ของปี {year}",
        status=CriteriaStatus.DRAFT, based_on=source)
    copy_structure(source, new)
    record(new, by=by, action=f"เริ่มร่างจากเกณฑ์ปี {source.year}")
    return new


def copy_structure(source, new):
    tools = {t.pk: _clone(t, year=new) for t in source.tools.all()}
    indicators = {i.pk: _clone(i, year=new, tool=tools[i.tool_id])
                  for i in source.indicators.all()}
    for band in source.bands.all():
        _clone(band, year=new)
    subs = {s.pk: _clone(s, indicator=indicators[s.indicator_id])
            for s in SubIndicator.objects.filter(indicator__year=source)}
    for item in source.oit_items.order_by("order"):
        copy = _clone(item, year=new, sub_indicator=subs[item.sub_indicator_id])
        ItemCrosswalk.objects.create(from_year=source, to_year=new, from_item=item,
                                     to_item=copy, relation=CrosswalkRelation.SAME)


def _clone(original, **changes):
    obj = type(original).objects.get(pk=original.pk)
    obj.pk = obj.id = None
    for name, value in changes.items():
        setattr(obj, name, value)
    obj._state.adding = True
    obj.save()
    return obj


@transaction.atomic
def publish(*, year, status, by, reason=""):
    """Publish a draft (or change a published year's status) once it passes validation."""
    if status not in (CriteriaStatus.PROVISIONAL, CriteriaStatus.CONFIRMED):
        raise ValidationError({"status": "เลือกสถานะที่จะเผยแพร่"})
    errors = publish_errors(year)
    if errors:
        raise ValidationError(errors)
    label = CriteriaStatus(status).label
    was_published = year.is_published
    changes = diff(year, {"status": status})
    year.published_at, year.published_by = timezone.now(), by
    year.save()
    if was_published:
        return record(year, by=by, action=f"เปลี่ยนสถานะเป็น {label}", reason=reason,
                      changes=changes)
    return CriteriaRevision.objects.create(year=year, version=year.version, by=by,
                                           action=f"เผยแพร่ ({label})", reason=reason,
                                           changes=changes)
