"""What an O42 document says: indicator scores, improvement issues, measures; and what it
does not say clearly enough, line by line, with the reason.

Two kinds of table: the analysis (ตัวชี้วัด | ประเด็นที่ต้องปรับปรุง | แนวทาง | ผู้รับผิดชอบ |
การตรวจติดตาม) and the measures (มาตรการ/แนวทาง | วิธีดำเนินการ | ผู้รับผิดชอบ | ระยะเวลา |
การติดตาม). Rows with an empty first cell continue the row above; header rows may repeat.
"""

import difflib
import re
from decimal import Decimal, InvalidOperation

from imports.document.periods import parse_period
from imports.document.plan import IssueDraft, MeasureDraft, StepDraft
from imports.document.source import number_text
from measures.models import Cadence
from organizations.owners import split_owner_text

INDICATOR = re.compile(r"ตัวชี้วัด(?:ที่)?\s*([0-9๐-๙]{1,2})")
DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")
LEADING_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,3}\s*[.)]?\s+|^\s*[0-9๐-๙]{1,3}\.(?=\S)")
CADENCES = [
    (re.compile(r"ทุกครั้งที่(มี)?การประชุม|ทุกครั้งที่ประชุม|ทุกการประชุม"), Cadence.EVERY_MEETING),
    (re.compile(r"ปีละ\s*(2|๒|สอง)\s*ครั้ง|ทุก\s*(6|๖)\s*เดือน|รอบ\s*(6|๖)\s*เดือน"),
     Cadence.TWICE_A_YEAR),
    (re.compile(r"ปีละ\s*(1|๑|หนึ่ง)\s*ครั้ง"), Cadence.YEARLY),
]
ANALYSIS_HEADER = "ประเด็นที่ต้องปรับปรุง"
MEASURE_HEADER = "วิธีดำเนินการ"


def cadence_of(text):
    for pattern, cadence in CADENCES:
        if pattern.search(text or ""):
            return cadence
    return None


def strip_number(text):
    return LEADING_NUMBER.sub("", text, count=1).strip()


def leading_number(text):
    match = re.match(r"^\s*([0-9๐-๙]{1,3})(?![0-9๐-๙])\s*[.)]?", text or "")
    return int(number_text(match.group(1))) if match else None


def indicator_of(text, names):
    """The indicator a cell names: by number, else by the closest name (typos allowed)."""
    match = INDICATOR.search(text)
    if match:
        number = int(number_text(match.group(1)))
        return number if number in names else None
    squashed = re.sub(r"\s+", "", text)
    best = max(names.items(), default=None,
               key=lambda item: difflib.SequenceMatcher(None, item[1], squashed[:40]).ratio())
    if best and difflib.SequenceMatcher(None, best[1], squashed[:40]).ratio() >= 0.75:
        return best[0]
    return None


def score_in(text):
    found = DECIMAL.findall(number_text(text))
    if not found:
        return None
    try:
        value = Decimal(found[-1])
    except InvalidOperation:
        return None
    return value if 0 <= value <= 100 else None


def header_kind(row):
    joined = re.sub(r"\s+", "", " ".join(" ".join(c) for c in row.cells))
    if ANALYSIS_HEADER in joined and "แนวทาง" in joined:
        return "analysis"
    if MEASURE_HEADER in joined and "ระยะเวลา" in joined:
        return "measures"
    return None


class AnalysisReader:
    """Rows of the analysis table: one issue per approach paragraph."""

    def __init__(self, plan, names, previous):
        self.plan, self.names = plan, names
        self.group = getattr(previous, "group", None)
        self.last = None

    def read(self, row):
        head = row.text(0)
        if head:
            number = indicator_of(head, self.names)
            if number is None:
                self.plan.skip(row.line, head, "ไม่รู้ว่าเป็นตัวชี้วัดใด")
                self.group = None
                return
            self.group, self.last = number, None
            if score_in(head) is not None:
                self.plan.add_score(number, score_in(head), row.line)
        if self.group is None:
            self.plan.skip(row.line, row.text(1), "ประเด็นที่ไม่มีตัวชี้วัดกำกับ")
            return
        for issue in self.issues(row):
            self.plan.issues.append(issue)
            self.last = issue

    def issues(self, row):
        count = max(1, len(row.paragraphs(2)))
        cells = [_spread(row.paragraphs(i), count) for i in (1, 2, 3, 4)]
        if not any(row.paragraphs(i) for i in (1, 2)):
            return []
        drafts = []
        for title, approach, owners, monitoring in zip(*cells, strict=True):
            monitoring = monitoring or (self.last.monitoring if self.last else "")
            owner_list = split_owner_text(owners) if owners else (
                self.last.owners if self.last else [])
            drafts.append(IssueDraft(
                line=row.line, indicator=self.group, title=strip_number(title),
                approach=strip_number(approach), owners=owner_list, monitoring=monitoring,
                cadence=cadence_of(monitoring)))
        return drafts


def _spread(paragraphs, count):
    """A cell's paragraphs, one per issue: split when they match, else joined and repeated."""
    if len(paragraphs) == count:
        return list(paragraphs)
    return [" ".join(paragraphs)] * count


class MeasureReader:
    """Rows of the measures table: a numbered first cell starts a measure, others add steps."""

    def __init__(self, plan, names, previous):
        self.plan, self.names = plan, names
        self.measure = getattr(previous, "measure", None)
        self.copied = False

    def read(self, row):
        head = row.text(0)
        if head and (self.measure is None or head != self.measure.source_title):
            self.start(row, head)
        if self.measure is None:
            self.plan.skip(row.line, row.text(1), "วิธีดำเนินการที่ไม่มีมาตรการกำกับ")
            return
        self.add_step(row)

    def start(self, row, head):
        self.copied = False
        number = leading_number(head) or len(self.plan.measures) + 1
        self.measure = MeasureDraft(
            line=row.line, number=number, source_title=head, title=strip_number(head),
            indicators=sorted({int(number_text(n)) for n in INDICATOR.findall(head)}
                              & set(self.names)),
            monitoring=row.text(4), cadence=cadence_of(row.text(4)))
        self.plan.measures.append(self.measure)

    def add_step(self, row):
        text = row.text(1)
        owners = split_owner_text(row.text(2))
        if not text:  # a measure's own row without a step (its step may follow on the next)
            self.measure.owners += [o for o in owners if o not in self.measure.owners]
            self.set_period(row)
            return
        if row.text(4) and not self.measure.monitoring:
            self.measure.monitoring = row.text(4)
            self.measure.cadence = cadence_of(row.text(4))
        steps = self.measure.steps
        number = leading_number(text)
        if self.copied or (number and any(s.number == number for s in steps)):
            self.copied = True
            self.plan.skip(row.line, text, "ลำดับขั้นตอนซ้ำกับขั้นตอนก่อนหน้า (อาจคัดลอกมาจาก"
                                           "มาตรการอื่น) จึงไม่นำเข้าแถวนี้และแถวต่อจากนี้")
            return
        if not steps and not number and re.search(r"(ดังนี้|:)\s*$", text):
            self.measure.title = f"{self.measure.title}: {text}"
            self.measure.owners += owners
            self.set_period(row)
            return
        period = parse_period(row.text(3), self.plan.fiscal_year)
        if row.text(3) and period is None:
            self.plan.skip(row.line, row.text(3), "อ่านระยะเวลาไม่ได้")
        steps.append(StepDraft(number=number, text=strip_number(text), owners=owners,
                               period_text=row.text(3), period=period))
        self.measure.owners += [o for o in owners if o not in self.measure.owners]

    def set_period(self, row):
        period = parse_period(row.text(3), self.plan.fiscal_year)
        if period:
            self.measure.period_text, self.measure.period = row.text(3), period
