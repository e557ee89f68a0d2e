"""The period an OIT item's evidence must cover, as real dates of an assessment year."""

import datetime

from ita_portal.thai import fiscal_year_bounds, thai_date


def period_bounds(data_period, year):
    """(start, end) for the item's period in the year, or None for standing information."""
    start, end = fiscal_year_bounds(year)
    if data_period == "current_fy":
        return start, end
    if data_period == "first_half_fy":
        return start, datetime.date(end.year, 3, 31)
    if data_period == "previous_fy":
        return fiscal_year_bounds(year - 1)
    return None


def period_text(data_period, year):
    bounds = period_bounds(data_period, year)
    if bounds is None:
        return "ข้อมูลปัจจุบัน (ณ วันที่ตรวจ)"
    start, end = bounds
    label = {"current_fy": "ปีงบประมาณ", "first_half_fy": "รอบ ๖ เดือนแรก",
             "previous_fy": "ปีงบประมาณก่อน"}[data_period]
    return f"{label}: {thai_date(start, short=True, digits=True)} – " \
           f"{thai_date(end, short=True, digits=True)}"
