"""A document's rows and lines → a Plan: tables (tabbed, or flattened one cell per line) by
their readers, every other line by what it says."""

import re

from imports.document import flat, words
from imports.document.lines import LineReader
from imports.document.plan import Plan
from imports.document.recognise import AnalysisReader, MeasureReader, header_kind
from imports.document.words import Criteria, squash
from indicators.models import Indicator, ResultBand, Tool

SCORE = re.compile(r"(?<![\d.])(\d{1,3}\.\d{1,2})(?![\d.])")
ROW_NUMBER = re.compile(r"^\s*\d{1,3}[.)]?\s+")
SCORE_HEADERS = {"ลำดับ", "ที่", "ตัวชี้วัด", "คะแนน", "ผลคะแนน", "คะแนนที่ได้", "ตัวชี้วัด/คะแนน"}


def criteria_of(year):
    """The words of an assessment year's criteria, from the database."""
    return Criteria(
        year=year.year,
        names={i.number: squash(i.name_th) for i in Indicator.objects.filter(year=year)},
        tools={t.code: t.name_th for t in Tool.objects.filter(year=year)},
        labels=list(ResultBand.objects.filter(year=year).values_list("label", flat=True)))


def recognise(rows, free, fiscal_year, criteria):
    plan = Plan(fiscal_year=fiscal_year)
    flat_rows, free = flat.split(free, fiscal_year, criteria)
    read_rows(plan, sorted(rows + flat_rows, key=lambda row: row.line), criteria)
    LineReader(plan, criteria).read_all(free)
    plan.finish()
    check_years(plan, criteria)
    return plan


def check_years(plan, criteria):
    """Say so when the document names other years than the import is for."""
    if plan.measures_year and plan.measures_year != plan.fiscal_year:
        plan.skip(0, str(plan.measures_year), f"เอกสารระบุมาตรการปีงบประมาณ {plan.measures_year} "
                  f"แต่เลือกนำเข้าเป็นปี {plan.fiscal_year} โปรดตรวจสอบ")
    if plan.assessment_year and plan.assessment_year != criteria.year:
        plan.skip(0, str(plan.assessment_year), f"เอกสารวิเคราะห์ผลการประเมินปี "
                  f"{plan.assessment_year} แต่คะแนนจะบันทึกเป็นของปี {criteria.year} โปรดตรวจสอบ")


def read_rows(plan, rows, criteria):
    reader = None
    for row in rows:
        kind = header_kind(row)
        if kind:
            reader = (AnalysisReader if kind == "analysis" else MeasureReader)(
                plan, criteria.names, reader)
            continue
        if score_row(plan, row, criteria) or is_score_header(row):
            continue
        if reader is None:
            plan.skip(row.line, " | ".join(" ".join(c) for c in row.cells),
                      "แถวตารางที่ไม่อยู่ใต้หัวตารางที่รู้จัก")
            continue
        reader.read(row)


def score_row(plan, row, criteria):
    """A row of a score table (ลำดับ | ตัวชี้วัด | คะแนน), whichever cells hold what: the row
    holds one decimal score and, without it and its row number, names an indicator or a tool."""
    texts = [row.text(i) for i in range(len(row.cells)) if row.text(i)]
    joined = words.numbers(" ".join(texts))
    found = SCORE.findall(joined)
    if len(texts) > 4 or len(found) != 1 or len(joined) > 150:
        return False
    rest = ROW_NUMBER.sub("", SCORE.sub(" ", joined), count=1)
    score = words.score_value(found[0])
    indicator = words.indicator_heading(rest, criteria)
    if indicator and score is not None:
        plan.add_score(indicator[0], score, row.line)
        return True
    tool = words.tool_heading(rest, criteria)
    if tool and score is not None:
        plan.tools.setdefault(tool[0], score)
        return True
    return False


def is_score_header(row):
    """The header of a score table (ลำดับ | ตัวชี้วัด | คะแนน): read, nothing to import."""
    cells = {words.squash(row.text(i)) for i in range(len(row.cells)) if row.text(i)}
    return bool(cells) and cells <= SCORE_HEADERS and "คะแนน" in " ".join(cells)
