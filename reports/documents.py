"""What the portal's two yearly documents hold, read in a fixed number of queries.

Which OIT item each document answers is the year's criteria's to say (`answered_item`):
O42/O43 up to ITA 2567, O25/O26 from ITA 2569, whatever a later year's data names.

The analysis document: the previous assessment's result by indicator (score, issues to
improve, approach, owner, monitoring) and the fiscal year's measures (steps, owner, period,
monitoring). The report (annual): what was done for each measure during the fiscal year, its
status and evidence, the OIT checklist summary, the scores and their charts.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from indicators.models import AssessmentYear, DataPeriod, OITItem, PortalDocument, Recommendation
from indicators.selectors import assessed_year
from ita_portal.pdf import lay_out_html
from ita_portal.timeline import chunks, fiscal_timeline, measure_rows
from measures.models import (
    EventKind,
    ImprovementIssue,
    Measure,
    MeasureEvent,
    MeasureStep,
    ProgressUpdate,
    Status,
)
from reports import charts
from reports.dashboard import oit_summary, result_summary

OWNERS = ("owner_departments", "owner_positions", "owner_users")


@dataclass
class IndicatorAnalysis:
    indicator: object
    score: object
    issues: list = field(default_factory=list)


def answered_item(kind, fiscal_year):
    """The OIT item a document about a fiscal year's measures answers: in that year's
    criteria, or in the next year's when the item asks for the previous fiscal year."""
    items = OITItem.objects.filter(year__year__in=(fiscal_year, fiscal_year + 1),
                                   portal_document=kind).select_related("year")
    for item in sorted(items, key=lambda i: i.year.year):
        if (item.data_period == DataPeriod.PREVIOUS_FY) == (item.year.year != fiscal_year):
            return item
    return None


def year_result(organization, year, fiscal_year):
    results = result_summary(organization, fiscal_year)
    match = [r for r in results["years"] if year and r.year.pk == year.pk]
    return results, (match[0] if match else None)


def analysis(organization, fiscal_year, result):
    issues = (ImprovementIssue.objects.filter(organization=organization, fiscal_year=fiscal_year)
              .select_related("indicator", "oit_item").prefetch_related(*OWNERS)
              .order_by("indicator__number", "order", "pk"))
    scores = {i.number: s for i, s, _ in result.indicators} if result else {}
    groups = {}
    for issue in issues:
        key = issue.indicator.number if issue.indicator else None
        if key not in groups:
            groups[key] = IndicatorAnalysis(issue.indicator, scores.get(key))
        groups[key].issues.append(issue)
    return sorted(groups.values(), key=lambda g: (g.indicator is None,
                                                  g.indicator.number if g.indicator else 0))


def fiscal_measures(organization, fiscal_year, *prefetch):
    return list(Measure.objects.filter(organization=organization, fiscal_year=fiscal_year)
                .prefetch_related(*OWNERS, "indicators",
                                  Prefetch("steps", queryset=MeasureStep.objects.order_by("order")),
                                  *prefetch)
                .order_by("number"))


def paper_timelines(measures, fiscal_year, today=None):
    """The October–September timeline for A4: 25 measures per chart, so none is cut."""
    today = today or timezone.localdate()
    rows = measure_rows(measures, today)
    return [fiscal_timeline(part, fiscal_year, today, width=700, label_width=230)
            for part in chunks(rows)] if rows else []


def o42_context(organization, fiscal_year):
    year = assessed_year(fiscal_year)
    results, result = year_result(organization, year, fiscal_year)
    recommendations = (Recommendation.objects.filter(organization=organization, year=year)
                       .select_related("tool").order_by("order") if year else [])
    return {
        "organization": organization, "fiscal_year": fiscal_year, "year": year,
        "result": result, "analysis": analysis(organization, fiscal_year, result),
        "recommendations": list(recommendations),
        "bars": charts.score_bars([(f"{i.number}. {i.name_th}", s, p)
                                   for i, s, p in result.indicators],
                                  target=result.year.target_score) if result else None,
        "measures": (measures := fiscal_measures(organization, fiscal_year)),
        "timelines": paper_timelines(measures, fiscal_year),
        "document_item": answered_item(PortalDocument.ANALYSIS, fiscal_year),
    }


def annual_context(organization, fiscal_year):
    updates = Prefetch("updates", queryset=ProgressUpdate.objects.select_related("by")
                       .prefetch_related("evidence").order_by("reported_on", "pk"))
    changes = Prefetch("events", queryset=MeasureEvent.objects.filter(kind=EventKind.STATUS)
                       .select_related("by").order_by("at", "pk"), to_attr="status_events")
    measures = fiscal_measures(organization, fiscal_year, updates, changes)
    counts = {status: 0 for status in Status.values}
    for measure in measures:
        counts[measure.status] += 1
    return {
        "organization": organization, "fiscal_year": fiscal_year, "measures": measures,
        "status_counts": [(label, counts[value]) for value, label in Status.choices],
        "status_chart": charts.status_bar(counts, dict(Status.choices)),
        "results": result_summary(organization, fiscal_year),
        "document_item": answered_item(PortalDocument.REPORT, fiscal_year),
        "oit": oit_summary(organization, fiscal_year if AssessmentYear.objects.filter(
            year=fiscal_year).exists() else None),
    }


DOCUMENTS = {"o42": ("reports/pdf/o42.html", o42_context),
             "annual": ("reports/pdf/annual.html", annual_context)}


def report_html(kind, organization, fiscal_year):
    """The O42 or annual document's HTML (what its PDF is laid out from)."""
    template, context = DOCUMENTS[kind]
    return render_to_string(template, context(organization, fiscal_year))


def report_pdf(kind, organization, fiscal_year, progress=lambda step, pages=None: None,
               html=None):
    """The O42 or annual document as PDF; `progress(step, pages)` is told steps 1 to 3."""
    progress(1)
    document = lay_out_html(html or report_html(kind, organization, fiscal_year))
    progress(2, len(document.pages))
    data = document.write_pdf()
    progress(3)
    return data
