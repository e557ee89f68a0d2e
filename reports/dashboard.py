"""Everything the committee reads at a meeting, gathered in a constant number of queries."""

from django.db.models import Count
from django.utils import timezone

from disclosure.selectors import checklist_items, predicted_result, sections
from indicators.models import AssessmentYear
from indicators.selectors import organization_results, year_rules
from ita_portal.timeline import fiscal_timeline, measure_rows
from measures import deadlines
from measures.deadlines import open_q, overdue_q
from measures.models import Measure, Status
from measures.selectors import with_list_data
from reports import charts


def measure_summary(organization, fiscal_year, today, horizon):
    measures = Measure.objects.filter(organization=organization, fiscal_year=fiscal_year)
    counts = dict(measures.values_list("status").annotate(n=Count("pk")).order_by())
    ordered = {s: counts.get(s, 0) for s in Status.values}
    open_measures = with_list_data(measures.filter(open_q()), today)
    overdue = list(open_measures.filter(overdue_q(today)).order_by("end_date"))
    for measure in overdue:
        measure.days_overdue = (today - measure.end_date).days
    return {
        "counts": ordered, "total": sum(ordered.values()),
        "chart": charts.status_bar(ordered, dict(Status.choices), html_legend=True),
        "timeline": fiscal_timeline(measure_rows(measures.order_by("number")
                                                 .prefetch_related("steps"), today),
                                    fiscal_year, today),
        "overdue": overdue,
        "due_soon": list(open_measures.filter(end_date__gte=today, end_date__lte=horizon)
                         .order_by("end_date")),
    }


def oit_summary(organization, year):
    if year is None:
        return None
    rules = year_rules(year)
    items = checklist_items(organization, year)
    if not any(item.pk for item in items):  # nobody has started the year's checklist
        return {"year": year, "sections": [], "predicted": None}
    return {"year": year, "sections": sections(items, rules),
            "predicted": predicted_result(organization, items, rules)}


def result_summary(organization, year):
    """Official results up to the year shown (the year in progress has none yet)."""
    results = [r for r in organization_results(organization) if r.year.year <= year]
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


def dashboard(organization, year, today=None, next_meeting=None):
    """The year shown (assessment = fiscal year): its measures, its checklist in progress,
    and the official results up to it."""
    today = today or timezone.localdate()
    horizon = next_meeting.date if next_meeting else today + deadlines.days("horizon")
    return {
        "organization": organization, "today": today, "next_meeting": next_meeting,
        "horizon": horizon, "horizon_days": deadlines.WINDOWS["horizon"],
        "fiscal_year": year, "year": year,
        "results": result_summary(organization, year),
        "measures": measure_summary(organization, year, today, horizon),
        "oit": oit_summary(organization, year if AssessmentYear.objects.filter(
            year=year).exists() else None),
    }
