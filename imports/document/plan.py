"""What an import will create, before anything is written: the preview and the dry run."""

from dataclasses import dataclass, field
from decimal import Decimal

from ita_portal.thai import fiscal_year_bounds, thai_period


@dataclass
class IssueDraft:
    line: int
    indicator: int
    title: str
    approach: str = ""
    owners: list = field(default_factory=list)
    monitoring: str = ""
    cadence: str | None = None

    def as_json(self):
        return {"line": self.line, "indicator": self.indicator, "title": self.title,
                "approach": self.approach, "owners": self.owners,
                "monitoring": self.monitoring, "cadence": self.cadence}


@dataclass
class StepDraft:
    number: int | None
    text: str
    owners: list = field(default_factory=list)
    period_text: str = ""
    period: tuple | None = None

    def as_json(self):
        start, end = self.period or (None, None)
        return {"text": self.text, "owners": self.owners, "period_text": self.period_text,
                "start": start and start.isoformat(), "end": end and end.isoformat()}


@dataclass
class MeasureDraft:
    line: int
    number: int
    source_title: str
    title: str
    indicators: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    owners: list = field(default_factory=list)
    period_text: str = ""
    period: tuple | None = None
    monitoring: str = ""
    cadence: str | None = None

    def as_json(self):
        start, end = self.period
        return {"line": self.line, "number": self.number, "title": self.title,
                "indicators": self.indicators, "steps": [s.as_json() for s in self.steps],
                "owners": self.owners, "period_text": self.period_text,
                "start": start.isoformat(), "end": end.isoformat(),
                "monitoring": self.monitoring, "cadence": self.cadence}


@dataclass
class Plan:
    fiscal_year: int
    scores: dict = field(default_factory=dict)  # indicator number → Decimal
    issues: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    unparsed: list = field(default_factory=list)
    assessment_year: int | None = None  # the ITA result the document analyses
    measures_year: int | None = None  # the fiscal year its measures say they are for
    total: Decimal | None = None
    result: str | None = None  # grade (AA…F) or rating (ผ่านดีเยี่ยม…)
    tools: dict = field(default_factory=dict)  # IIT/EIT/OIT → Decimal
    recommendations: list = field(default_factory=list)

    def skip(self, line, text, reason):
        self.unparsed.append({"line": line, "text": text[:300], "reason": reason})

    def add_score(self, number, value, line):
        if number is None or value is None:
            return
        if number in self.scores and self.scores[number] != value:
            self.skip(line, str(value), f"คะแนนตัวชี้วัดที่ {number} ซ้ำและไม่ตรงกับที่พบก่อน "
                                        f"({self.scores[number]}) จึงใช้ค่าแรก")
            return
        self.scores[number] = value

    def set_total(self, total, result, line):
        if total is not None and self.total is not None and total != self.total:
            self.skip(line, str(total), f"คะแนนรวมซ้ำและไม่ตรงกับที่พบก่อน ({self.total}) จึงใช้ค่าแรก")
        elif total is not None:
            self.total = total
        if result and self.result is None:
            self.result = result

    def finish(self):
        """Measure periods from their steps; the whole fiscal year when none is written."""
        for measure in self.measures:
            periods = [s.period for s in measure.steps if s.period]
            if measure.period is None and periods:
                measure.period = (min(p[0] for p in periods), max(p[1] for p in periods))
                measure.period_text = thai_period(*measure.period, self.fiscal_year)
            if measure.period is None:
                measure.period = fiscal_year_bounds(self.fiscal_year)
                self.skip(measure.line, measure.title,
                          "ไม่พบระยะเวลาดำเนินการ: กำหนดเป็นตลอดปีงบประมาณ โปรดตรวจสอบ")
        self.unparsed.sort(key=lambda item: item["line"])

    def as_json(self):
        return {"fiscal_year": self.fiscal_year,
                "scores": {str(k): str(v) for k, v in sorted(self.scores.items())},
                "issues": [i.as_json() for i in self.issues],
                "measures": [m.as_json() for m in self.measures],
                "unparsed": self.unparsed,
                "assessment_year": self.assessment_year, "measures_year": self.measures_year,
                "total": _text(self.total), "result": self.result,
                "tools": {k: str(v) for k, v in self.tools.items()},
                "recommendations": self.recommendations}


def _text(value):
    return None if value is None else str(value)
