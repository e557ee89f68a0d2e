"""Workbook imports: preview what each row will create or change, apply it all or nothing,
undo it (created rows removed, changed rows written back).

Rows are matched by their keys (owner kind and name, issue id, measure number, measure number
and step order, OIT item code); what is in the portal but not in the file is left alone.
"""

import hashlib

from django.apps import apps
from django.core.exceptions import ValidationError

from disclosure.services import ensure_checklist
from imports.models import ImportBatch, ImportedObject, Pipeline
from imports.workbook.checks import Checker
from imports.workbook.read import describe, read_workbook
from imports.workbook.records import Target, kinds, same
from indicators.selectors import require_assessed_year

MAX_SHOWN = 200


def _target(batch_or_org, fiscal_year, by=None):
    return Target(batch_or_org, fiscal_year, require_assessed_year(fiscal_year).year, by)


def _refuse(problems):
    messages = [describe(p) for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        messages.append(f"และอีก {len(problems) - MAX_SHOWN} รายการ")
    raise ValidationError(messages)


def changes(kind, obj, values):
    """{column key: [old, new]} for the writable columns that differ."""
    current = kind.snapshot(obj)
    return {c.key: [current.get(c.key), values.get(c.key)] for c in kind.sheet.writable
            if c.key != "id" and not same(c.key, current.get(c.key), values.get(c.key))}


def _plan_rows(target, rows):
    plan = {}
    for kind in kinds():
        plan[kind.sheet.key] = []
        for number, values in rows.get(kind.sheet.key, []):
            obj = kind.find(target, values)
            diff = changes(kind, obj, values) if obj else {}
            action = "create" if obj is None else ("update" if diff else "same")
            plan[kind.sheet.key].append({"row": number, "values": values, "action": action,
                                         "changes": diff})
    return plan


def preview_workbook(*, organization, fiscal_year, data, filename, by):
    """A preview batch, or ValidationError listing every wrong row (nothing written)."""
    rows, problems = read_workbook(data)
    target = _target(organization, fiscal_year)
    problems += Checker(target, rows).run()
    if problems:
        _refuse(problems)
    plan = {"kind": "workbook", "fiscal_year": fiscal_year, "rows": _plan_rows(target, rows)}
    return ImportBatch.objects.create(
        organization=organization, fiscal_year=fiscal_year, source_name=filename[:200],
        kind=Pipeline.WORKBOOK, source_sha256=hashlib.sha256(data).hexdigest(), plan=plan,
        created_by=by)


def _checked_rows(batch, target):
    rows = {key: [(r["row"], r["values"]) for r in items]
            for key, items in batch.plan["rows"].items()}
    problems = Checker(target, rows).run()
    if problems:
        _refuse(problems)
    return rows


def apply_workbook(batch, by):
    """Inside the caller's transaction: write every row; count what was created or changed."""
    target = _target(batch.organization, batch.fiscal_year, by)
    rows = _checked_rows(batch, target)
    if rows.get("oit"):
        ensure_checklist(batch.organization, batch.fiscal_year)
    counts = {"created": {}, "updated": {}, "existing": {}}
    for kind in kinds():
        for _, values in rows.get(kind.sheet.key, []):
            _apply_row(batch, kind, target, values, counts)
    return counts


def _apply_row(batch, kind, target, values, counts):
    obj = kind.find(target, values)
    if obj is not None and not changes(kind, obj, values):
        _count(counts, "existing", kind.sheet.title)
        return
    before = kind.snapshot(obj) if obj is not None else None
    obj = kind.write(target, obj, values)
    obj = kind.find(target, {**values, "id": obj.pk} if kind.sheet.key == "issues" else values)
    ImportedObject.objects.create(batch=batch, model=obj._meta.label, object_id=obj.pk,
                                  sheet=kind.sheet.key, before=before,
                                  after=kind.snapshot(obj) if before is not None else None)
    _count(counts, "updated" if before is not None else "created", kind.sheet.title)


def _count(counts, what, title):
    counts[what][title] = counts[what].get(title, 0) + 1


def undo_updates(batch, by):
    """Write back what the batch changed, newest first; refuse if changed since."""
    target = _target(batch.organization, batch.fiscal_year, by)
    by_sheet = {kind.sheet.key: kind for kind in kinds()}
    updated = [o for o in batch.created_rows.order_by("-pk") if o.was_update]
    for row in updated:
        kind = by_sheet[row.sheet]
        obj = _object(row)
        if obj is None or changes(kind, obj, row.after):
            raise ValidationError(f"แถวในแผ่นงาน “{kind.sheet.title}” ถูกแก้ไขหลังการนำเข้าแล้ว "
                                  "จึงยกเลิกทั้งชุดไม่ได้ โปรดแก้ไขรายการนั้นโดยตรง")
        kind.write(target, obj, row.before)


def _object(row):
    return apps.get_model(row.model).objects.filter(pk=row.object_id).first()

