import datetime

import pytest
from django.template import Context, Template

from ita_portal.thai import fiscal_year_bounds, fiscal_year_of, thai_date, thai_digits


def test_thai_digits_and_dates():
    assert thai_digits("74.15") == "๗๔.๑๕"
    day = datetime.date(2026, 11, 25)
    assert thai_date(day) == "25 พฤศจิกายน 2569"
    assert thai_date(day, short=True) == "25 พ.ย. 69"
    assert thai_date(day, digits=True) == "๒๕ พฤศจิกายน ๒๕๖๙"


@pytest.mark.parametrize(("day", "fiscal_year"), [
    (datetime.date(2021, 9, 30), 2564), (datetime.date(2021, 10, 1), 2565),
    (datetime.date(2022, 9, 30), 2565), (datetime.date(2026, 11, 25), 2570),
])
def test_fiscal_year_runs_october_to_september(day, fiscal_year):
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2565) == (datetime.date(2021, 10, 1), datetime.date(2022, 9, 30))


def test_template_filters():
    template = Template(
        "{{ d|thai_date:'thai' }} {{ s|score }} {{ n|score }} {{ 2565|thai_digits }}")
    out = template.render(Context({"d": datetime.date(2022, 1, 5), "s": 97.777, "n": None}))
    assert out == "๕ มกราคม ๒๕๖๕ 97.78 – ๒๕๖๕"


@pytest.mark.parametrize(("start", "end", "expected"), [
    ((2021, 10, 1), (2022, 9, 30), "ตลอดปีงบประมาณ ๒๕๖๕"),
    ((2022, 1, 1), (2022, 6, 30), "มกราคม – มิถุนายน ๒๕๖๕"),
    ((2021, 8, 1), (2022, 1, 31), "สิงหาคม ๒๕๖๔ – มกราคม ๒๕๖๕"),
    ((2022, 3, 1), (2022, 3, 31), "มีนาคม ๒๕๖๕"),
    ((2022, 1, 15), (2022, 6, 30), "๑๕ มกราคม – ๓๐ มิถุนายน ๒๕๖๕"),
])
def test_thai_period_reads_like_an_official_document(start, end, expected):
    from ita_portal.thai import thai_period
    assert thai_period(datetime.date(*start), datetime.date(*end), 2565) == expected


def test_the_fiscal_year_rules_live_here():
    import datetime as dt

    from ita_portal.thai import (
        calendar_year_of_month,
        fiscal_half_start,
        fiscal_quarter_start,
        fiscal_year_bounds,
    )

    assert [fiscal_quarter_start(2565, q) for q in (1, 2, 3, 4)] == [
        dt.date(2021, 10, 1), dt.date(2022, 1, 1), dt.date(2022, 4, 1), dt.date(2022, 7, 1)]
    assert fiscal_year_bounds(2565) == (dt.date(2021, 10, 1), dt.date(2022, 9, 30))
    assert fiscal_half_start(dt.date(2021, 12, 31)) == dt.date(2021, 10, 1)
    assert fiscal_half_start(dt.date(2022, 4, 1)) == dt.date(2022, 4, 1)
    assert fiscal_half_start(dt.date(2022, 3, 31)) == dt.date(2021, 10, 1)
    assert (calendar_year_of_month(11, 2565), calendar_year_of_month(9, 2565)) == (2021, 2022)
