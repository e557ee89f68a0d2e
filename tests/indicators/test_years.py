"""Every year 2563–2570 is in the library and scores by its own data: published totals
reproduce, grades up to 2565, ratings from 2566 (ผ่านดี needs every tool at 85 or more)."""

import datetime
from decimal import Decimal

import pytest

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from disclosure.selectors import (
    checklist_items,
    predicted_oit_by_organization,
    predicted_result,
)
from disclosure.services import ensure_checklist
from imports.scores import import_scores
from indicators.models import AssessmentYear, CriteriaStatus, IndicatorScore
from indicators.scoring import compute_result, round2
from indicators.selectors import year_rules
from indicators.years import default_year, visible_years, year_in_progress
from organizations.models import User

pytestmark = pytest.mark.django_db


def result(year, values):
    return compute_result(year_rules(year), dict(enumerate(map(Decimal, values), start=1)))


def test_every_year_from_2563_to_2570_is_loaded(criteria):
    years = dict(AssessmentYear.objects.values_list("year", "status"))
    assert set(range(2563, 2571)) <= set(years)
    assert years[2570] == CriteriaStatus.DRAFT
    assert years[2565] == CriteriaStatus.CONFIRMED


@pytest.mark.parametrize(("year", "values", "total", "band"), [
    # Published per-indicator results (../shared/ita/README.md), reproduced within 0.01
    (2563, [92.17, 85.44, 88.74, 84.05, 86.51, 84.62, 83.70, 81.88, 51.68, 29.82], "67.54", "C"),
    (2564, [93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56], "81.45", "B"),
])
def test_published_totals_reproduce(criteria, year, values, total, band):
    outcome = result(year, values)
    assert abs(round2(outcome.total) - Decimal(total)) <= Decimal("0.01")
    assert outcome.band == band


def test_2568_high_total_with_eit_under_85_is_pass_not_good(criteria):
    # IIT 95, EIT 84, OIT 100 → 28.5 + 25.2 + 40 = 93.70, but EIT < 85
    outcome = result(2568, [95] * 5 + [84] * 3 + [100] * 2)
    assert round2(outcome.total) == Decimal("93.70") and outcome.band == "ผ่าน"


@pytest.mark.parametrize(("values", "band"), [
    ([96] * 10, "ผ่านดีเยี่ยม"), ([90] * 10, "ผ่านดี"), ([80] * 10, "ต้องปรับปรุง"),
    ([50] * 10, "ต้องปรับปรุงโดยด่วน")])
def test_ratings_from_2566_on_come_from_the_data(criteria, values, band):
    for year in range(2566, 2571):
        assert result(year, values).band == band


def test_official_scores_import_for_the_latest_years(criteria, org):
    operator = User.objects.create(username="platform", is_superuser=True, is_staff=True)
    rows = ["หน่วยงาน,ปี,1,2,3,4,5,6,7,8,9,10,คะแนนรวม,ผลการประเมิน",
            "tambon-a,2569,95,95,95,95,95,84,84,84,100,100,93.70,ผ่าน",
            "tambon-a,2568,90,90,90,90,90,90,90,90,90,90,90.00,ผ่านดี"]
    outcome = import_scores(("\n".join(rows) + "\n").encode(), "nacc.csv", operator)
    assert not outcome.errors
    assert IndicatorScore.objects.filter(organization=org,
                                         indicator__year__year=2569).count() == 10


def test_the_year_in_progress_follows_the_bangkok_calendar(criteria):
    assert year_in_progress(datetime.date(2026, 9, 30)) == 2569
    assert year_in_progress(datetime.date(2026, 10, 1)) == 2570
    assert default_year(today=datetime.date(2026, 12, 1)) == 2570
    # a year whose criteria are not loaded yet falls back to the newest one before it
    assert default_year(today=datetime.date(2035, 1, 1)) == 2570


def test_organisations_see_published_years_and_the_year_in_progress(criteria, owner):
    AssessmentYear.objects.filter(year=2570).update(status=CriteriaStatus.DRAFT)
    seen = set(visible_years(owner, today=datetime.date(2026, 12, 1)).values_list(
        "year", flat=True))
    assert 2570 in seen and 2563 in seen
    assert 2570 not in set(visible_years(owner, today=datetime.date(2026, 1, 1)).values_list(
        "year", flat=True))


def test_predictions_for_every_organisation_agree_with_each_checklist(criteria, org,
                                                                      other_org):
    rules = year_rules(2569)
    for organization, present in ((org, 8), (other_org, 15)):
        ensure_checklist(organization, 2569)
        answers = DisclosureItem.objects.filter(organization=organization,
                                                oit_item__year__year=2569)
        for answer in answers.order_by("oit_item__order")[:present]:
            answer.status = ItemStatus.PRESENT
            answer.save()
            EvidenceLink.objects.create(item=answer,
                                        url=f"https://{organization.slug}.go.th/{answer.pk}")
    EvidenceLink.objects.filter(item__organization=other_org).update(is_broken=True)
    every = predicted_oit_by_organization(2569, rules)
    for organization in (org, other_org):
        one = predicted_result(organization, checklist_items(organization, 2569), rules)
        assert every[organization.pk] == one["oit"]
    assert every[other_org.pk] == 0
