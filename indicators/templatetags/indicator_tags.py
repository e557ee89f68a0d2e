"""Template filters for scores and OIT data periods (built in: see TEMPLATES in settings)."""

from decimal import Decimal

from django import template

from indicators.periods import period_text
from indicators.scoring import round2

register = template.Library()


@register.filter
def score(value):
    """A score to two decimals, or a dash where there is none."""
    if value is None or value == "":
        return "–"
    return f"{round2(Decimal(str(value))):.2f}"


@register.simple_tag
def data_period(code, year):
    return period_text(code, year)
