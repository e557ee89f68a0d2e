"""Periods as municipalities write them, turned into dates in the fiscal year.

'สิงหาคม - ธันวาคม' (no years: the end falls in the fiscal year, the start is the latest
such month before it), 'ตุลาคม ๒๕๖๔ - กันยายน ๒๕๖๕', 'มกราคม - มีนาคม ๒๕๖๕', 'มีนาคม',
'ตลอดปีงบประมาณ', 'ต.ค. ๖๔ – ก.ย. ๖๕'.
"""

import datetime
import re

from ita_portal.thai import (
    BE_OFFSET,
    MONTHS_TH,
    MONTHS_TH_SHORT,
    arabic_digits,
    calendar_year_of_month,
    fiscal_year_bounds,
)

WHOLE_YEAR = re.compile(r"ตลอด\s*ปี(งบประมาณ)?|ทั้งปี(งบประมาณ)?|ต\.ค\.\s*-\s*ก\.ย\.\s*$")
NAMES = {**{m: i for i, m in enumerate(MONTHS_TH, 1)},
         **{m: i for i, m in enumerate(MONTHS_TH_SHORT, 1)},
         **{m.replace(".", ""): i for i, m in enumerate(MONTHS_TH_SHORT, 1)}}
MONTH = "|".join(sorted((re.escape(n) for n in NAMES), key=len, reverse=True))
POINT = re.compile(rf"({MONTH})\s*(?:พ\.ศ\.\s*)?(\d{{2,4}})?")


def _year(value):
    if not value:
        return None
    year = int(value)
    return year + 2500 if year < 100 else year


def _month_end(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def parse_period(text, fiscal_year):
    """(start, end) dates, or None when the text names no period we can read."""
    text = arabic_digits(text or "").strip()
    if not text:
        return None
    if WHOLE_YEAR.search(text):
        return fiscal_year_bounds(fiscal_year)
    points = [(NAMES[m], _year(y)) for m, y in POINT.findall(text)]
    if not points:
        return None
    (first, first_year), (last, last_year) = points[0], points[-1]
    end_year = (last_year - BE_OFFSET) if last_year else calendar_year_of_month(last, fiscal_year)
    if first_year:
        start_year = first_year - BE_OFFSET
    else:
        start_year = end_year if first <= last else end_year - 1
    start = datetime.date(start_year, first, 1)
    end = _month_end(end_year, last)
    return (start, end) if start <= end else None
