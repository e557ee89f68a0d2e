"""Every write to issues, measures and steps (the views, both importers and the demo loader call
these): each validates, bumps the measure's version with the optimistic check and records its
history row (MeasureEvent) in one transaction."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ita_portal.concurrency import ConcurrentEdit, save_if_version
from ita_portal.thai import thai_digits
from measures.evidence import check_upload
from measures.models import (
    EventKind,
    Evidence,
    ImprovementIssue,
    Measure,
    MeasureEvent,
    MeasureStep,
    ProgressUpdate,
    Status,
)
from measures.permissions import can_edit_measure, can_manage_measures, require_approver
from measures.workflow import transition_problem
from organizations import audit, versions

__all__ = ["ConcurrentEdit"]
MEASURE = "มาตรการนี้"


def _require_editor(measure, by):
    if not can_edit_measure(by, measure):
        raise PermissionDenied("ท่านไม่ได้เป็นผู้รับผิดชอบมาตรการนี้")


def _bump(measure, expected_version, **fields):
    save_if_version(measure, expected_version, MEASURE, **fields)
    versions.touch(measure.organization_id)  # a queryset write: no model signal


def _check_transition(measure, status, by, note):
    problem = transition_problem(measure.status, status,
                                 can_manage_measures(by, measure.organization), note)
    if problem:
        raise ValidationError({"status": problem})


@transaction.atomic
def measure_set_status(*, measure, status, by, note="", expected_version=None):
    _require_editor(measure, by)
    _check_transition(measure, status, by, note)
    if status == measure.status:
        return measure
    previous = measure.status
    fields = {"status": status, **_approval_kept(measure, status)}
    if status == Status.DONE:
        fields["percent"] = 100
    _bump(measure, expected_version or measure.version, **fields)
    MeasureEvent.objects.create(measure=measure, from_status=previous, to_status=status,
                                by=by, note=note)
    return measure


def _approval_kept(measure, status):
    """A measure that leaves "done" loses its approval (fields to save with the move)."""
    if measure.approved_at and status != Status.DONE:
        return {"approved_at": None, "approved_by": None}
    return {}


def _require_approver(measure, by):
    require_approver(by, measure)
    if measure.status != Status.DONE:
        raise ValidationError({"status": "รับรองได้เฉพาะมาตรการที่ดำเนินการแล้วเสร็จ"})


@transaction.atomic
def measure_approve(*, measure, by, note="", expected_version=None):
    """The division head (or an admin) approves a finished measure's result."""
    _require_approver(measure, by)
    if measure.approved_at:
        raise ValidationError({"status": "มาตรการนี้ได้รับการรับรองแล้ว"})
    _bump(measure, expected_version or measure.version, approved_at=timezone.now(),
          approved_by=by)
    MeasureEvent.objects.create(measure=measure, kind=EventKind.APPROVED, by=by, note=note)
    return measure


@transaction.atomic
def measure_return(*, measure, by, note, expected_version=None):
    """The division head sends a finished measure back: it is in progress again, with why."""
    _require_approver(measure, by)
    if not (note or "").strip():
        raise ValidationError({"note": "กรุณาระบุสิ่งที่ต้องดำเนินการเพิ่มเติม"})
    _bump(measure, expected_version or measure.version, status=Status.IN_PROGRESS,
          approved_at=None, approved_by=None)
    MeasureEvent.objects.create(measure=measure, kind=EventKind.RETURNED, by=by, note=note,
                                from_status=Status.DONE, to_status=Status.IN_PROGRESS)
    return measure


@dataclass
class UpdateInput:
    reported_on: object
    note: str
    percent: int
    status: str
    files: list
    urls: list


def _total_size_errors(files):
    """One update's files together stay under EVIDENCE_MAX_TOTAL_BYTES (review L4)."""
    limit = settings.EVIDENCE_MAX_TOTAL_BYTES
    if sum(upload.size for upload in files) > limit:
        return [f"ไฟล์หลักฐานรวมกันใหญ่เกิน {limit // (1024 * 1024)} MB ต่อการรายงานหนึ่งครั้ง "
                f"กรุณาแบ่งส่งหลายครั้ง"]
    return []


def _check_progress(data):
    if data.status == Status.DONE and data.percent != 100:
        raise ValidationError({"percent": "มาตรการที่ดำเนินการแล้วเสร็จต้องมีความคืบหน้า 100%"})
    if data.reported_on > timezone.localdate():
        raise ValidationError({"reported_on": "วันที่ดำเนินการต้องไม่เป็นวันในอนาคต"})
    errors = _total_size_errors(data.files)
    for upload in data.files:
        try:
            upload.checked_type = check_upload(upload)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"files": errors})


@transaction.atomic
def progress_update_create(*, measure, by, data, expected_version):
    """Append a progress update (note, percent, status, evidence) and move the measure."""
    _require_editor(measure, by)
    _check_progress(data)
    _check_transition(measure, data.status, by, data.note)
    previous = measure.status
    now = timezone.now()
    _bump(measure, expected_version, status=data.status, percent=data.percent,
          last_update_at=now, **_approval_kept(measure, data.status))
    update = ProgressUpdate.objects.create(measure=measure, reported_on=data.reported_on,
                                           note=data.note, percent=data.percent,
                                           status=data.status, by=by)
    for upload in data.files:
        Evidence.objects.create(update=update, file=upload, original_name=upload.name[:255],
                                content_type=upload.checked_type, size=upload.size)
    for url in data.urls:
        Evidence.objects.create(update=update, url=url)
    if previous != data.status:
        MeasureEvent.objects.create(measure=measure, from_status=previous,
                                    to_status=data.status, by=by, note=data.note)
    return update


@transaction.atomic
def step_set_done(*, step, done, by):
    """Tick a step off (or un-tick it); the change is kept in the measure's history."""
    measure = step.measure
    _require_editor(measure, by)
    if step.is_done == done:
        return step
    step.done_at, step.done_by = (timezone.now(), by) if done else (None, None)
    step.save(update_fields=["done_at", "done_by"])
    MeasureEvent.objects.create(
        measure=measure, step=step, kind=EventKind.STEP_DONE if done else EventKind.STEP_REOPENED,
        by=by, note=f"ขั้นตอนที่ {thai_digits(step.order)}: {step.text[:120]}")
    return step


def owners_set(obj, *, departments=(), positions=(), everyone=False, users=None):
    """The owners of an issue or a measure: departments, positions, users, or everyone."""
    obj.owner_departments.set(departments)
    obj.owner_positions.set(positions)
    if users is not None:
        obj.owner_users.set(users)
    if obj.owned_by_everyone != everyone:
        obj.owned_by_everyone = everyone
        type(obj).objects.filter(pk=obj.pk).update(owned_by_everyone=everyone)
        versions.touch(obj.organization_id)


def _changed(obj, fields):
    return {name: value for name, value in fields.items() if getattr(obj, name) != value}


@transaction.atomic
def measure_save(*, organization, fields, measure=None, by=None, expected_version=None,
                 owners=None, indicators=None, issues=None):
    """Create a measure or change `measure`'s fields; returns (measure, "created" | "updated"
    | "unchanged"). An update bumps the version, checked against `expected_version` (by
    default the version just read), and either writes a history row."""
    if measure is None:
        measure = Measure.objects.create(organization=organization, **fields)
        outcome, kind = "created", EventKind.CREATED
    else:
        changed = _changed(measure, fields)
        expected = measure.version if expected_version is None else expected_version
        if changed or expected_version is not None:
            _bump(measure, expected, **changed)
        outcome, kind = ("updated" if changed else "unchanged"), EventKind.EDITED
    if owners is not None:
        owners_set(measure, **owners)
    for name, values in (("indicators", indicators), ("issues", issues)):
        if values is not None:
            getattr(measure, name).set(values)
    if outcome != "unchanged":
        MeasureEvent.objects.create(measure=measure, kind=kind, by=by)
    return measure, outcome


@dataclass
class NewMeasure:
    """A measure to create: its fields, owners (as owners_set takes them), indicators and
    steps (each a dict of step fields, in order)."""
    fields: dict
    owners: dict = field(default_factory=dict)
    indicators: list = field(default_factory=list)
    steps: list = field(default_factory=list)


OWNER_RELATIONS = {"owner_departments": "departments", "owner_positions": "positions",
                   "owner_users": "users"}


@transaction.atomic
def measures_create(*, organization, drafts, by=None):
    """Create many measures at once (an import): with their owners, indicators, steps,
    history and audit-trail entries, in a fixed number of statements whatever their count."""
    if not drafts:
        return []
    measures = Measure.objects.bulk_create([
        Measure(organization=organization, owned_by_everyone=bool(d.owners.get("everyone")),
                **d.fields) for d in drafts])
    related = {name: [list(d.owners.get(key) or ()) for d in drafts]
               for name, key in OWNER_RELATIONS.items()}
    related["indicators"] = [list(d.indicators) for d in drafts]
    for name, targets in related.items():
        relation_add(name, zip(measures, targets, strict=True))
    steps = MeasureStep.objects.bulk_create([
        MeasureStep(measure=m, order=k, **step)
        for m, d in zip(measures, drafts, strict=True) for k, step in enumerate(d.steps, 1)])
    MeasureEvent.objects.bulk_create([MeasureEvent(measure=m, kind=EventKind.CREATED, by=by)
                                      for m in measures])
    audit.log_created(measures, by, m2m=related)
    audit.log_created(steps, by)
    versions.touch(organization.pk)  # bulk writes send no signals
    return measures


def relation_add(name, pairs):
    """Many-to-many rows of Measure.<name> in one statement: (measure, related objects)."""
    relation = Measure._meta.get_field(name)
    through, column = relation.remote_field.through, relation.m2m_reverse_field_name()
    through.objects.bulk_create([through(**{"measure_id": m.pk, f"{column}_id": obj.pk})
                                 for m, objects in pairs for obj in objects])


def measure_upsert(*, organization, fiscal_year, number, fields, **options):
    """The measure with this number in this fiscal year, created or updated (measure_save)."""
    measure = Measure.objects.filter(organization=organization, fiscal_year=fiscal_year,
                                     number=number).first()
    return measure_save(organization=organization, measure=measure, **options,
                        fields={"fiscal_year": fiscal_year, "number": number, **fields})


@transaction.atomic
def measure_save_form(*, form, steps, by):
    """An admin's create or edit of a measure, its owners and its steps, as one write; an
    edit of a version someone else has saved since raises ConcurrentEdit."""
    data, editing = form.cleaned_data, form.instance.pk is not None
    fields = {name: data[name] for name in form.SCALAR_FIELDS}
    owners = {"departments": data["owner_departments"], "positions": data["owner_positions"],
              "users": data["owner_users"], "everyone": data["owned_by_everyone"]}
    measure, _ = measure_save(
        organization=form.instance.organization, fields=fields, by=by, owners=owners,
        measure=Measure.objects.get(pk=form.instance.pk) if editing else None,
        expected_version=data.get("version") if editing else None,
        indicators=data["indicators"], issues=data["issues"])
    steps.instance = measure
    steps.save()
    return measure


def _upsert(model, found, create, fields):
    if found is None:
        return model.objects.create(**create, **fields), "created"
    changed = _changed(found, fields)
    for name, value in changed.items():
        setattr(found, name, value)
    if changed:
        found.save(update_fields=list(changed))
    return found, "updated" if changed else "unchanged"


def step_upsert(*, measure, order, fields):
    """The measure's step at `order`, created or updated; returns (step, outcome)."""
    found = MeasureStep.objects.filter(measure=measure, order=order).first()
    return _upsert(MeasureStep, found, {"measure": measure, "order": order}, fields)


def step_owner_rename(*, step, old, new, by=None):
    """Put `new` where the step's written owner names `old` (a hand-over); in the history."""
    step.owner_text = step.owner_text.replace(old, new)[:300]
    step.save(update_fields=["owner_text"])
    MeasureEvent.objects.create(measure=step.measure, step=step, kind=EventKind.EDITED, by=by,
                                note=f"ขั้นตอนที่ {thai_digits(step.order)}: ผู้รับผิดชอบ {old} → {new}")
    return step


def issue_upsert(*, organization, fiscal_year, fields, key=None, owners=None, issue=None):
    """`issue` updated, or the issue found by `key` (field values) updated, or a new one
    (no `key`, or none found); returns (issue, outcome)."""
    create = {"organization": organization, "fiscal_year": fiscal_year, **(key or {})}
    found = issue or (ImprovementIssue.objects.filter(**create).first() if key else None)
    issue, outcome = _upsert(ImprovementIssue, found, create, fields)
    if owners is not None:
        owners_set(issue, **owners)
    return issue, outcome
