"""Which overseen agencies are likely to end below the year's target score, and why: one
aggregate over their figures (`reports.agency_figures`, made current first), whatever the number
of agencies (the overseer's summary).

Two reasons: the latest official result is below the target (each agency's result of the newest
assessment year with official scores, as its own dashboard computes it), and too few OIT items
are marked มี this year to reach the target share of the year's items.
"""

import math
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q

from indicators.models import AssessmentYear, Indicator, IndicatorScore, OITItem

HUNDRED = Decimal(100)
NOBODY = Q(pk__isnull=True)


def latest_official_year():
    """The newest assessment year with any official scores on record (one query: a probe of
    the score index for each of the few indicators, not a scan of the scores)."""
    scored = IndicatorScore.objects.filter(indicator=OuterRef("pk"))
    year_id = (Indicator.objects.filter(Exists(scored)).order_by("-year__year")
               .values_list("year", flat=True).first())
    return AssessmentYear.objects.filter(pk=year_id).first() if year_id else None


def below_target_summary(orgs, *, year, also=None):
    """{likely_below, official_below, official_year, oit_short, oit_needed, oit_items, target}:
    how many of `orgs` (their figures current) are likely below the target and, for each
    reason, how many; with the aggregates `also` asks for, in the same pass."""
    current = AssessmentYear.objects.filter(year=year).first()
    official = latest_official_year()
    target = (current or official).target_score if (current or official) else None
    items = OITItem.objects.filter(year__year=year).count() if current else 0
    needed = max(1, math.ceil(items * Decimal(target) / HUNDRED)) if items else 0
    below = (Q(figures__official_year=official.year, figures__official_below=True)
             if official else NOBODY)
    short = Q(figures__disclosed__lt=needed) if items else NOBODY
    found = orgs.order_by().aggregate(**(also or {}), official_below=Count("pk", filter=below),
                                      oit_short=Count("pk", filter=short),
                                      likely_below=Count("pk", filter=below | short))
    return {**found, "official_year": official.year if official else None, "target": target,
            "oit_needed": needed, "oit_items": items}
