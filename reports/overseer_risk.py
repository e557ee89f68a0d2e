"""Which overseen agencies are likely to end below the year's target score, and why: set-wise, in a
constant number of queries whatever the number of agencies (the overseer's summary).

Two reasons come from the score: the latest official result is below the target (the total is
linear in the indicator scores: Σ tool weight × mean of its indicators, so SQL sums each score
times its weight share), and too few OIT items are marked มี this year to reach the target
share of the year's items. Each reason is one grouped pass over its table (by the year's
indicator and item ids, no join); the sets are counted here, so no pass runs twice.
"""

import math
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, Exists, F, OuterRef, Sum, Value, When

from disclosure.models import DisclosureItem, ItemStatus
from indicators.models import AssessmentYear, Indicator, IndicatorScore, OITItem

HUNDRED = Decimal(100)


def latest_official_year():
    """The newest assessment year with any official scores on record (one query: a probe of
    the score index for each of the few indicators, not a scan of the scores)."""
    scored = IndicatorScore.objects.filter(indicator=OuterRef("pk"))
    year_id = (Indicator.objects.filter(Exists(scored)).order_by("-year__year")
               .values_list("year", flat=True).first())
    return AssessmentYear.objects.filter(pk=year_id).first() if year_id else None


def _weight_shares(year):
    """{indicator id: its share of the total}: the tool's weight over its indicators."""
    indicators = list(Indicator.objects.filter(year=year).select_related("tool"))
    per_tool = {}
    for indicator in indicators:
        per_tool[indicator.tool_id] = per_tool.get(indicator.tool_id, 0) + 1
    return {i.pk: Decimal(i.tool.weight) / per_tool[i.tool_id] for i in indicators}


def _below_official(year):
    """Organisations whose complete official result of `year` is below its target."""
    shares = _weight_shares(year)
    if not shares:
        return IndicatorScore.objects.none().values_list("organization", flat=True)
    share = Case(*[When(indicator_id=pk, then=Value(s)) for pk, s in shares.items()],
                 output_field=DecimalField(max_digits=9, decimal_places=6))
    return (IndicatorScore.objects.filter(indicator_id__in=list(shares)).order_by()
            .values("organization").annotate(n=Count("pk"), total=Sum(F("score") * share))
            .filter(n=len(shares), total__lt=year.target_score)
            .values_list("organization", flat=True))


def _enough_disclosed(year, target):
    """Organisations with at least the target share of the year's OIT items marked มี."""
    items = list(OITItem.objects.filter(year__year=year).values_list("pk", flat=True))
    needed = max(1, math.ceil(len(items) * Decimal(target) / HUNDRED))
    return (DisclosureItem.objects.filter(oit_item_id__in=items, status=ItemStatus.PRESENT)
            .order_by().values("organization").annotate(n=Count("pk")).filter(n__gte=needed)
            .values_list("organization", flat=True)), needed, len(items)


def below_target_summary(orgs, *, year):
    """{likely_below, official_below, official_year, oit_short, oit_needed, oit_items, target}:
    how many of `orgs` are likely below the target and, for each reason, how many."""
    current = AssessmentYear.objects.filter(year=year).first()
    official = latest_official_year()
    target = (current or official).target_score if (current or official) else None
    enough, needed, items = _enough_disclosed(year, target) if current else ([], 0, 0)
    overseen = set(orgs.order_by().values_list("pk", flat=True))
    below = overseen & set(_below_official(official)) if official else set()
    short = overseen - set(enough) if items else set()
    return {"likely_below": len(below | short), "official_below": len(below),
            "oit_short": len(short), "official_year": official.year if official else None,
            "target": target, "oit_needed": needed, "oit_items": items}
