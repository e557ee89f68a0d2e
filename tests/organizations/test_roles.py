"""Roles that fit the org chart: division heads report on every measure of their division;
overseers read the organisations under them wherever a committee member reads, and change
nothing; members of another province's organisations stay out of reach."""

import pytest
from django.urls import reverse

from measures.permissions import can_edit_measure
from organizations.models import Department, Position, Role
from tests.measures.conftest import make_measure
from tests.personas import make_user

COMMITTEE_PAGES = ["dashboard", "meeting-list", "report-list", "measure-list", "issue-list",
                   "checklist-latest"]


@pytest.fixture
def finance_head(org):
    finance = Department.objects.get(organization=org, name_th="กองคลัง")
    Position.objects.create(organization=org, department=finance, name_th="ผู้อำนวยการกองคลัง",
                            heads_department=True)
    return make_user("finance_head", org, Role.STAFF, "กองคลัง", "ผู้อำนวยการกองคลัง")


@pytest.mark.django_db
def test_division_head_edits_every_measure_of_the_division(client, org, finance_head,
                                                           other_staff):
    clerk = Position.objects.get(organization=org, name_th="เจ้าหน้าที่พัสดุ")
    by_position = make_measure(org, 1, department=None)
    by_position.owner_positions.add(clerk)
    by_department = make_measure(org, 2)
    elsewhere = make_measure(org, 3, department="สำนักปลัด")
    assert can_edit_measure(finance_head, by_position)
    assert can_edit_measure(finance_head, by_department)
    assert not can_edit_measure(finance_head, elsewhere)
    client.force_login(finance_head)
    page = client.get(reverse("my-measures")).content.decode()
    assert "มาตรการทดสอบที่ 1" in page and "มาตรการทดสอบที่ 3" not in page
    response = client.post(reverse("measure-status", args=[by_position.pk]),
                           {"status": "in_progress", "version": by_position.version})
    assert response.status_code in (200, 302)
    by_position.refresh_from_db()
    assert by_position.status == "in_progress"


@pytest.mark.django_db
def test_overseer_reads_an_organisation_like_its_committee(client, org, overseer, other_org):
    make_measure(org, 1)
    client.force_login(overseer)
    home = client.get(reverse("home")).content.decode()
    assert org.name_th in home and other_org.name_th not in home  # another province
    assert client.post(reverse("read-organization", args=[other_org.slug])).status_code == 404
    assert client.post(reverse("read-organization", args=[org.slug])).status_code == 302
    for name in COMMITTEE_PAGES:
        response = client.get(reverse(name), follow=True)
        assert response.status_code == 200, name
    assert "มาตรการทดสอบที่ 1" in client.get(reverse("measure-list")).content.decode()
    assert "อ่านอย่างเดียว" in client.get(reverse("dashboard")).content.decode()


@pytest.mark.django_db
def test_overseer_changes_nothing(client, org, overseer):
    measure = make_measure(org, 1)
    client.force_login(overseer)
    client.post(reverse("read-organization", args=[org.slug]))
    response = client.post(reverse("measure-status", args=[measure.pk]),
                           {"status": "in_progress", "version": measure.version})
    assert response.status_code == 403
    assert client.post(reverse("meeting-list"), {}).status_code == 403
    measure.refresh_from_db()
    assert measure.status == "not_started"


@pytest.mark.django_db
def test_members_cannot_use_the_overseer_switch(client, personas, org):
    for user in personas.values():
        client.force_login(user)
        assert client.post(reverse("read-organization", args=[org.slug])).status_code == 404
