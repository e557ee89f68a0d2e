import pytest
from django.urls import reverse

from measures.models import ImprovementIssue, Measure
from organizations.models import Department

pytestmark = pytest.mark.django_db


def measure_post(org, **overrides):
    finance = Department.objects.get(organization=org, name_th="กองคลัง")
    data = {"fiscal_year": "2570", "number": "7", "title": "มาตรการใหม่",
            "start_date": "2026-10-01", "end_date": "2027-03-31", "period_text": "",
            "monitoring": "รายงานทุกครั้งที่มีการประชุม", "cadence": "every_meeting",
            "owner_departments": [finance.pk],
            "steps-TOTAL_FORMS": "1", "steps-INITIAL_FORMS": "0",
            "steps-0-order": "1", "steps-0-text": "ขั้นตอนแรก"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee"])
def test_only_the_organisations_admin_manages_measures(client, personas, org, name):
    client.force_login(personas[name])
    assert client.get(reverse("measure-create")).status_code == 403
    assert client.post(reverse("measure-create"), measure_post(org)).status_code == 403
    assert client.get(reverse("issue-create")).status_code == 403
    assert not Measure.objects.exists()


def test_admin_creates_a_measure_with_owners_and_steps(client, org_admin, org):
    client.force_login(org_admin)
    response = client.post(reverse("measure-create"), measure_post(org))
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert measure.organization == org and measure.steps.get().text == "ขั้นตอนแรก"
    assert [d.name_th for d in measure.owner_departments.all()] == ["กองคลัง"]


def test_admin_cannot_pick_another_organisations_department(client, org_admin, org, other_org):
    client.force_login(org_admin)
    foreign = Department.objects.get(organization=other_org, name_th="กองคลัง")
    response = client.post(reverse("measure-create"),
                           measure_post(org, owner_departments=[foreign.pk]))
    assert response.status_code == 400 and not Measure.objects.exists()


def test_bad_dates_and_duplicate_numbers_say_so(client, org_admin, org, measure):
    client.force_login(org_admin)
    response = client.post(reverse("measure-create"), measure_post(
        org, number="1", start_date="2027-03-31", end_date="2026-10-01"))
    body = response.content.decode()
    assert response.status_code == 400
    assert "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม" in body and "มีมาตรการลำดับนี้" in body
    assert Measure.objects.count() == 1


def test_outsider_admin_cannot_edit_this_municipalitys_measure(client, outsider, measure):
    client.force_login(outsider)
    assert client.get(reverse("measure-edit", args=[measure.pk])).status_code == 404


def test_admin_edits_a_measure_and_its_version_moves(client, org_admin, org, measure):
    client.force_login(org_admin)
    data = measure_post(org, number="1", title="ชื่อใหม่", **{
        "steps-TOTAL_FORMS": "2", "steps-INITIAL_FORMS": "2",
        "steps-0-id": measure.steps.get(order=1).pk, "steps-0-order": "1",
        "steps-0-text": "แก้ขั้นตอน", "steps-1-id": measure.steps.get(order=2).pk,
        "steps-1-order": "2", "steps-1-text": "เผยแพร่บนเว็บไซต์หลัก"})
    assert client.post(reverse("measure-edit", args=[measure.pk]), data).status_code == 302
    measure.refresh_from_db()
    assert measure.title == "ชื่อใหม่" and measure.version == 2
    assert measure.steps.get(order=1).text == "แก้ขั้นตอน"


def test_two_admins_editing_one_measure_the_second_gets_409_and_keeps_their_text(
        client, org_admin, org, measure):
    """The README's promise: the second save answers 409 and the first title is not lost."""
    client.force_login(org_admin)
    opened = client.get(reverse("measure-edit", args=[measure.pk])).context["form"]
    version = opened["version"].value()
    steps = {"steps-TOTAL_FORMS": "0", "steps-INITIAL_FORMS": "0"}
    first = measure_post(org, number="1", title="ชื่อของผู้ดูแลคนแรก", version=version, **steps)
    second = measure_post(org, number="1", title="ชื่อของผู้ดูแลคนที่สอง", version=version,
                          **steps)
    assert client.post(reverse("measure-edit", args=[measure.pk]), first).status_code == 302
    response = client.post(reverse("measure-edit", args=[measure.pk]), second)
    assert response.status_code == 409
    assert "ชื่อของผู้ดูแลคนที่สอง" in response.content.decode()
    measure.refresh_from_db()
    assert measure.title == "ชื่อของผู้ดูแลคนแรก" and measure.version == 2


def test_admin_records_an_improvement_issue(client, criteria, org_admin, org):
    from indicators.models import AssessmentYear, Indicator
    client.force_login(org_admin)
    response = client.post(reverse("issue-create"), {
        "fiscal_year": "2570", "assessment_year": AssessmentYear.objects.get(year=2566).pk,
        "indicator": Indicator.objects.get(year__year=2566, number=9).pk,
        "trigger_score": "78.79", "title": "การเปิดเผยข้อมูลไม่ครบ", "approach": "ปรับปรุงเว็บไซต์",
        "monitoring": "", "cadence": "every_meeting", "order": "1"})
    assert response.status_code == 302
    assert ImprovementIssue.objects.get().organization == org
