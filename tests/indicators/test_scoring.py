from decimal import Decimal

import pytest

from indicators.scoring import compute_result, oit_indicator_scores, round2, sub_indicator_scores
from indicators.selectors import UnknownYear, year_rules

pytestmark = pytest.mark.django_db
D = Decimal


def scores(*values):
    return {n: D(str(v)) for n, v in enumerate(values, start=1)}


def test_published_2564_example_gives_81_45_grade_b(criteria):
    result = compute_result(year_rules(2564), scores(
        93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56))
    assert round2(result.total) == D("81.45")
    assert {k: round2(v) for k, v in result.tools.items()} == {
        "IIT": D("89.95"), "EIT": D("89.27"), "OIT": D("69.23")}
    assert result.band == "B"


def test_one_missing_item_in_9_1_gives_97_78(criteria):
    rules = year_rules(2565)
    all_items = {c for subs in rules.oit_structure.values() for i in subs.values() for c in i}
    by_indicator = oit_indicator_scores(rules, all_items - {"O1"})
    assert round2(by_indicator[9]) == D("97.78")
    assert by_indicator[10] == 100
    assert round2(sub_indicator_scores(rules, all_items - {"O1"})["9.1"]) == D("88.89")


@pytest.mark.parametrize(("total", "grade"), [
    (100, "AA"), (95, "AA"), (94.99, "A"), (85, "A"), (84.99, "B"), (75, "B"), (74.99, "C"),
    (65, "C"), (64.99, "D"), (55, "D"), (54.99, "E"), (50, "E"), (49.99, "F"), (0, "F"),
])
def test_grade_boundaries_2565(criteria, total, grade):
    assert compute_result(year_rules(2565), scores(*[total] * 10)).band == grade


@pytest.mark.parametrize(("iit", "eit", "oit", "rating"), [
    (95, 95, 95, "ผ่านดีเยี่ยม"),
    (99, 99, 94.99, "ผ่านดี"),        # total ≥ 95 but one tool < 95
    (85, 85, 85, "ผ่านดี"),
    (99, 99, 84.99, "ผ่าน"),          # total ≥ 85, a tool < 85
    (84.99, 84.99, 84.99, "ต้องปรับปรุง"),
    (70, 70, 70, "ต้องปรับปรุง"),
    (69.99, 69.99, 69.99, "ต้องปรับปรุงโดยด่วน"),
])
def test_rating_boundaries_2566(criteria, iit, eit, oit, rating):
    result = compute_result(year_rules(2566), scores(*[iit] * 5, *[eit] * 3, *[oit] * 2))
    assert result.band == rating


def test_partial_scores_give_tool_scores_where_complete_and_no_total(criteria):
    partial = {2: D("74.15"), 4: D("83.37"), 6: D("83.71"), 9: D("78.79")}
    result = compute_result(year_rules(2564), partial)
    assert result.total is None and result.band is None
    assert result.missing == (1, 3, 5, 7, 8, 10)
    assert all(v is None for v in result.tools.values())


def test_unknown_year_raises(criteria):
    with pytest.raises(UnknownYear):
        year_rules(2599)
