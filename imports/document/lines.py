"""Lines outside tables, read by what they say: the years, the total and its grade or rating,
IIT/EIT/OIT and indicator headings with their scores (on the line or the next one), sections of
issues, approaches, recommendations and measures written as numbered paragraphs or bullets, and
labelled fields (ผู้รับผิดชอบ:, ระยะเวลา:, การติดตาม:). What says nothing of these is listed.
"""

import re

from imports.document import words
from imports.document.periods import parse_period
from imports.document.plan import IssueDraft, MeasureDraft, StepDraft
from imports.document.recognise import INDICATOR, cadence_of
from organizations.owners import split_owner_text

PROSE = "ข้อความนอกตาราง: ไม่ได้นำเข้า"
MEASURE_TITLE = re.compile(r"^\s*มาตรการ(?:ที่)?\s*(\d{1,3})\s*[:.)]?\s*(.*)$")


class LineReader:
    def __init__(self, plan, criteria):
        self.plan, self.criteria = plan, criteria
        self.section, self.indicator, self.pending, self.current_tool = None, None, None, None
        self.issue, self.measure, self.step, self.steps_mode = None, None, None, False
        self.issues = []  # read here, not from tables: approaches below pair with these

    def read_all(self, lines):
        for line in lines:
            self.read(line)

    def read(self, line):
        text = line.text
        dated = self.years(text)
        pending, self.pending = self.pending, None
        if pending and self.pending_value(pending, line):
            return
        for handler in (self.total, self.measure_title, self.section_heading, self.tool,
                        self.indicator_heading, self.labelled, self.item):
            if handler(line, text):
                return
        if not (dated and len(text) < 120):  # a title naming the year has been read
            self.plan.skip(line.line, text, PROSE)

    def years(self, text):
        assessed, fiscal = words.years_of(text)
        if assessed and self.plan.assessment_year is None:
            self.plan.assessment_year = assessed
        if fiscal and self.plan.measures_year is None:
            self.plan.measures_year = fiscal
        return bool(assessed or fiscal)

    def pending_value(self, pending, line):
        kind, key = pending
        if kind in ("indicator", "tool", "total"):
            score = words.bare_score(line.text)
            if score is None:
                return False
            if kind == "indicator":
                self.plan.add_score(key, score, line.line)
            elif kind == "tool":
                self.plan.tools.setdefault(key, score)
            else:
                self.plan.set_total(score, None, line.line)
            return True
        return self.field(kind, line.text)

    def total(self, line, text):
        total, label = words.total_and_result(text, self.criteria)
        if total is None and label is None:
            return False
        if words.indicator_heading(text, self.criteria) or words.tool_heading(text, self.criteria):
            return False
        self.plan.set_total(total, label, line.line)
        return total is not None or len(text) < 80

    def measure_title(self, line, text):
        match = MEASURE_TITLE.match(words.numbers(text))
        if not match or not match.group(2).strip():
            return False
        self.section = "measures"
        self.start_measure(line, int(match.group(1)), text, match.group(2))
        return True

    def section_heading(self, line, text):
        found = words.section_of(text)
        if found is None or (words.is_item(text) and (found != "measures"
                                                      or self.section == "measures")):
            return False
        self.section, self.steps_mode = found, False
        if found == "measures":
            self.measure = self.step = None
        return True

    def tool(self, line, text):
        found = words.tool_heading(text, self.criteria) if len(text) < 120 else None
        if not found:
            return False
        code, score = found
        self.indicator, self.current_tool = None, code
        if score is None:
            self.pending = ("tool", code)
        else:
            self.plan.tools.setdefault(code, score)
        return True

    def indicator_heading(self, line, text):
        found = words.indicator_heading(text, self.criteria) if len(text) < 120 else None
        if not found:
            return False
        number, score = found
        self.indicator, self.issue = number, None
        if self.section not in ("measures",):
            self.section = "analysis" if self.section != "issues" else "issues"
        if score is None:
            self.pending = ("indicator", number)
        else:
            self.plan.add_score(number, score, line.line)
        if self.measure is not None and self.section == "measures":
            self.measure.indicators = sorted({*self.measure.indicators, number})
        return True

    def labelled(self, line, text):
        found = words.label_of(text)
        if not found:
            return False
        kind, value = found
        if value and kind in ("owner", "period", "monitoring"):
            self.steps_mode = False  # the steps are over once their owner or period is said
        if not value:
            self.steps_mode = kind == "steps"
            if kind in ("approach", "issue"):
                self.section = "approaches" if kind == "approach" else "issues"
            elif kind != "steps":
                self.pending = (kind, None)
            return True
        return self.field(kind, value) or self.skip(line, "ไม่รู้ว่าข้อมูลนี้เป็นของรายการใด")

    def skip(self, line, reason):
        self.plan.skip(line.line, line.text, reason)
        return True

    def field(self, kind, value):
        target = self.step or self.measure if self.section == "measures" else self.issue
        if target is None:
            return False
        if kind == "owner" and target is self.issue:
            group = [i for i in self.issues if i.indicator == target.indicator and not i.owners]
            for issue in group or [target]:
                issue.owners += [o for o in split_owner_text(value) if o not in issue.owners]
        elif kind == "owner":
            owners = split_owner_text(value)
            target.owners += [o for o in owners if o not in target.owners]
            if self.measure is not None and target is self.step:
                self.measure.owners += [o for o in owners if o not in self.measure.owners]
        elif kind == "period":
            self.set_period(target, value)
        elif kind == "monitoring":
            owner = self.measure if self.section == "measures" else target
            owner.monitoring = f"{owner.monitoring} {value}".strip()
            owner.cadence = cadence_of(owner.monitoring)
        elif kind == "steps" and self.measure is not None:
            self.add_step(value)
        elif kind == "approach" and self.issue is not None:
            self.issue.approach = words.strip_marker(value)
        elif kind == "indicators" and self.measure is not None:
            numbers = {int(n) for n in INDICATOR.findall(words.numbers(value))}
            self.measure.indicators = sorted(numbers & set(self.criteria.names))
        else:
            return False
        return True

    def set_period(self, target, value):
        period = parse_period(value, self.plan.fiscal_year)
        if period is None:
            return
        target.period_text, target.period = value[:120], period

    def item(self, line, text):
        if not words.is_item(text):
            return False
        section = self.section
        if section == "measures":
            return self.measure_item(line, text)
        if section == "issues" or (section == "analysis" and self.indicator):
            return self.issue_item(line, text)
        if section == "approaches":
            return self.approach_item(line, text)
        if section == "recommendations":
            self.plan.recommendations.append({"line": line.line, "tool": self.current_tool,
                                              "text": words.strip_marker(text)[:1000]})
            return True
        return False

    def issue_item(self, line, text):
        if self.indicator is None:
            return self.skip(line, "ประเด็นที่ไม่มีตัวชี้วัดกำกับ")
        self.issue = IssueDraft(line=line.line, indicator=self.indicator,
                                title=words.strip_marker(text)[:1000])
        self.plan.issues.append(self.issue)
        self.issues.append(self.issue)
        return True

    def approach_item(self, line, text):
        number = words.numbered(text)
        mine = [i for i in self.issues if i.indicator == self.indicator] or self.issues
        open_issues = [i for i in mine if not i.approach]
        if not open_issues:
            return self.skip(line, "แนวทางที่ไม่มีประเด็นกำกับ")
        target = open_issues[0]
        if number and number <= len(mine) and not mine[number - 1].approach:
            target = mine[number - 1]
        target.approach = words.strip_marker(text)[:1000]
        self.issue = target
        return True

    def measure_item(self, line, text):
        top = words.numbered(text) and not words.is_sub_item(text)
        if top and not (self.steps_mode and self.measure is not None):
            self.start_measure(line, words.numbered(text), text, words.strip_marker(text))
            return True
        if self.measure is None:
            return self.skip(line, "วิธีดำเนินการที่ไม่มีมาตรการกำกับ")
        self.add_step(text)
        return True

    def start_measure(self, line, number, source, title):
        numbers = {int(n) for n in INDICATOR.findall(words.numbers(source))}
        self.measure = MeasureDraft(line=line.line, number=number, source_title=source,
                                    title=title.strip()[:500],
                                    indicators=sorted(numbers & set(self.criteria.names)))
        self.plan.measures.append(self.measure)
        self.step, self.steps_mode = None, False

    def add_step(self, text):
        self.step = StepDraft(number=words.numbered(text), text=words.strip_marker(text)[:1000])
        self.measure.steps.append(self.step)
