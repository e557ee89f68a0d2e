"""Everything the committee reads at a meeting, gathered in a constant number of queries."""


from django.db.models import Count
from django.utils import timezone

from disclosure.models import DisclosureItem
from disclosure.selectors import checklist_items, predicted_result, sections
from indicators.models import AssessmentYear
from indicators.selectors import organization_results, year_rules
from measures import deadlines
from measures.deadlines import overdue_q
from measures.models import CLOSED_STATUSES, Measure, Status
from measures.selectors import with_list_data
from reports import charts


def latest_measure_year(organization):
    return (Measure.objects.filter(organization=organization).order_by("-fiscal_year")
            .values_list("fiscal_year", flat=True).first())


def checklist_year(organization):
    """The newest year the organisation has a checklist for, else the newest criteria."""
    year = (DisclosureItem.objects.filter(organization=organization)
            .order_by("-oit_item__year__year").values_list("oit_item__year__year", flat=True)
            .first())
    return year or AssessmentYear.objects.order_by("-year").values_list("year", flat=True).first()


def measure_summary(organization, fiscal_year, today, horizon):
    measures = Measure.objects.filter(organization=organization, fiscal_year=fiscal_year)
    counts = dict(measures.values_list("status").annotate(n=Count("pk")).order_by())
    ordered = {s: counts.get(s, 0) for s in Status.values}
    open_measures = with_list_data(measures.exclude(status__in=CLOSED_STATUSES), today)
    return {
        "counts": ordered, "total": sum(ordered.values()),
        "chart": charts.status_bar(ordered, dict(Status.choices)),
        "overdue": list(open_measures.filter(overdue_q(today)).order_by("end_date")),
        "due_soon": list(open_measures.filter(end_date__gte=today, end_date__lte=horizon)
                         .order_by("end_date")),
    }


def oit_summary(organization, year):
    if year is None:
        return None
    rules = year_rules(year)
    items = checklist_items(organization, year)
    if not items:
        return {"year": year, "sections": [], "predicted": None}
    return {"year": year, "sections": sections(items, rules),
            "predicted": predicted_result(organization, items, rules)}


def result_summary(organization):
    results = organization_results(organization)
    latest = results[0] if results else None
    return {
        "latest": latest,
        "bars": charts.score_bars(
            [(f"{i.number}. {i.name_th}", s, p) for i, s, p in latest.indicators],
            target=latest.year.target_score) if latest else None,
        "trend": charts.trend_line([(r.year.year, r.result.total) for r in reversed(results)],
                                   target=latest.year.target_score) if latest else None,
        "years": results,
    }


def dashboard(organization, today=None, next_meeting=None):
    today = today or timezone.localdate()
    horizon = next_meeting.date if next_meeting else today + deadlines.days("horizon")
    fiscal_year = latest_measure_year(organization)
    return {
        "organization": organization, "today": today, "next_meeting": next_meeting,
        "horizon": horizon, "fiscal_year": fiscal_year,
        "results": result_summary(organization),
        "measures": measure_summary(organization, fiscal_year, today, horizon),
        "oit": oit_summary(organization, checklist_year(organization)),
    }
