"""Reading the trail: entries for one object or one organisation, as rows of
(when, who, what, object, action, field, before, after) for pages and CSV.

Values read as people say them: yes/no in Thai, the related object's name for a foreign key
(looked up once per model for a page of entries), dates and moments Bangkok Buddhist-era."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from ita_portal.templatetags.thai import thai_date, thai_datetime, thai_digits

ACTIONS = {LogEntry.Action.CREATE: "สร้าง", LogEntry.Action.UPDATE: "แก้ไข",
           LogEntry.Action.DELETE: "ลบ", LogEntry.Action.ACCESS: "เปิดดู"}
M2M_OPERATIONS = {"add": "เพิ่ม", "delete": "นำออก", "clear": "ล้างทั้งหมด"}
YES_NO = {True: "ใช่", "True": "ใช่", False: "ไม่ใช่", "False": "ไม่ใช่"}
CSV_CHUNK = 500


@dataclass
class Change:
    field: str
    before: str
    after: str


def entries_for_organization(organization):
    return (LogEntry.objects.filter(additional_data__organization_id=organization.pk)
            .select_related("actor", "content_type").order_by("-timestamp", "-pk"))


def entries_for_object(content_type, object_pk):
    return (LogEntry.objects.filter(content_type=content_type, object_pk=str(object_pk))
            .select_related("actor", "content_type").order_by("-timestamp", "-pk"))


def model_label(entry):
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name) if model else entry.content_type.model


def rows(entries):
    """(entry, its changes) for a page of entries, related names read once per model."""
    entries = list(entries)
    names = related_names(entries)
    return [(entry, changes(entry, names)) for entry in entries]


def changes(entry, names=None):
    names = related_names([entry]) if names is None else names
    result = []
    for name, values, field in _tracked(entry):
        label = str(getattr(field, "verbose_name", name)) if field else name
        if isinstance(values, dict):  # many-to-many: {"type": "m2m", "operation", "objects"}
            operation = M2M_OPERATIONS.get(values.get("operation"), values.get("operation"))
            result.append(Change(label, operation, ", ".join(map(str, values.get("objects", [])))))
            continue
        before, after = (list(values) + [None, None])[:2]
        result.append(Change(label, _show(before, field, names), _show(after, field, names)))
    return result


def _tracked(entry):
    """(name, values, model field or None) of each change. Fields without a column of their
    own (reverse relations) are left out: a created object's diff lists their managers."""
    model = entry.content_type.model_class()
    for name, values in (entry.changes_dict or {}).items():
        field = _field(model, name)
        if field is None or field.concrete:
            yield name, values, field


def _field(model, name):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def related_names(entries):
    """{(model, to_field, key): name} of the objects the entries' foreign keys point to."""
    wanted = defaultdict(set)
    for entry in entries:
        for _name, values, field in _tracked(entry):
            if isinstance(field, models.ForeignKey) and isinstance(values, list):
                wanted[_target(field)].update(k for k in map(_key(field), values) if k is not None)
    names = {}
    for (model, to_field), keys in wanted.items():
        # select_related(): a name may read a related row (a meeting names its committee).
        found = model._base_manager.select_related().in_bulk(keys, field_name=to_field)
        names.update({(model, to_field, key): str(obj) for key, obj in found.items()})
    return names


def _target(field):
    return field.related_model, field.target_field.name


NUMBERS = (models.IntegerField, models.DecimalField, models.FloatField)


def _key(field):
    def key(value):
        if value in (None, "None", ""):
            return None
        try:
            return field.target_field.to_python(value)
        except ValidationError:
            return None
    return key


def _show(value, field, names):
    if value in (None, "None", ""):
        return ""
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return YES_NO.get(value, str(value))
    if isinstance(field, models.ForeignKey):
        return names.get((*_target(field), _key(field)(value)), f"{value} (ลบแล้ว)")
    if isinstance(field, (models.DateTimeField, models.DateField)):
        return _when(value, field)
    if isinstance(field, NUMBERS):
        return thai_digits(str(value))  # a reader's numbers; text stays as it was typed
    return str(value)


def _when(value, field):
    """auditlog writes a moment as naive UTC text ('2026-12-02 09:26:27.876946')."""
    try:
        if isinstance(field, models.DateTimeField):
            moment = parse_datetime(str(value))
            if moment and timezone.is_naive(moment):
                moment = timezone.make_aware(moment, datetime.UTC)
            return thai_datetime(moment) if moment else str(value)
        day = parse_date(str(value))
        return thai_date(day, "short-thai") if day else str(value)
    except ValueError:
        return str(value)


def actor_name(entry):
    return str(entry.actor) if entry.actor else "ระบบ (งานอัตโนมัติ/นำเข้า)"


def csv_rows(entries):
    yield ["เวลา", "ผู้แก้ไข", "ประเภทข้อมูล", "รายการ", "การกระทำ", "ช่องข้อมูล", "ก่อน", "หลัง",
           "ที่อยู่ IP"]
    found = entries.iterator(chunk_size=CSV_CHUNK)
    while chunk := list(islice(found, CSV_CHUNK)):
        for entry, entry_changes in rows(chunk):
            yield from _csv_lines(entry, entry_changes)


def _csv_lines(entry, entry_changes):
    base = [entry.timestamp.isoformat(), actor_name(entry), model_label(entry),
            entry.object_repr, ACTIONS.get(entry.action, entry.action)]
    for change in entry_changes or [Change("", "", "")]:
        yield [*base, change.field, change.before, change.after, entry.remote_addr or ""]
