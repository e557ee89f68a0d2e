"""Load a demo organisation's improvement issues and measures (idempotent, by natural keys),
through the measures services like every other writer."""

import datetime
from decimal import Decimal

from indicators.models import AssessmentYear, Indicator
from measures.models import ImprovementIssue
from measures.services import issue_upsert, measure_upsert, step_upsert
from organizations.owners import owner_index, resolve_owners


def _owners(organization, names, index):
    resolved = resolve_owners(organization, names, index)
    owners = {"departments": resolved.departments, "positions": resolved.positions,
              "everyone": resolved.everyone}
    return owners, resolved.unmatched


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load_issues(organization, issues, report):
    index, unmatched, order = owner_index(organization), [], {}
    for spec in issues:
        key = (spec["fiscal_year"], spec["indicator"])
        order[key] = order.get(key, 0) + 1
        owners, missing = _owners(organization, spec.get("owners", []), index)
        _, outcome = issue_upsert(
            organization=organization, fiscal_year=spec["fiscal_year"], owners=owners,
            key={"indicator": Indicator.objects.get(year__year=spec["assessment_year"],
                                                    number=spec["indicator"]),
                 "order": order[key]},
            fields={
                "assessment_year": AssessmentYear.objects.get(year=spec["assessment_year"]),
                "trigger_score": Decimal(spec["score"]) if spec.get("score") else None,
                "title": spec["title"], "approach": spec.get("approach", ""),
                "monitoring": spec.get("monitoring", ""), "cadence": spec["cadence"],
                "owner_text": ", ".join(spec.get("owners", []))})
        report.add(outcome)
        unmatched += missing
    return unmatched


def load_measures(organization, measures, report):
    index, unmatched = owner_index(organization), []
    for spec in measures:
        owners, missing = _owners(organization, spec.get("owners", []), index)
        numbers = spec.get("indicators", [])
        measure, outcome = measure_upsert(
            organization=organization, fiscal_year=spec["fiscal_year"], number=spec["number"],
            owners=owners, fields={
                "title": spec["title"], "period_text": spec.get("period_text", ""),
                "start_date": _date(spec["start"]), "end_date": _date(spec["end"]),
                "monitoring": spec.get("monitoring", ""), "cadence": spec["cadence"],
                "owner_text": ", ".join(spec.get("owners", []))},
            indicators=Indicator.objects.filter(year__year=spec["fiscal_year"],
                                                number__in=numbers),
            issues=ImprovementIssue.objects.filter(organization=organization,
                                                   fiscal_year=spec["fiscal_year"],
                                                   indicator__number__in=numbers))
        report.add(outcome)
        unmatched += missing
        _load_steps(measure, spec.get("steps", []), report)
    return unmatched


def _load_steps(measure, steps, report):
    for order, step in enumerate(steps, start=1):
        report.add(step_upsert(measure=measure, order=order, fields={
            "text": step["text"], "owner_text": ", ".join(step.get("owners", [])),
            "period_text": step.get("period_text", ""),
            "start_date": _date(step.get("start")), "end_date": _date(step.get("end"))})[1])
