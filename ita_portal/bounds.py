"""Ranges for values where they enter (forms, query strings, URLs, workbooks), so that what
is accepted can always be shown: a fiscal year of 101 or an end date in 9999 used to make
whole pages answer 500 for everyone. Messages are Thai."""

import datetime

from django import forms
from django.urls import register_converter

YEAR_MIN, YEAR_MAX = 2500, 2700  # Buddhist Era: 1957–2157
DATE_MIN = datetime.date(YEAR_MIN - 543, 1, 1)
DATE_MAX = datetime.date(YEAR_MAX - 543, 12, 31)
SMALL_MAX = 32767  # PostgreSQL smallint: numbers, orders


def year_problem(year):
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        return f"ปี พ.ศ. ต้องอยู่ระหว่าง {YEAR_MIN}–{YEAR_MAX}"
    return None


def date_problem(value):
    if value is not None and not DATE_MIN <= value <= DATE_MAX:
        return f"วันที่ต้องอยู่ในช่วงปี พ.ศ. {YEAR_MIN}–{YEAR_MAX}"
    return None


def int_param(params, name, default, low, high):
    """An integer from a query string, or `default` when missing, not ASCII digits or out of
    [low, high] ('²', '๕', 5,000 digits and -1 included)."""
    raw = params.get(name, "")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        return default
    value = int(raw)
    return value if low <= value <= high else default


def check_form_ranges(form, years=(), dates=(), smalls=()):
    """Add a Thai error to each named field of a cleaned form whose value is out of range."""
    data = form.cleaned_data
    for name in years:
        if problem := year_problem(data.get(name)):
            form.add_error(name, problem)
    for name in dates:
        if problem := date_problem(data.get(name)):
            form.add_error(name, problem)
    for name in smalls:
        value = data.get(name)
        if value is not None and not 0 <= value <= SMALL_MAX:
            form.add_error(name, f"ต้องเป็นจำนวนระหว่าง 0–{SMALL_MAX}")


class BEYearConverter:
    """<be_year:year> in URLs: four digits, 2500–2799; anything else is a 404."""
    regex = "2[5-7][0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(BEYearConverter, "be_year")


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(**kwargs)
