from decimal import Decimal

import pytest
from django.urls import reverse

from demo.loader import DEMO_PASSWORD, load_demo, read_demo
from demo.present import SAMPLE_FILE
from disclosure.models import DisclosureItem, ItemStatus
from indicators.models import AssessmentYear, IndicatorScore, Recommendation
from indicators.years import default_year, year_in_progress
from measures.models import Measure, Status
from organizations.models import Department, Position, User

pytestmark = pytest.mark.django_db


def test_demo_is_the_seed_municipality_with_its_scores(criteria):
    org, users, _ = load_demo()
    assert org.name_th == "เทศบาลตำบลอรุณนิคม"
    scores = dict(IndicatorScore.objects.filter(organization=org, indicator__year__year=2564)
                  .values_list("indicator__number", "score"))
    assert {k: str(v) for k, v in scores.items()} == {
        2: "74.15", 4: "83.37", 6: "83.71", 9: "78.79"}
    assert Recommendation.objects.filter(organization=org, tool__code="OIT").exists()
    clerk = Position.objects.get(organization=org, name_th="เจ้าหน้าที่พัสดุ")
    assert clerk.department.name_th == "กองคลัง"
    roles = {u.role for u in users}
    assert roles >= {"staff", "committee", "admin", "overseer"}


def test_loading_the_demo_twice_changes_nothing(criteria):
    load_demo()
    counts = (User.objects.count(), Department.objects.count(), IndicatorScore.objects.count())
    _, _, report = load_demo()
    assert report.changed == 0
    assert (User.objects.count(), Department.objects.count(),
            IndicatorScore.objects.count()) == counts


def test_demo_fixture_carries_the_seed_issues_and_measures():
    spec = read_demo()
    assert {i["indicator"] for i in spec["issues"]} == {2, 4, 6, 9}
    assert [m["number"] for m in spec["measures"]] == [1, 2, 3, 4]
    assert any("ตลอดปีงบประมาณ" == m["period_text"] for m in spec["measures"])


def test_demo_staff_logs_in_and_sees_the_real_partial_result(client, criteria):
    org, _, _ = load_demo()
    response = client.post(reverse("login"), {"username": "finance", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    body = client.get(reverse("org-results", args=[org.slug])).content.decode()
    assert "เทศบาลตำบลอรุณนิคม" in body and "๗๔.๑๕" in body and "ขาดตัวชี้วัดที่" in body
    assert org.demo_note in body  # what is sample data is said on every page


def test_demo_lives_in_the_present_with_labelled_sample_data(criteria):
    org, _, _ = load_demo()
    current = year_in_progress()
    sample = IndicatorScore.objects.filter(organization=org).exclude(indicator__year__year=2564)
    expected = {int(y) for y in read_sample()["scores"] if int(y) < current
                and AssessmentYear.objects.filter(year=int(y)).exists()}
    assert set(sample.values_list("indicator__year__year", flat=True)) == expected
    assert set(sample.values_list("source", flat=True)) == {read_sample()["score_source"]}
    year = default_year()
    answers = DisclosureItem.objects.filter(organization=org, oit_item__year__year=year)
    assert answers.filter(status=ItemStatus.PRESENT).count() == 10
    assert answers.filter(status=ItemStatus.IN_PROGRESS).count() == 4
    carried = Measure.objects.filter(organization=org, fiscal_year=current)
    assert carried.count() == 4 and all(m.carried_from.fiscal_year == 2565 for m in carried)
    assert carried.filter(status=Status.IN_PROGRESS).count() == 2
    assert Measure.objects.filter(organization=org, fiscal_year=2565).count() == 4


def test_demo_issues_and_measures_are_the_seeds(criteria):
    from ita_portal.thai import thai_period
    from measures.models import ImprovementIssue, Measure
    org, _, report = load_demo()
    assert report.unmatched_owners == []
    issues = ImprovementIssue.objects.filter(organization=org)
    counts = {n: issues.filter(indicator__number=n).count() for n in (2, 4, 6, 9)}
    assert counts == {2: 6, 4: 1, 6: 2, 9: 8}
    assert issues.get(indicator__number=6, order=1).owned_by_everyone
    assert issues.get(indicator__number=2, order=1).trigger_score == Decimal("74.15")
    measures = {m.number: m for m in Measure.objects.filter(organization=org, fiscal_year=2565)}
    assert sorted(measures) == [1, 2, 3, 4]
    assert [s.order for s in measures[2].steps.all()] == [1, 2, 3]
    assert sorted(d.name_th for d in measures[3].owner_departments.all()) == [
        "กองคลัง", "หน่วยตรวจสอบภายใน"]
    assert [p.name_th for p in measures[2].owner_positions.all()] == ["เจ้าหน้าที่พัสดุ"]
    m4, m2 = measures[4], measures[2]
    assert thai_period(m4.start_date, m4.end_date, 2565) == "ตลอดปีงบประมาณ ๒๕๖๕"
    assert thai_period(m2.start_date, m2.end_date, 2565) == "มกราคม – มิถุนายน ๒๕๖๕"
    assert m2.cadence == "yearly" and measures[1].cadence == "every_meeting"


def read_sample():
    import json

    return json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))
