import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from measures.models import Evidence, MeasureEvent, ProgressUpdate
from measures.services import (
    ConcurrentEdit,
    UpdateInput,
    measure_set_status,
    progress_update_create,
    step_set_done,
)
from tests.measures.conftest import PDF

pytestmark = pytest.mark.django_db


def update_input(**overrides):
    values = {"reported_on": timezone.localdate(), "note": "จัดทำคู่มือแล้ว", "percent": 50,
              "status": "in_progress", "files": [], "urls": []}
    values.update(overrides)
    return UpdateInput(**values)


def test_status_change_writes_one_history_row(measure, owner):
    measure_set_status(measure=measure, status="in_progress", by=owner, note="เริ่มแล้ว")
    change = MeasureEvent.objects.get(measure=measure)
    assert (change.from_status, change.to_status, change.by, change.note) == (
        "not_started", "in_progress", owner, "เริ่มแล้ว")
    measure.refresh_from_db()
    assert measure.status == "in_progress" and measure.version == 2


def test_done_sets_percent_to_100(measure, owner):
    measure_set_status(measure=measure, status="done", by=owner)
    measure.refresh_from_db()
    assert measure.percent == 100


@pytest.mark.parametrize("name", ["other_staff", "committee", "outsider"])
def test_non_owners_cannot_change_status(measure, personas, name):
    with pytest.raises(PermissionDenied):
        measure_set_status(measure=measure, status="in_progress", by=personas[name])
    assert not MeasureEvent.objects.exists()


def test_refused_transition_changes_nothing(measure, owner):
    with pytest.raises(ValidationError):
        measure_set_status(measure=measure, status="cancelled", by=owner, note="x")
    measure.refresh_from_db()
    assert measure.status == "not_started" and not MeasureEvent.objects.exists()


def test_progress_update_appends_evidence_and_moves_the_measure(measure, owner):
    pdf = SimpleUploadedFile("คู่มือ.pdf", PDF, content_type="application/pdf")
    update = progress_update_create(
        measure=measure, by=owner, expected_version=1,
        data=update_input(files=[pdf], urls=["https://tambon-a.go.th/manual"]))
    assert update.percent == 50 and update.by == owner
    kinds = sorted((bool(e.file), e.url) for e in Evidence.objects.filter(update=update))
    assert kinds == [(False, "https://tambon-a.go.th/manual"), (True, "")]
    stored = Evidence.objects.get(update=update, url="")
    assert stored.content_type == "application/pdf" and stored.original_name == "คู่มือ.pdf"
    measure.refresh_from_db()
    assert (measure.status, measure.percent, measure.version) == ("in_progress", 50, 2)
    assert measure.last_update_at is not None
    assert MeasureEvent.objects.filter(measure=measure, to_status="in_progress").count() == 1


def test_second_writer_with_a_stale_version_is_refused(measure, owner, org_admin):
    progress_update_create(measure=measure, by=owner, expected_version=1, data=update_input())
    with pytest.raises(ConcurrentEdit):
        progress_update_create(measure=measure, by=org_admin, expected_version=1,
                               data=update_input(note="ข้อความของผู้ดูแล", percent=70))
    assert list(ProgressUpdate.objects.values_list("note", flat=True)) == ["จัดทำคู่มือแล้ว"]


@pytest.mark.parametrize(("overrides", "field"), [
    ({"status": "done", "percent": 80}, "percent"),
    ({"reported_on": timezone.localdate() + datetime.timedelta(days=2)}, "reported_on"),
    ({"files": [SimpleUploadedFile("virus.exe", b"MZ\x90\x00")]}, "files"),
])
def test_invalid_updates_write_nothing(measure, owner, overrides, field):
    with pytest.raises(ValidationError) as info:
        progress_update_create(measure=measure, by=owner, expected_version=1,
                               data=update_input(**overrides))
    assert field in info.value.message_dict
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()
    measure.refresh_from_db()
    assert measure.version == 1


def test_ticking_a_step_is_recorded(measure, owner):
    step = measure.steps.first()
    step_set_done(step=step, done=True, by=owner)
    step.refresh_from_db()
    assert step.is_done and step.done_by == owner
    change = MeasureEvent.objects.get(step=step)
    assert change.kind == "step_done" and "ขั้นตอนที่ ๑" in change.note
    step_set_done(step=step, done=True, by=owner)  # no change, no second row
    assert MeasureEvent.objects.filter(step=step).count() == 1


def test_staff_owning_by_position_or_by_name_or_everyone_may_edit(measure, other_staff, org):
    from measures.permissions import can_edit_measure
    assert not can_edit_measure(other_staff, measure)
    measure.owner_positions.add(other_staff.position)
    assert can_edit_measure(other_staff, measure)
    measure.owner_positions.clear()
    measure.owner_users.add(other_staff)
    assert can_edit_measure(other_staff, measure)
    measure.owner_users.clear()
    measure.owned_by_everyone = True
    measure.save()
    assert can_edit_measure(other_staff, measure)


def test_measure_upsert_creates_updates_and_records_history(measure, org_admin):
    from measures.services import measure_upsert

    fields = {"title": "ชื่อใหม่จากการนำเข้า"}
    same, outcome = measure_upsert(organization=measure.organization, by=org_admin,
                                   fiscal_year=measure.fiscal_year, number=measure.number,
                                   fields=fields)
    assert same.pk == measure.pk and outcome == "updated" and same.version == 2
    again = measure_upsert(organization=measure.organization, fiscal_year=measure.fiscal_year,
                           number=measure.number, fields=fields, by=org_admin)
    assert again[1] == "unchanged" and again[0].version == 2
    assert list(MeasureEvent.objects.filter(measure=measure).values_list("kind", "by")) == [
        ("edited", org_admin.pk)]


def test_a_stale_version_raises_one_concurrent_edit_for_measures_and_items(measure, org_admin):
    from disclosure.services import ConcurrentEdit as ItemConcurrentEdit
    from ita_portal.concurrency import ConcurrentEdit as OneConcurrentEdit
    from measures.services import measure_save

    assert ConcurrentEdit is ItemConcurrentEdit is OneConcurrentEdit
    with pytest.raises(ConcurrentEdit, match="มีผู้อื่นบันทึกมาตรการนี้ก่อนท่าน"):
        measure_save(organization=measure.organization, measure=measure, by=org_admin,
                     fields={"title": "ช้าไป"}, expected_version=measure.version - 1)
