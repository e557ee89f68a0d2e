"""What each row of a document's plan would do to what the portal holds: new, already there
(unchanged), or a change (field: old → new). The preview shows it; apply does exactly it.

Rows are matched by key: a score by its indicator of the assessed year; an issue by its
indicator, title and approach; a measure by its number in the fiscal year.
"""

import datetime
from decimal import Decimal

from indicators.models import IndicatorScore
from ita_portal.thai import thai_date, thai_digits
from measures.models import Cadence, ImprovementIssue, Measure

NEW, SAME, CHANGE = "new", "same", "change"


def score_values(draft_value):
    return {"score": Decimal(draft_value)}


def issue_values(draft):
    return {"monitoring": draft["monitoring"]}


def measure_values(draft):
    return {"title": draft["title"], "period_text": draft["period_text"][:120],
            "owner_text": ", ".join(draft["owners"])[:300],
            "start_date": datetime.date.fromisoformat(draft["start"]),
            "end_date": datetime.date.fromisoformat(draft["end"]),
            "monitoring": draft["monitoring"], "cadence": draft["cadence"] or Cadence.EVERY_MEETING}


def step_values(draft):
    return {"text": draft["text"], "owner_text": ", ".join(draft["owners"])[:300],
            "period_text": draft["period_text"][:120],
            "start_date": _date(draft["start"]), "end_date": _date(draft["end"])}


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def step_label(order, name=None):
    return f"ขั้นตอนที่ {thai_digits(order)}" + (f" ({name})" if name else "")


def find_score(organization, indicator):
    return IndicatorScore.objects.filter(organization=organization, indicator=indicator).first()


def find_issue(organization, fiscal_year, indicator, draft):
    return ImprovementIssue.objects.filter(organization=organization, fiscal_year=fiscal_year,
                                           indicator=indicator, title=draft["title"],
                                           approach=draft["approach"]).first()


def find_measure(organization, fiscal_year, draft):
    return Measure.objects.filter(organization=organization, fiscal_year=fiscal_year,
                                  number=draft["number"]).first()


def measures_by_number(organization, fiscal_year):
    return {m.number: m for m in Measure.objects.filter(organization=organization,
                                                        fiscal_year=fiscal_year)}


def diff(obj, values):
    """{field: [old, new]} of the values that differ (as text, for the preview)."""
    return {name: [_shown(getattr(obj, name)), _shown(value)] for name, value in values.items()
            if getattr(obj, name) != value}


def _shown(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return thai_date(value, short=True, digits=True)
    return thai_digits(value) if isinstance(value, int | Decimal) else str(value)


def measure_mark(measure, draft):
    """A measure's mark with its steps: a step the document adds, or a step whose text, owner,
    period or dates the document changes (existing steps it leaves out stay as they are)."""
    found = mark(measure, measure_values(draft))
    if measure is None:
        return found
    steps = {s.order: s for s in measure.steps.all()}
    for order, step in enumerate(draft["steps"], start=1):
        values = step_values(step)
        if order not in steps:
            found["changes"][step_label(order)] = ["", values["text"]]
        for name, change in (diff(steps[order], values) if order in steps else {}).items():
            found["changes"][step_label(order, name)] = change
    if found["changes"]:
        found["status"] = CHANGE
    return found


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
    measures = [measure_mark(find_measure(org, batch.fiscal_year, d), d)
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
