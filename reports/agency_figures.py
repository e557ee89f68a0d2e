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

from django.db import connection
from django.db.models import Count, F, Max, Q

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from indicators.models import AssessmentYear, IndicatorScore, OITItem
from indicators.scoring import compute_result
from indicators.selectors import rules_for_years
from measures.deadlines import overdue_q
from measures.models import Measure, ProgressUpdate
from reports.models import AgencyFigures

CHUNK = 500  # agencies a pass (× 12 columns: well under SQLite's 32,766 parameters)
FIELDS = ["year", "day", "version", "disclosed", "broken", "overdue", "last_activity",
          "official_year", "official_total", "official_band", "official_below"]


def stale(orgs, *, year, today):
    """[(organisation id, its data version)] of `orgs` whose figures are missing or not
    current."""
    current = Q(figures__version=F("data_version"), figures__day=today, figures__year=year)
    return list(orgs.order_by("pk").exclude(current).values_list("pk", "data_version"))


def refresh(orgs, *, year, today):
    """Make the figures of `orgs` that are not current; how many were made."""
    rows = stale(orgs, year=year, today=today)
    if rows:
        items = list(OITItem.objects.filter(year__year=year).values_list("pk", flat=True))
        for start in range(0, len(rows), CHUNK):
            _make(dict(rows[start:start + CHUNK]), items, year=year, today=today)
    return len(rows)


def _counts(queryset, field):
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))


def _make(versions, items, *, year, today):
    """Write the figures of the organisations in {id: data version read before their data}
    (`items`: the year's OIT item ids): a change made meanwhile leaves the row behind its
    organisation, so it is made again."""
    ids = list(versions)
    disclosed = _counts(DisclosureItem.objects.filter(  # by the items' ids: the plan walks
        organization_id__in=ids, oit_item_id__in=items, status=ItemStatus.PRESENT),  # orgs
        "organization")
    broken = _counts(EvidenceLink.objects.filter(
        item__organization_id__in=ids, item__oit_item_id__in=items, removed_at=None,
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
    _write(rows)


def _write(rows):
    """Insert or update the rows (in organisation order, so concurrent writers lock alike),
    never over a row made later (a newer day or data version): a slow request that read an
    agency before its change cannot put back what a quicker one made after it."""
    if not rows:
        return
    table, fields = AgencyFigures._meta.db_table, [AgencyFigures._meta.get_field("organization"),
                                                   *map(AgencyFigures._meta.get_field, FIELDS)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    updates = ", ".join(f"{quote(f.column)} = EXCLUDED.{quote(f.column)}" for f in fields[1:])
    sql = (f"INSERT INTO {quote(table)} ({columns}) VALUES {', '.join([one] * len(rows))} "
           f"ON CONFLICT ({quote('organization_id')}) DO UPDATE SET {updates} "
           f"WHERE ({quote(table)}.{quote('day')}, {quote(table)}.{quote('version')}) "
           f"<= (EXCLUDED.{quote('day')}, EXCLUDED.{quote('version')})")
    params = [f.get_db_prep_save(getattr(row, f.attname), connection)
              for row in sorted(rows, key=lambda r: r.organization_id) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def official_results(ids):
    """{organisation id: its latest official result's fields} (the latest assessment year
    with any of its scores): year, total, band and whether the total is below that year's
    target. Only the scores of each one's latest year are read."""
    latest = dict(IndicatorScore.objects.filter(organization_id__in=ids).order_by()
                  .values_list("organization").annotate(year=Max("indicator__year__year")))
    scores = defaultdict(dict)
    for org_id, year, number, score in IndicatorScore.objects.filter(
            organization_id__in=ids, indicator__year__year__in=set(latest.values())
    ).values_list("organization_id", "indicator__year__year", "indicator__number", "score"):
        if year == latest[org_id]:
            scores[org_id][number] = score
    years = {y.year: y for y in AssessmentYear.objects.filter(year__in=set(latest.values()))}
    by_pk = rules_for_years(years.values())
    rules = {y.year: by_pk[y.pk] for y in years.values()}
    results = {}
    for org_id, by_number in scores.items():
        year = years[latest[org_id]]
        result = compute_result(rules[year.year], by_number)
        results[org_id] = {
            "official_year": year.year, "official_total": result.total,
            "official_band": result.band or "",
            "official_below": result.total is not None and result.total < year.target_score}
    return results
