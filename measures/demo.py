"""Load a demo organisation's improvement issues and measures (idempotent, by natural keys)."""

import datetime
from decimal import Decimal

from indicators.criteria_loader import upsert
from indicators.models import AssessmentYear, Indicator
from measures.models import ImprovementIssue, Measure, MeasureStep
from organizations.owners import owner_index, resolve_owners


def _set_owners(obj, organization, names, index):
    resolved = resolve_owners(organization, names, index)
    obj.owner_departments.set(resolved.departments)
    obj.owner_positions.set(resolved.positions)
    if obj.owned_by_everyone != resolved.everyone:
        obj.owned_by_everyone = resolved.everyone
        obj.save(update_fields=["owned_by_everyone"])
    return resolved.unmatched


def load_issues(organization, issues, report):
    index, unmatched, order = owner_index(organization), [], {}
    for spec in issues:
        key = (spec["fiscal_year"], spec["indicator"])
        order[key] = order.get(key, 0) + 1
        issue = upsert(ImprovementIssue, {
            "organization": organization, "fiscal_year": spec["fiscal_year"],
            "indicator": Indicator.objects.get(year__year=spec["assessment_year"],
                                               number=spec["indicator"]),
            "order": order[key],
        }, {
            "assessment_year": AssessmentYear.objects.get(year=spec["assessment_year"]),
            "trigger_score": Decimal(spec["score"]) if spec.get("score") else None,
            "title": spec["title"], "approach": spec.get("approach", ""),
            "monitoring": spec.get("monitoring", ""), "cadence": spec["cadence"],
            "owner_text": ", ".join(spec.get("owners", [])),
        }, report)
        unmatched += _set_owners(issue, organization, spec.get("owners", []), index)
    return unmatched


def load_measures(organization, measures, report):
    index, unmatched = owner_index(organization), []
    for spec in measures:
        measure = upsert(Measure, {
            "organization": organization, "fiscal_year": spec["fiscal_year"],
            "number": spec["number"],
        }, {
            "title": spec["title"], "period_text": spec.get("period_text", ""),
            "start_date": datetime.date.fromisoformat(spec["start"]),
            "end_date": datetime.date.fromisoformat(spec["end"]),
            "monitoring": spec.get("monitoring", ""), "cadence": spec["cadence"],
            "owner_text": ", ".join(spec.get("owners", [])),
        }, report)
        unmatched += _set_owners(measure, organization, spec.get("owners", []), index)
        measure.indicators.set(Indicator.objects.filter(
            year__year=spec["fiscal_year"], number__in=spec.get("indicators", [])))
        measure.issues.set(ImprovementIssue.objects.filter(
            organization=organization, fiscal_year=spec["fiscal_year"],
            indicator__number__in=spec.get("indicators", [])))
        _load_steps(measure, spec.get("steps", []), report)
    return unmatched


def _load_steps(measure, steps, report):
    for order, step in enumerate(steps, start=1):
        upsert(MeasureStep, {"measure": measure, "order": order}, {
            "text": step["text"], "owner_text": ", ".join(step.get("owners", [])),
            "period_text": step.get("period_text", ""),
            "start_date": datetime.date.fromisoformat(step["start"]) if step.get("start") else None,
            "end_date": datetime.date.fromisoformat(step["end"]) if step.get("end") else None,
        }, report)
