"""Reads of the criteria library and of organisations' scores."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from indicators.models import AssessmentYear, Indicator, IndicatorScore, OITItem, ResultBand
from indicators.scoring import Band, ToolRule, YearRules, compute_result, gap_to_target


class UnknownYear(LookupError):
    pass


def year_rules(year):
    """The scoring rules of one assessment year (B.E.), read from the criteria library."""
    year_obj = AssessmentYear.objects.filter(year=year).first()
    if year_obj is None:
        raise UnknownYear(year)
    return rules_for_years([year_obj])[year_obj.pk]


def rules_for_years(year_objs):
    """{year pk: YearRules} for several years in three queries."""
    year_objs = list(year_objs)
    tools, oit, bands = defaultdict(dict), defaultdict(lambda: defaultdict(dict)), defaultdict(list)
    indicators = Indicator.objects.filter(year__in=year_objs).select_related("tool")
    for ind in indicators.order_by("tool__order", "number"):
        tools[ind.year_id].setdefault(ind.tool.code, (ind.tool, []))[1].append(ind.number)
    items = OITItem.objects.filter(year__in=year_objs).select_related("sub_indicator__indicator")
    for item in items.order_by("order"):
        subs = oit[item.year_id][item.sub_indicator.indicator.number]
        subs[item.sub_indicator.code] = subs.get(item.sub_indicator.code, ()) + (item.code,)
    for band in ResultBand.objects.filter(year__in=year_objs).order_by("order"):
        bands[band.year_id].append(Band(band.label, band.min_total, band.min_each_tool))
    return {
        y.pk: YearRules(
            year=y.year, result_kind=y.result_kind, target=y.target_score,
            tools=tuple(ToolRule(code, t.weight, tuple(nums))
                        for code, (t, nums) in tools[y.pk].items()),
            bands=tuple(bands[y.pk]),
            oit_structure={n: dict(subs) for n, subs in oit[y.pk].items()},
        )
        for y in year_objs
    }


@dataclass
class YearResult:
    year: AssessmentYear
    indicators: list  # of (Indicator, score or None, previous score or None)
    result: object
    gap: object
    sources: tuple = ()  # where the scores come from, e.g. a document or sample data


def organization_results(organization):
    """Every year on record for the organisation, newest first, with tools, total and band."""
    scores = (
        IndicatorScore.objects.filter(organization=organization)
        .select_related("indicator__year")
    )
    by_year, sources = defaultdict(dict), defaultdict(set)
    for s in scores:
        by_year[s.indicator.year_id][s.indicator.number] = s.score
        if s.source:
            sources[s.indicator.year_id].add(s.source)
    years = AssessmentYear.objects.filter(pk__in=by_year.keys()).order_by("-year")
    indicators = defaultdict(list)
    for ind in Indicator.objects.filter(year__in=years).select_related("tool").order_by("number"):
        indicators[ind.year_id].append(ind)
    ordered = list(years)
    rules = rules_for_years(ordered)
    results = []
    for index, year in enumerate(ordered):
        previous = by_year[ordered[index + 1].pk] if index + 1 < len(ordered) else {}
        result = compute_result(rules[year.pk], by_year[year.pk])
        rows = [(i, by_year[year.pk].get(i.number), previous.get(i.number))
                for i in indicators[year.pk]]
        results.append(YearResult(year, rows, result, gap_to_target(rules[year.pk],
                                                                    result.total),
                                  tuple(sorted(sources[year.pk]))))
    return results


def assessed_year(fiscal_year):
    """The assessment a fiscal year's measures answer: the latest one before it (or None)."""
    return AssessmentYear.objects.filter(year__lt=fiscal_year).order_by("-year").first()


def require_assessed_year(fiscal_year):
    """The same, or a Thai ValidationError when no criteria come before that fiscal year."""
    year = assessed_year(fiscal_year)
    if year is None:
        raise ValidationError(f"ยังไม่มีเกณฑ์การประเมินก่อนปีงบประมาณ {fiscal_year}")
    return year
