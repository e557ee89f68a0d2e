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
