"""What each row of a document's plan would do to what the portal holds: new, already there
(unchanged), or a change (field: old → new). The preview shows it; apply does exactly it.

Rows are matched by key: a score by its indicator of the assessed year; an issue by its
indicator, title and approach; a measure by its number in the fiscal year.
"""

import datetime
from decimal import Decimal

from indicators.models import IndicatorScore
from measures.models import Cadence, ImprovementIssue, Measure

NEW, SAME, CHANGE = "new", "same", "change"


def score_values(draft_value):
    return {"score": Decimal(draft_value)}


def issue_values(draft):
    return {"monitoring": draft["monitoring"]}


def measure_values(draft):
    return {"title": draft["title"], "period_text": draft["period_text"][:120],
            "start_date": datetime.date.fromisoformat(draft["start"]),
            "end_date": datetime.date.fromisoformat(draft["end"]),
            "monitoring": draft["monitoring"], "cadence": draft["cadence"] or Cadence.EVERY_MEETING}


def find_score(organization, indicator):
    return IndicatorScore.objects.filter(organization=organization, indicator=indicator).first()


def find_issue(organization, fiscal_year, indicator, draft):
    return ImprovementIssue.objects.filter(organization=organization, fiscal_year=fiscal_year,
                                           indicator=indicator, title=draft["title"],
                                           approach=draft["approach"]).first()


def find_measure(organization, fiscal_year, draft):
    return Measure.objects.filter(organization=organization, fiscal_year=fiscal_year,
                                  number=draft["number"]).first()


def diff(obj, values):
    """{field: [old, new]} of the values that differ (as text, for the preview)."""
    return {name: [_shown(getattr(obj, name)), _shown(value)] for name, value in values.items()
            if getattr(obj, name) != value}


def _shown(value):
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def mark(obj, values):
    if obj is None:
        return {"status": NEW, "changes": {}}
    changes = diff(obj, values)
    return {"status": CHANGE if changes else SAME, "changes": changes}


def marks(batch, year):
    """{"scores": {number: mark}, "issues": [mark], "measures": [mark]} for the preview."""
    org, plan = batch.organization, batch.plan
    indicators = {i.number: i for i in year.indicators.all()}
    scores = {number: mark(find_score(org, indicators[int(number)]), score_values(value))
              for number, value in plan["scores"].items() if int(number) in indicators}
    issues = [mark(find_issue(org, batch.fiscal_year, indicators.get(d["indicator"]), d),
                   issue_values(d)) for d in plan["issues"]]
    measures = [mark(find_measure(org, batch.fiscal_year, d), measure_values(d))
                for d in plan["measures"]]
    return {"scores": scores, "issues": issues, "measures": measures}


def counts(found, skipped=()):
    """{kind: {status: n}} of the rows that will be imported."""
    result = {}
    rows = [("scores", key, m) for key, m in found["scores"].items()]
    rows += [(kind, str(i), m) for kind in ("issues", "measures") for i, m in
             enumerate(found[kind])]
    for kind, key, found_mark in rows:
        if f"{kind}:{key}" in skipped:
            continue
        bucket = result.setdefault(kind, {NEW: 0, SAME: 0, CHANGE: 0})
        bucket[found_mark["status"]] += 1
    return result


def stored(value):
    """A field's value as JSON keeps it (for undo)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def loaded(obj, name, value):
    """The JSON value back as the field's type."""
    field = obj._meta.get_field(name)
    return field.to_python(value)
