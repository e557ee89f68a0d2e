"""The division head approves a finished measure of the division, or sends it back with what is
still to do; the owning officer cannot approve their own work; everyone else is refused and
nothing changes."""

import pytest
from django.urls import reverse

from measures.models import EventKind, MeasureEvent
from organizations.models import Department, Position, Role
from tests.measures.conftest import make_measure
from tests.personas import make_user


@pytest.fixture
def finance_head(org):
    finance = Department.objects.get(organization=org, name_th="กองคลัง")
    Position.objects.create(organization=org, department=finance, name_th="ผู้อำนวยการกองคลัง",
                            heads_department=True)
    return make_user("finance_head", org, Role.STAFF, "กองคลัง", "ผู้อำนวยการกองคลัง")


@pytest.fixture
def done(org):
    return make_measure(org, 1, status="done", percent=100)


def _decide(client, measure, decision, note=""):
    return client.post(reverse("measure-approval", args=[measure.pk]),
                       {"decision": decision, "note": note, "version": measure.version})


@pytest.mark.django_db
def test_owner_reports_done_and_the_head_sees_it_waiting(client, owner, finance_head, org):
    measure = make_measure(org, 1, status="in_progress")
    client.force_login(owner)
    client.post(reverse("measure-status", args=[measure.pk]),
                {"status": "done", "version": measure.version})
    page = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert "รอหัวหน้ากองรับรองผล" in page and 'id="approval"' not in page
    client.force_login(finance_head)
    home = client.get(reverse("home")).content.decode()
    assert "มาตรการแล้วเสร็จที่รอท่านรับรองผล" in home
    mine = client.get(reverse("my-measures")).content.decode()
    assert 'id="to-approve"' in mine and "มาตรการทดสอบที่ 1" in mine
    detail = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert 'id="approval"' in detail


@pytest.mark.django_db
def test_head_approves_and_it_is_in_the_history(client, finance_head, done):
    client.force_login(finance_head)
    response = _decide(client, done, "approve", "หลักฐานครบ")
    assert response.status_code == 302
    done.refresh_from_db()
    assert done.approved_by == finance_head and done.approved_at and done.version == 2
    event = MeasureEvent.objects.get(measure=done, kind=EventKind.APPROVED)
    assert event.by == finance_head and event.note == "หลักฐานครบ"
    page = client.get(reverse("measure-detail", args=[done.pk])).content.decode()
    assert "รับรองผลแล้ว" in page and "หัวหน้ากองรับรองผลการดำเนินงาน" in page
    assert 'id="approval"' not in page
    assert "รอท่านรับรองผล" not in client.get(reverse("home")).content.decode()
    again = _decide(client, done, "approve")
    assert again.status_code == 400 and "ได้รับการรับรองแล้ว" in again.content.decode()


@pytest.mark.django_db
def test_head_returns_with_a_note_and_the_measure_is_in_progress(client, finance_head, done):
    client.force_login(finance_head)
    refused = _decide(client, done, "return", "  ")
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "กรุณาระบุสิ่งที่ต้องดำเนินการเพิ่มเติม" in body
    assert 'id="errors-approval"' in body and "บันทึกผลการพิจารณาไม่สำเร็จ" in body  # summary
    done.refresh_from_db()
    assert done.status == "done" and done.version == 1
    assert _decide(client, done, "return", "ยังไม่แนบคำสั่งแต่งตั้ง").status_code == 302
    done.refresh_from_db()
    assert done.status == "in_progress" and done.approved_at is None
    event = MeasureEvent.objects.get(measure=done, kind=EventKind.RETURNED)
    assert (event.from_status, event.to_status) == ("done", "in_progress")


@pytest.mark.django_db
def test_reopening_an_approved_measure_clears_the_approval(client, org_admin, done):
    client.force_login(org_admin)
    _decide(client, done, "approve")
    done.refresh_from_db()
    client.post(reverse("measure-status", args=[done.pk]),
                {"status": "in_progress", "note": "พบข้อบกพร่อง", "version": done.version})
    done.refresh_from_db()
    assert done.status == "in_progress" and done.approved_at is None and done.approved_by is None


@pytest.mark.django_db
def test_org_admin_approves_any_division(client, org_admin, org):
    measure = make_measure(org, 2, department="สำนักปลัด", status="done", percent=100)
    client.force_login(org_admin)
    assert _decide(client, measure, "approve").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("persona,code", [
    ("owner", 403), ("other_staff", 403), ("committee", 403), ("outsider", 404),
    ("overseer", 403),  # overseers read only: every POST is refused
])
def test_others_cannot_approve(client, request, done, persona, code):
    client.force_login(request.getfixturevalue(persona))
    assert _decide(client, done, "approve").status_code == code
    done.refresh_from_db()
    assert done.approved_at is None and done.version == 1


@pytest.mark.django_db
def test_head_of_another_division_cannot_approve(client, org, done):
    office = Department.objects.get(organization=org, name_th="สำนักปลัด")
    Position.objects.create(organization=org, department=office, name_th="หัวหน้าสำนักปลัด",
                            heads_department=True)
    head = make_user("office_head", org, Role.STAFF, "สำนักปลัด", "หัวหน้าสำนักปลัด")
    client.force_login(head)
    assert _decide(client, done, "approve").status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, done):
    response = _decide(client, done, "approve")
    assert response.status_code == 302 and "login" in response.url


@pytest.mark.django_db
def test_not_yet_done_cannot_be_approved(client, finance_head, org):
    measure = make_measure(org, 3, status="in_progress")
    client.force_login(finance_head)
    response = _decide(client, measure, "approve")
    assert response.status_code == 400
    assert "รับรองได้เฉพาะมาตรการที่ดำเนินการแล้วเสร็จ" in response.content.decode()
