import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from disclosure.carryover import carry_over
from disclosure.checker import CheckResult
from disclosure.models import DisclosureItem, EvidenceLink, ItemStatusChange, LinkCheck
from disclosure.selectors import checklist_items, predicted_result, sections
from disclosure.services import (
    ConcurrentEdit,
    apply_check,
    apply_checks,
    ensure_checklist,
    item_update,
)
from indicators.scoring import round2
from indicators.selectors import year_rules
from tests.disclosure.helpers import answer, fill

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("year", "per_sub"), [
    (2564, {"9.1": 9, "9.2": 8, "9.3": 7, "9.4": 4, "9.5": 5, "10.1": 8, "10.2": 2}),
    (2565, {"9.1": 9, "9.2": 8, "9.3": 7, "9.4": 4, "9.5": 5, "10.1": 8, "10.2": 2}),
    (2566, {"9.1": 10, "9.2": 8, "9.3": 4, "9.4": 4, "9.5": 4, "10.1": 8, "10.2": 5}),
])
def test_checklist_has_the_years_items_per_sub_indicator(criteria, org, year, per_sub):
    ensure_checklist(org, year)
    ensure_checklist(org, year)  # idempotent
    items = DisclosureItem.objects.filter(organization=org, oit_item__year__year=year)
    assert Counter(items.values_list("oit_item__sub_indicator__code", flat=True)) == per_sub
    assert items.filter(oit_item__sub_indicator__indicator__number=9).count() == sum(
        v for k, v in per_sub.items() if k.startswith("9."))


def test_one_item_missing_in_9_1_predicts_97_78(criteria, org, org_admin):
    fill(org, 2565, org_admin, skip={"O3"})
    items = checklist_items(org, 2565)
    predicted = predicted_result(org, items, year_rules(2565))
    assert round2(predicted["indicators"][9]) == Decimal("97.78")
    assert predicted["indicators"][10] == 100
    assert round2(predicted["oit"]) == Decimal("98.89")
    first = sections(items, year_rules(2565))[0]
    assert (first.sub_indicator.code, first.passed, len(first.items)) == ("9.1", 8, 9)


def test_off_site_or_broken_links_do_not_count(criteria, org, org_admin):
    fill(org, 2565, org_admin, urls={"O1": "https://drive.google.com/x"})
    link = answer(org, 2565, "O2").links.get()
    link.is_broken = True
    link.save()
    predicted = predicted_result(org, checklist_items(org, 2565), year_rules(2565))
    assert round2(predicted["indicators"][9]) == Decimal("95.56")  # 7/9 in 9.1


def test_predicted_total_uses_official_iit_and_eit(criteria, org, org_admin):
    from indicators.models import Indicator, IndicatorScore
    for number in range(1, 9):
        IndicatorScore.objects.create(organization=org, score=90,
                                      indicator=Indicator.objects.get(year__year=2565,
                                                                      number=number))
    fill(org, 2565, org_admin)
    predicted = predicted_result(org, checklist_items(org, 2565), year_rules(2565))
    assert predicted["total"] == 94 and predicted["band"] == "A"  # .3·90 + .3·90 + .4·100


def test_update_records_history_flags_off_site_and_keeps_removed_links(criteria, org,
                                                                        org_admin):
    ensure_checklist(org, 2565)
    item = answer(org, 2565, "O1")
    item_update(item=item, by=org_admin, expected_version=1, data={
        "status": "present", "explanation": "", "owner_department": None,
        "owner_position": None, "due_date": None,
        "urls": ["https://tambon-a.go.th/o1", "https://facebook.com/tambon-a"]})
    off = item.links.get(url="https://facebook.com/tambon-a")
    assert "ไม่ใช่เว็บไซต์หลัก" in off.off_site_reason
    change = ItemStatusChange.objects.get(item=item)
    assert (change.from_status, change.to_status, change.by) == ("missing", "present", org_admin)
    item_update(item=item, by=org_admin, expected_version=2, data={
        "status": "present", "explanation": "", "owner_department": None,
        "owner_position": None, "due_date": None, "urls": ["https://tambon-a.go.th/o1"]})
    off.refresh_from_db()
    assert off.removed_at is not None  # kept, with its history, not deleted
    assert item.links.filter(removed_at=None).count() == 1


def test_bad_urls_and_stale_versions_change_nothing(criteria, org, org_admin, committee):
    ensure_checklist(org, 2565)
    item = answer(org, 2565, "O1")
    data = {"status": "present", "explanation": "x", "owner_department": None,
            "owner_position": None, "due_date": None}
    with pytest.raises(ValidationError):
        item_update(item=item, by=org_admin, expected_version=1,
                    data={**data, "urls": ["ftp://x.go.th/a"]})
    with pytest.raises(ConcurrentEdit):
        item_update(item=item, by=org_admin, expected_version=7,
                    data={**data, "urls": ["https://tambon-a.go.th/"]})
    with pytest.raises(PermissionDenied):
        item_update(item=item, by=committee, expected_version=1,
                    data={**data, "urls": ["https://tambon-a.go.th/"]})
    item.refresh_from_db()
    assert item.status == "missing" and not EvidenceLink.objects.exists()


def failing(outcome="unreachable"):
    return CheckResult(url="x", outcome=outcome, detail="หมดเวลา")


def test_a_short_outage_raises_no_alarm_and_a_long_one_does(criteria, org, org_admin):
    fill(org, 2565, org_admin)
    link = answer(org, 2565, "O1").links.get()
    start = timezone.now()
    for hours in (0, 1, 2, 3):  # four failures within hours: still not broken
        apply_check(link, failing(), now=start + datetime.timedelta(hours=hours))
    assert not link.is_broken and link.consecutive_failures == 4
    apply_check(link, failing("missing"), now=start + datetime.timedelta(hours=49))
    assert link.is_broken  # failures persisting over two days
    apply_check(link, CheckResult(url="x", outcome="ok"), now=start + datetime.timedelta(days=3))
    assert not link.is_broken and link.consecutive_failures == 0
    assert LinkCheck.objects.filter(link=link).count() == 6
    item = answer(org, 2565, "O1")
    assert item.status == "present"  # a check never changes the item's status


def test_a_batch_of_checks_is_recorded_in_two_statements(criteria, org, org_admin,
                                                        django_assert_num_queries):
    """The nightly check writes what finished together at once: the checks' rows and the
    links' new state, whatever the number of links (not 3 statements per link)."""
    fill(org, 2565, org_admin)
    links = list(EvidenceLink.objects.filter(item__organization=org))
    assert len(links) > 20
    now = timezone.now()
    results = [CheckResult(url=link.url, outcome="ok" if n % 3 else "missing", http_status=200)
               for n, link in enumerate(links)]
    with django_assert_num_queries(2):
        apply_checks(list(zip(links, results, strict=True)), now=now)
    assert LinkCheck.objects.count() == len(links)
    failed = EvidenceLink.objects.filter(consecutive_failures=1, last_outcome="missing")
    assert failed.count() == len(links[::3]) and not failed.filter(is_broken=True).exists()
    assert EvidenceLink.objects.filter(last_checked_at=now, last_outcome="ok").count() == (
        len(links) - len(links[::3]))


def test_carry_over_to_2566_follows_the_crosswalk(criteria, org, org_admin):
    fill(org, 2565, org_admin)
    assert carry_over(org, 2566) > 30
    merged = answer(org, 2566, "O11")  # 2565 O10 + O18 merged
    urls = sorted(link.url for link in merged.links.all())
    assert urls == ["https://tambon-a.go.th/oit/O10", "https://tambon-a.go.th/oit/O18"]
    assert merged.status == "in_progress" and merged.needs_confirmation
    assert "รวมข้อ" in merged.carry_note
    renamed = answer(org, 2566, "O14")
    assert [link.url for link in renamed.links.all()] == ["https://tambon-a.go.th/oit/O13"]
    new = answer(org, 2566, "O10")
    assert new.carry_note == "ข้อใหม่ในปีนี้" and not new.links.exists()
    assert carry_over(org, 2566) == 0  # a second run changes nothing
    assert merged.links.count() == 2
