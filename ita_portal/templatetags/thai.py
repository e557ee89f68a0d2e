"""Template filters for Thai output: thai_digits, thai_date, be_year, thai_period,
readable_url."""

import datetime
from urllib.parse import unquote

from django import template
from django.utils import timezone

from ita_portal import thai

register = template.Library()


@register.filter
def thai_digits(value):
    return "" if value is None else thai.thai_digits(value)


@register.filter
def thai_date(value, style=""):
    """style: '' full, 'short', 'thai' full with Thai numerals, 'short-thai'. A date may
    come as ISO text ("2026-10-01", as an import's plan keeps it)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return thai.thai_date(value, short="short" in style, digits="thai" in style)


@register.filter
def be_year(value):
    return "" if value is None else thai.be_year(value)


@register.simple_tag
def thai_period(start, end, fiscal_year=None):
    return thai.thai_period(start, end, fiscal_year)


@register.filter
def thai_datetime(value):
    """A moment in Asia/Bangkok, in Thai numerals as officials write it: '๑ ธ.ค. ๖๙ ๒๐:๓๐ น.'."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return thai.thai_digits(f"{thai.thai_date(local.date(), short=True)} {local:%H:%M} น.")


@register.filter
def readable_url(value):
    """A stored (percent-encoded) URL as people read it: Thai letters and spaces shown; only
    for the link's text, never its href."""
    return unquote(str(value or ""))


@register.filter
def thai_only(value):
    """A message written for people (Thai), or nothing: framework messages stay hidden."""
    text = str(value or "")
    return text if any("\u0e01" <= ch <= "\u0e5b" for ch in text) else ""
