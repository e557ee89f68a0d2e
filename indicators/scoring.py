"""ITA scoring rules, pure functions over one year's rules (no database access here).

Each tool's score is the mean of its indicators; the total is the weighted sum of the tools;
the result is the first band (highest first) whose minimum total and per-tool minimum are met.
An OIT sub-indicator is the share of its items that pass; an indicator is the mean of its
sub-indicators. Values are kept exact and rounded half-up to 2 decimals only for display.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)


def round2(value):
    return None if value is None else value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def mean(values):
    values = list(values)
    return sum(values, Decimal(0)) / len(values)


@dataclass(frozen=True)
class ToolRule:
    code: str
    weight: Decimal
    indicators: tuple


@dataclass(frozen=True)
class Band:
    label: str
    min_total: Decimal
    min_each_tool: Decimal | None = None


@dataclass(frozen=True)
class YearRules:
    year: int
    result_kind: str
    target: Decimal
    tools: tuple
    bands: tuple
    # indicator number -> {sub-indicator code -> tuple of item codes}
    oit_structure: dict = field(default_factory=dict)

    @property
    def indicator_numbers(self):
        return sorted(n for tool in self.tools for n in tool.indicators)


@dataclass(frozen=True)
class Result:
    indicators: dict
    tools: dict
    total: Decimal | None
    band: str | None
    missing: tuple

    @property
    def complete(self):
        return not self.missing


def band_for(rules, total, tool_scores):
    lowest_tool = min(tool_scores.values())
    for band in rules.bands:
        if total >= band.min_total and (
            band.min_each_tool is None or lowest_tool >= band.min_each_tool
        ):
            return band.label
    return rules.bands[-1].label


def compute_result(rules, scores):
    """Tool scores, total and band from {indicator number: score}; partial data gives None."""
    tools = {}
    for tool in rules.tools:
        have = [scores[n] for n in tool.indicators if scores.get(n) is not None]
        tools[tool.code] = mean(have) if len(have) == len(tool.indicators) else None
    missing = tuple(n for n in rules.indicator_numbers if scores.get(n) is None)
    if missing:
        return Result(dict(scores), tools, None, None, missing)
    total = sum((tool.weight * tools[tool.code] for tool in rules.tools), Decimal(0))
    return Result(dict(scores), tools, total, band_for(rules, total, tools), ())


def sub_indicator_scores(rules, passed_items):
    """{sub-indicator code: share of its items passed ×100} for every OIT sub-indicator."""
    passed = set(passed_items)
    return {
        code: HUNDRED * sum(1 for item in items if item in passed) / len(items)
        for subs in rules.oit_structure.values()
        for code, items in subs.items()
    }


def oit_indicator_scores(rules, passed_items):
    """{indicator number: mean of its sub-indicator scores} from the set of passing items."""
    by_sub = sub_indicator_scores(rules, passed_items)
    return {
        number: mean(by_sub[code] for code in subs)
        for number, subs in rules.oit_structure.items()
    }


def gap_to_target(rules, total):
    return None if total is None else max(Decimal(0), rules.target - total)
