from collections import Counter

import pytest

from indicators.criteria_loader import load_all
from indicators.models import (
    AssessmentYear,
    Indicator,
    ItemCrosswalk,
    OITItem,
    ResultBand,
    SubIndicator,
    Tool,
)

pytestmark = pytest.mark.django_db


def items_per_sub(year):
    return dict(Counter(OITItem.objects.filter(year__year=year)
                        .values_list("sub_indicator__code", flat=True)))


def test_2565_has_ten_indicators_and_43_items_33_in_indicator_9(criteria):
    assert Indicator.objects.filter(year__year=2565).count() == 10
    assert OITItem.objects.filter(year__year=2565).count() == 43
    assert OITItem.objects.filter(year__year=2565, sub_indicator__indicator__number=9).count() == 33
    assert items_per_sub(2565) == {"9.1": 9, "9.2": 8, "9.3": 7, "9.4": 4, "9.5": 5,
                                   "10.1": 8, "10.2": 2}


def test_2564_and_2566_item_structure(criteria):
    assert items_per_sub(2564) == {"9.1": 9, "9.2": 8, "9.3": 7, "9.4": 4, "9.5": 5,
                                   "10.1": 8, "10.2": 2}
    assert items_per_sub(2566) == {"9.1": 10, "9.2": 8, "9.3": 4, "9.4": 4, "9.5": 4,
                                   "10.1": 8, "10.2": 5}


def test_tools_weights_and_indicator_tools(criteria):
    weights = dict(Tool.objects.filter(year__year=2565).values_list("code", "weight"))
    assert {k: float(v) for k, v in weights.items()} == {"IIT": 0.3, "EIT": 0.3, "OIT": 0.4}
    tools = Indicator.objects.filter(year__year=2564).values_list("tool__code", flat=True)
    by_tool = Counter(tools)
    assert by_tool == {"IIT": 5, "EIT": 3, "OIT": 2}


def test_result_kinds_follow_the_year(criteria):
    kinds = dict(AssessmentYear.objects.values_list("year", "result_kind"))
    assert kinds == {year: "grade" if year <= 2565 else "rating" for year in range(2563, 2571)}
    assert list(ResultBand.objects.filter(year__year=2566).values_list("label", flat=True)) == [
        "ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]


def test_second_load_changes_nothing(criteria):
    before = {m: list(m.objects.order_by("pk").values()) for m in
              (AssessmentYear, Tool, Indicator, SubIndicator, OITItem, ResultBand, ItemCrosswalk)}
    report = load_all()
    assert report.changed == 0
    assert report.counts["unchanged"] > 300
    after = {m: list(m.objects.order_by("pk").values()) for m in before}
    assert after == before


def test_load_updates_a_changed_value(criteria):
    OITItem.objects.filter(year__year=2565, code="O1").update(name_th="แก้ไขด้วยมือ")
    report = load_all()
    assert report.counts["updated"] == 1
    assert OITItem.objects.get(year__year=2565, code="O1").name_th == "โครงสร้าง"


def crosswalk(from_year, **filters):
    return ItemCrosswalk.objects.filter(from_year__year=from_year, **filters)


def test_crosswalk_2565_to_2566_merges_plans_and_marks_new_items(criteria):
    merged = crosswalk(2565, to_item__code="O11", relation="merged")
    assert sorted(merged.values_list("from_item__code", flat=True)) == ["O10", "O18"]
    new = crosswalk(2565, relation="new").values_list("to_item__code", flat=True)
    assert "O10" in new  # privacy policy arrives in 2566
    assert crosswalk(2565, from_item__code="O32", relation="removed").exists()
    # every 2566 item is reached by the crosswalk, every 2565 item leaves it
    assert crosswalk(2565).exclude(to_item=None).values("to_item").distinct().count() == 43
    assert crosswalk(2565).exclude(from_item=None).values("from_item").distinct().count() == 43


def test_crosswalk_2564_to_2565_keeps_codes_and_replaces_o34(criteria):
    same_code = crosswalk(2564, relation__in=["same", "renamed"])
    assert all(a == b for a, b in same_code.values_list("from_item__code", "to_item__code"))
    assert crosswalk(2564, from_item__code="O34", relation="removed").exists()
    assert crosswalk(2564, to_item__code="O34", relation="new").exists()


def test_2566_periods_are_derived_and_flagged(criteria):
    item = OITItem.objects.get(year__year=2566, code="O12")
    assert item.data_period == "first_half_fy" and item.data_period_derived
    assert not OITItem.objects.filter(year__year=2565, data_period_derived=True).exists()
