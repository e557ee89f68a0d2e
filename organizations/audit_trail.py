"""Reading the trail: entries for one object or one organisation, as rows of
(when, who, what, object, action, field, before, after) for pages and CSV."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist

ACTIONS = {LogEntry.Action.CREATE: "สร้าง", LogEntry.Action.UPDATE: "แก้ไข",
           LogEntry.Action.DELETE: "ลบ", LogEntry.Action.ACCESS: "เปิดดู"}
M2M_OPERATIONS = {"add": "เพิ่ม", "delete": "นำออก", "clear": "ล้างทั้งหมด"}


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


def changes(entry):
    model = entry.content_type.model_class()
    result = []
    for name, values in (entry.changes_dict or {}).items():
        label, choices, field = name, {}, None
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            pass
        if field is not None:
            label = str(getattr(field, "verbose_name", name))
            choices = dict(getattr(field, "choices", None) or [])
        if isinstance(values, dict):  # many-to-many: {"type": "m2m", "operation", "objects"}
            operation = M2M_OPERATIONS.get(values.get("operation"), values.get("operation"))
            result.append(Change(label, operation, ", ".join(map(str, values.get("objects", [])))))
            continue
        before, after = (list(values) + ["", ""])[:2]
        result.append(Change(label, _show(before, choices), _show(after, choices)))
    return result


def _show(value, choices):
    if value in (None, "None"):
        return ""
    return str(choices.get(value, value))


def actor_name(entry):
    return str(entry.actor) if entry.actor else "ระบบ (งานอัตโนมัติ/นำเข้า)"


def csv_rows(entries):
    yield ["เวลา", "ผู้แก้ไข", "ประเภทข้อมูล", "รายการ", "การกระทำ", "ช่องข้อมูล", "ก่อน", "หลัง",
           "ที่อยู่ IP"]
    for entry in entries.iterator(chunk_size=500):
        base = [entry.timestamp.isoformat(), actor_name(entry), model_label(entry),
                entry.object_repr, ACTIONS.get(entry.action, entry.action)]
        found = changes(entry) or [Change("", "", "")]
        for change in found:
            yield [*base, change.field, change.before, change.after, entry.remote_addr or ""]
