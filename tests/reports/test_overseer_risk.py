"""The overseer's summary (issue 17): how many agencies are likely below 85 and why. Its counts
equal what each agency's own figures say (compute_result over its official scores, its
checklist), whatever the number of agencies, in a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from disclosure.models import DisclosureItem, ItemStatus
from disclosure.services import ensure_checklist
from indicators.models import Indicator, IndicatorScore, OITItem
from indicators.scoring import compute_result
from indicators.selectors import year_rules
from organizations.models import Organization
from reports.overseer import current
from reports.overseer_risk import below_target_summary
from tests.personas import make_org

pytestmark = pytest.mark.django_db
YEAR, OFFICIAL = 2570, 2568


def scored(org, score_of):
    for indicator in Indicator.objects.filter(year__year=OFFICIAL):
        IndicatorScore.objects.create(organization=org, indicator=indicator,
                                      score=Decimal(score_of(indicator.number)))


def disclose(org, count):
    ensure_checklist(org, YEAR)
    chosen = DisclosureItem.objects.filter(organization=org, oit_item__year__year=YEAR
                                           ).order_by("oit_item__order")[:count]
    DisclosureItem.objects.filter(pk__in=[i.pk for i in chosen]).update(status=ItemStatus.PRESENT)


def own_figures(org, needed):
    """What the agency's own dashboard and checklist say, one agency at a time."""
    scores = {s.indicator.number: s.score for s in IndicatorScore.objects.filter(
        organization=org, indicator__year__year=OFFICIAL).select_related("indicator")}
    rules = year_rules(OFFICIAL)
    total = compute_result(rules, scores).total
    present = DisclosureItem.objects.filter(organization=org, oit_item__year__year=YEAR,
                                            status=ItemStatus.PRESENT).count()
    return total is not None and total < rules.target, present < needed


def test_the_summary_counts_what_each_agency_says_of_itself(client, criteria, org, overseer):
    items = OITItem.objects.filter(year__year=YEAR).count()
    needed = -(-items * 85 // 100)
    scored(org, lambda n: 95)  # official above 85; OIT short
    disclose(org, needed - 1)
    low = make_org("tambon-low", "เทศบาลตำบลคะแนนต่ำ")
    scored(low, lambda n: 70 if n % 2 else 98)  # some low indicators: the weighted total
    disclose(low, items)
    fine = make_org("tambon-fine", "เทศบาลตำบลพร้อม")
    scored(fine, lambda n: 92)
    disclose(fine, needed)
    unscored = make_org("tambon-new", "เทศบาลตำบลใหม่")  # no official result, nothing marked
    far = make_org("tambon-far", "เทศบาลตำบลไกล", province="เชียงใหม่")
    scored(far, lambda n: 50)
    mine = Organization.objects.filter(province="ขอนแก่น")
    found = below_target_summary(current(mine, year=YEAR, today=timezone.localdate()), year=YEAR)
    figures = {o.slug: own_figures(o, needed) for o in mine}
    assert found["official_year"] == OFFICIAL and found["oit_needed"] == needed
    assert found["official_below"] == sum(b for b, _ in figures.values())
    assert found["oit_short"] == sum(s for _, s in figures.values())
    assert found["likely_below"] == sum(b or s for b, s in figures.values())
    assert figures == {"tambon-a": (False, True), "tambon-low": (True, False),
                       "tambon-fine": (False, False), "tambon-new": (False, True)}
    client.force_login(overseer)
    body = client.get(reverse("home")).content.decode()
    assert "<strong class=\"bad\">๓</strong> หน่วยงานมีแนวโน้มได้คะแนนต่ำกว่า ๘๕" in body
    assert f"ผลทางการล่าสุด (ITA {OFFICIAL}) ต่ำกว่า ๘๕: <strong>๑</strong>".replace(
        str(OFFICIAL), "๒๕๖๘") in body
    assert unscored.name_th in body and far.name_th not in body


def test_the_summary_costs_the_same_queries_for_few_or_many_agencies(criteria, org):
    scored(org, lambda n: 80)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            below_target_summary(current(Organization.objects.all(), year=YEAR,
                                         today=timezone.localdate()), year=YEAR)
        return len(ctx.captured_queries)

    few = count()
    for n in range(8):
        other = make_org(f"tambon-{n}", f"เทศบาลตำบลที่ {n}")
        scored(other, lambda number, n=n: 60 + n * 5)
        disclose(other, n)
    assert count() == few


def test_without_official_results_the_summary_says_so(client, criteria, org, overseer):
    client.force_login(overseer)
    body = client.get(reverse("home")).content.decode()
    assert "ยังไม่มีผลทางการในระบบ" in body
