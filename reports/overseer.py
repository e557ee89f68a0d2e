"""The overseer's table: every agency under a province (or the country) with the figures its
committee reads — latest official result, OIT items disclosed, broken links, measures overdue,
last activity — sortable and filterable in the database, a constant number of queries a page.

The counted figures are subqueries over the year in progress (the checklist and measures of
that fiscal year); the official result is computed for the rows of one page only, from the
latest assessment year with official scores.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from indicators.models import AssessmentYear, IndicatorScore
from indicators.scoring import compute_result
from indicators.selectors import rules_for_years
from measures.deadlines import overdue_q
from measures.models import Measure, ProgressUpdate
from organizations.scoping import visible_organizations

SORTS = {"name": "name_th", "province": "province", "kind": "kind", "overdue": "-overdue",
         "broken": "-broken", "disclosed": "-disclosed", "activity": "-last_activity"}


def _count(queryset, field="organization"):
    counted = (queryset.filter(**{field: OuterRef("pk")}).order_by().values(field)
               .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def overseen(user, *, kind="", province="", text=""):
    """The active organisations the user oversees, filtered."""
    orgs = visible_organizations(user).filter(is_active=True)
    if kind:
        orgs = orgs.filter(kind=kind)
    if province:
        orgs = orgs.filter(province=province)
    if text:
        orgs = orgs.filter(name_th__icontains=text)
    return orgs


def agencies(orgs, *, year, today, sort="name"):
    """The organisations annotated with the year's figures and ordered."""
    items = DisclosureItem.objects.filter(oit_item__year__year=year)
    activity = (ProgressUpdate.objects.filter(measure__organization=OuterRef("pk"))
                .order_by().values("measure__organization").annotate(at=Max("created_at"))
                .values("at"))
    orgs = orgs.annotate(
        disclosed=_count(items.filter(status=ItemStatus.PRESENT)),
        broken=_count(EvidenceLink.objects.filter(item__oit_item__year__year=year,
                                                  removed_at=None, is_broken=True),
                      "item__organization"),
        overdue=_count(Measure.objects.filter(overdue_q(today), fiscal_year=year)),
        last_activity=Subquery(activity))
    return orgs.order_by(SORTS.get(sort, "name_th"), "name_th")


FIGURES = {"overdue", "broken", "disclosed", "activity"}


def agencies_page_order(orgs, *, year, today, sort="name"):
    """The organisations in the order asked: sorted by a figure, every row's figures are
    computed; sorted by name, province or kind, only the shown page's (`with_figures`)."""
    if sort in FIGURES:
        return agencies(orgs, year=year, today=today, sort=sort)
    return orgs.order_by(SORTS.get(sort, "name_th"), "name_th")


def with_figures(page_orgs, *, year, today):
    """The page's organisations (in their order) with the year's figures."""
    if page_orgs and not hasattr(page_orgs[0], "disclosed"):
        figures = agencies(type(page_orgs[0]).objects.filter(pk__in=[o.pk for o in page_orgs]),
                           year=year, today=today).in_bulk()
        page_orgs = [figures[o.pk] for o in page_orgs]
    return page_orgs


def data_versions(orgs):
    """(how many, sum of data versions) of the organisations: moves with any change of theirs."""
    found = orgs.order_by().aggregate(n=Count("pk"), v=Sum("data_version"))
    return found["n"], found["v"] or 0


def summary(orgs, *, year, today):
    """How many agencies, and how many have a measure overdue or a broken evidence link: one
    query of semi-joins (the per-row counts are computed for the page's rows only)."""
    plain = orgs.order_by()
    overdue = Measure.objects.filter(overdue_q(today), fiscal_year=year,
                                     organization=OuterRef("pk"))
    broken = EvidenceLink.objects.filter(item__organization=OuterRef("pk"), removed_at=None,
                                         is_broken=True, item__oit_item__year__year=year)
    return plain.aggregate(total=Count("pk"),
                           with_overdue=Count("pk", filter=Exists(overdue)),
                           with_broken=Count("pk", filter=Exists(broken)))


@dataclass
class Official:
    year: int
    total: object
    band: str
    below_target: bool


def official_results(orgs):
    """{organisation id: Official} of the latest year with official scores, for a few rows."""
    ids = [org.pk for org in orgs]
    scores = defaultdict(lambda: defaultdict(dict))
    for org_id, year_id, number, score in IndicatorScore.objects.filter(
            organization_id__in=ids).values_list("organization_id", "indicator__year_id",
                                                 "indicator__number", "score"):
        scores[org_id][year_id][number] = score
    years = {y.pk: y for y in AssessmentYear.objects.filter(
        pk__in={y for by_year in scores.values() for y in by_year})}
    rules = rules_for_years(years.values())
    results = {}
    for org_id, by_year in scores.items():
        latest = max(by_year, key=lambda pk: years[pk].year)
        result = compute_result(rules[latest], by_year[latest])
        results[org_id] = Official(years[latest].year, result.total, result.band or "",
                                   result.total is not None
                                   and result.total < years[latest].target_score)
    return results
