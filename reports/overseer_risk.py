"""Which overseen agencies are likely to end below the target (85), and why: set-wise, in a
constant number of queries whatever the number of agencies (the overseer's summary).

Two reasons come from the score: the latest official result is below the target (the total is
linear in the indicator scores: Σ tool weight × mean of its indicators, so SQL sums each score
times its weight share), and too few OIT items are marked มี this year to reach the target
share of the year's items. Overdue measures and broken links are shown beside them.
"""

import math
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, Exists, F, OuterRef, Q, Sum, Value, When

from disclosure.models import DisclosureItem, ItemStatus
from indicators.models import AssessmentYear, Indicator, IndicatorScore, OITItem

HUNDRED = Decimal(100)


def latest_official_year():
    """The newest assessment year with any official scores on record (one query)."""
    scored = IndicatorScore.objects.filter(indicator__year=OuterRef("pk"))
    return AssessmentYear.objects.filter(Exists(scored)).order_by("-year").first()


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
        return IndicatorScore.objects.none().values("organization")
    share = Case(*[When(indicator_id=pk, then=Value(s)) for pk, s in shares.items()],
                 output_field=DecimalField(max_digits=9, decimal_places=6))
    return (IndicatorScore.objects.filter(indicator__year=year).order_by()
            .values("organization").annotate(n=Count("pk"), total=Sum(F("score") * share))
            .filter(n=len(shares), total__lt=year.target_score).values("organization"))


def _enough_disclosed(year, target):
    """Organisations with at least the target share of the year's OIT items marked มี."""
    items = OITItem.objects.filter(year__year=year).count()
    needed = max(1, math.ceil(items * Decimal(target) / HUNDRED))
    return (DisclosureItem.objects.filter(oit_item__year__year=year, status=ItemStatus.PRESENT)
            .order_by().values("organization").annotate(n=Count("pk")).filter(n__gte=needed)
            .values("organization")), needed, items


def below_target_summary(orgs, *, year):
    """{likely_below, official_below, official_year, oit_short, oit_needed, oit_items, target}:
    how many of `orgs` are likely below the target and, for each reason, how many."""
    current = AssessmentYear.objects.filter(year=year).first()
    target = current.target_score if current else Decimal(85)
    official = latest_official_year()
    enough, needed, items = _enough_disclosed(year, target)
    reasons = {}
    if official:
        reasons["official_below"] = Q(pk__in=_below_official(official))
    if items:
        reasons["oit_short"] = ~Q(pk__in=enough)
    found = dict.fromkeys(("likely_below", "official_below", "oit_short"), 0)
    if reasons:
        either = Q()
        for reason in reasons.values():
            either |= reason
        found.update(orgs.order_by().aggregate(
            likely_below=Count("pk", filter=either),
            **{name: Count("pk", filter=reason) for name, reason in reasons.items()}))
    return {**found, "official_year": official.year if official else None, "target": target,
            "oit_needed": needed, "oit_items": items}
