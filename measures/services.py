"""Every write to measures: each validates, writes and records its history in one transaction."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from measures.evidence import check_upload
from measures.models import Evidence, Measure, MeasureStep, ProgressUpdate, Status, StatusChange
from measures.permissions import can_edit_measure
from measures.workflow import transition_problem
from organizations.models import Role


class ConcurrentEdit(Exception):
    """Someone else saved the measure after this user opened it."""

    message = ("มีผู้อื่นบันทึกมาตรการนี้ก่อนท่าน ระบบจึงยังไม่บันทึกข้อมูลของท่าน "
               "ข้อความที่ท่านกรอกยังอยู่ในแบบฟอร์ม กรุณาตรวจสอบข้อมูลล่าสุดแล้วบันทึกอีกครั้ง")


def _require_editor(measure, by):
    if not can_edit_measure(by, measure):
        raise PermissionDenied("ท่านไม่ได้เป็นผู้รับผิดชอบมาตรการนี้")


def _bump(measure, expected_version, **fields):
    """Write fields only if nobody saved since `expected_version`; the measure is updated."""
    changed = Measure.objects.filter(pk=measure.pk, version=expected_version).update(
        version=F("version") + 1, **fields)
    if not changed:
        raise ConcurrentEdit()
    for name, value in fields.items():
        setattr(measure, name, value)
    measure.version = expected_version + 1


def _check_transition(measure, status, by, note):
    problem = transition_problem(measure.status, status, by.role == Role.ADMIN, note)
    if problem:
        raise ValidationError({"status": problem})


@transaction.atomic
def measure_set_status(*, measure, status, by, note="", expected_version=None):
    _require_editor(measure, by)
    _check_transition(measure, status, by, note)
    if status == measure.status:
        return measure
    previous = measure.status
    fields = {"status": status}
    if status == Status.DONE:
        fields["percent"] = 100
    _bump(measure, expected_version or measure.version, **fields)
    StatusChange.objects.create(measure=measure, from_status=previous, to_status=status,
                                by=by, note=note)
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
          last_update_at=now)
    update = ProgressUpdate.objects.create(measure=measure, reported_on=data.reported_on,
                                           note=data.note, percent=data.percent,
                                           status=data.status, by=by)
    for upload in data.files:
        Evidence.objects.create(update=update, file=upload, original_name=upload.name[:255],
                                content_type=upload.checked_type, size=upload.size)
    for url in data.urls:
        Evidence.objects.create(update=update, url=url)
    if previous != data.status:
        StatusChange.objects.create(measure=measure, from_status=previous,
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
    StatusChange.objects.create(
        measure=measure, step=step, from_status="step_open" if done else "step_done",
        to_status="step_done" if done else "step_open", by=by,
        note=f"ขั้นตอนที่ {step.order}: {step.text[:120]}")
    return step


def step_create(*, measure, text, order=None, **fields):
    if order is None:
        order = (measure.steps.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return MeasureStep.objects.create(measure=measure, order=order, text=text, **fields)


@transaction.atomic
def save_measure_with_steps(form, step_formset):
    """An admin's create or edit of a measure, its owners and its steps, as one write."""
    measure = form.save(commit=False)
    if measure.pk:
        measure.version = F("version") + 1
    measure.save()
    form.save_m2m()
    step_formset.instance = measure
    step_formset.save()
    measure.refresh_from_db()
    return measure
