"""Each agency's figures for the overseer (reports.models.AgencyFigures), made again only when
they are no longer current: the organisation's data version moved (any change of its data,
criteria included: `organizations.versions`), the day changed (overdue is a day rule) or the
year in progress did. A national table then reads 8,300 short rows instead of counting
415,000 measures and 357,000 OIT answers on every change anywhere.

`refresh(orgs, …)` is the only writer: the overseer's page calls it before reading (it finds
the rows to make in one query, and makes them 500 organisations at a time, a fixed number of
queries each), and `manage.py refresh_agency_figures` runs it for everyone after midnight so
the first overseer of the day does not wait.
"""

from collections import defaultdict

from django.db.models import Count, F, Max, Q

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from indicators.models import AssessmentYear, IndicatorScore
from indicators.scoring import compute_result
from indicators.selectors import rules_for_years
from measures.deadlines import overdue_q
from measures.models import Measure, ProgressUpdate
from reports.models import AgencyFigures

CHUNK = 500
FIELDS = ["year", "day", "version", "disclosed", "broken", "overdue", "last_activity",
          "official_year", "official_total", "official_band", "official_below"]


def stale(orgs, *, year, today):
    """[(organisation id, its data version)] of `orgs` whose figures are missing or not
    current."""
    current = Q(figures__version=F("data_version"), figures__day=today, figures__year=year)
    return list(orgs.order_by().exclude(current).values_list("pk", "data_version"))


def refresh(orgs, *, year, today):
    """Make the figures of `orgs` that are not current; how many were made."""
    rows = stale(orgs, year=year, today=today)
    for start in range(0, len(rows), CHUNK):
        _make(dict(rows[start:start + CHUNK]), year=year, today=today)
    return len(rows)


def _counts(queryset, field):
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))


def _make(versions, *, year, today):
    """Write the figures of the organisations in {id: data version read before their data}:
    a change made meanwhile leaves the row behind its organisation, so it is made again."""
    ids = list(versions)
    disclosed = _counts(DisclosureItem.objects.filter(
        organization_id__in=ids, oit_item__year__year=year, status=ItemStatus.PRESENT),
        "organization")
    broken = _counts(EvidenceLink.objects.filter(
        item__organization_id__in=ids, item__oit_item__year__year=year, removed_at=None,
        is_broken=True), "item__organization")
    overdue = _counts(Measure.objects.filter(overdue_q(today), fiscal_year=year,
                                             organization_id__in=ids), "organization")
    activity = dict(ProgressUpdate.objects.filter(measure__organization_id__in=ids).order_by()
                    .values_list("measure__organization").annotate(at=Max("created_at")))
    official = official_results(ids)
    rows = [AgencyFigures(organization_id=pk, year=year, day=today, version=version,
                          disclosed=disclosed.get(pk, 0), broken=broken.get(pk, 0),
                          overdue=overdue.get(pk, 0), last_activity=activity.get(pk),
                          **official.get(pk, {}))
            for pk, version in versions.items()]
    AgencyFigures.objects.bulk_create(rows, update_conflicts=True,
                                      unique_fields=["organization"], update_fields=FIELDS)


def official_results(ids):
    """{organisation id: its latest official result's fields} (the latest assessment year
    with any of its scores): year, total, band and whether the total is below that year's
    target."""
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
        results[org_id] = {
            "official_year": years[latest].year, "official_total": result.total,
            "official_band": result.band or "",
            "official_below": result.total is not None
            and result.total < years[latest].target_score}
    return results
