"""Thai digits, Buddhist-Era dates and the fiscal year (1 October – 30 September)."""

import datetime

from django.utils import timezone

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_OFFSET = 543
MONTHS_TH = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_TH_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def thai_digits(value):
    return str(value).translate(THAI_DIGITS)


def arabic_digits(value):
    return str(value).translate(ARABIC_DIGITS)


def be_year(ad_year):
    return ad_year + BE_OFFSET


def local_date(value):
    """The Bangkok calendar date of a moment (an aware datetime), or a date as it is."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def thai_date(value, short=False, digits=False):
    """'25 พฤศจิกายน 2569' (short: '25 พ.ย. 69'); digits=True writes Thai numerals.

    A moment in time is shown on its Bangkok date (01:00 Bangkok is still that day)."""
    value = local_date(value)
    months = MONTHS_TH_SHORT if short else MONTHS_TH
    year = be_year(value.year)
    text = f"{value.day} {months[value.month - 1]} {year % 100 if short else year}"
    return thai_digits(text) if digits else text


FISCAL_YEAR_FIRST_MONTH = 10  # the Thai fiscal year begins on 1 October


def fiscal_year_of(value):
    """The B.E. fiscal year a date falls in: 1 Oct 2021 begins fiscal year 2565."""
    return be_year(value.year + (1 if value.month >= FISCAL_YEAR_FIRST_MONTH else 0))


def fiscal_quarter_start(fiscal_year_be, quarter):
    """First day of quarter 1–4 of a B.E. fiscal year: 1 Oct, 1 Jan, 1 Apr, 1 Jul."""
    months_in = FISCAL_YEAR_FIRST_MONTH - 1 + 3 * (quarter - 1)
    ad = fiscal_year_be - BE_OFFSET - 1 + months_in // 12
    return datetime.date(ad, months_in % 12 + 1, 1)


def fiscal_year_bounds(fiscal_year_be):
    """(first day, last day) of a B.E. fiscal year as A.D. dates."""
    following = fiscal_quarter_start(fiscal_year_be + 1, 1)
    return fiscal_quarter_start(fiscal_year_be, 1), following - datetime.timedelta(days=1)


def fiscal_half_start(day):
    """First day of the fiscal half-year containing `day`: 1 October or 1 April."""
    second = fiscal_quarter_start(fiscal_year_of(day), 3)
    return second if day >= second else fiscal_quarter_start(fiscal_year_of(day), 1)


def calendar_year_of_month(month, fiscal_year_be):
    """The A.D. year in which a month (1–12) of a B.E. fiscal year falls."""
    return fiscal_year_be - BE_OFFSET - (1 if month >= FISCAL_YEAR_FIRST_MONTH else 0)


def _month_end(value):
    following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def thai_period(start, end, fiscal_year_be=None):
    """A period the way officials write it, with Thai numerals.

    'ตลอดปีงบประมาณ ๒๕๖๕', 'มกราคม – มิถุนายน ๒๕๖๕', 'สิงหาคม ๒๕๖๔ – มกราคม ๒๕๖๕',
    '๑๕ มกราคม – ๓๐ มิถุนายน ๒๕๖๕' (when the days are not whole months).
    """
    if fiscal_year_be and (start, end) == fiscal_year_bounds(fiscal_year_be):
        return f"ตลอดปีงบประมาณ {thai_digits(fiscal_year_be)}"
    whole_months = start.day == 1 and end == _month_end(end)

    def part(day, with_year):
        text = MONTHS_TH[day.month - 1]
        if not whole_months:
            text = f"{day.day} {text}"
        return f"{text} {be_year(day.year)}" if with_year else text

    if whole_months and (start.year, start.month) == (end.year, end.month):
        return thai_digits(part(end, True))
    text = f"{part(start, start.year != end.year)} – {part(end, True)}"
    return thai_digits(text)
