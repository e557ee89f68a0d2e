"""Tables that lost their structure: text copied out of a PDF or Word with one cell per line.

A run of three or more column-header lines (ตัวชี้วัด, ประเด็นที่ต้องปรับปรุง, …) opens a flat
table; its lines are put back into rows by what each says — an indicator heading, a text, an
owner, a period, a monitoring sentence — and handed to the table readers as if tabbed. The table
ends at the next header run or section heading.
"""

import re

from imports.document import words
from imports.document.periods import parse_period
from imports.document.source import Row

ANALYSIS_COLUMNS = ("ตัวชี้วัด", "ประเด็นที่ต้องปรับปรุง", "แนวทางการปรับปรุงแก้ไข",
                    "แนวทางการปรับปรุง", "แนวทางแก้ไข", "ผู้รับผิดชอบ", "การตรวจติดตามประเมินผล",
                    "การติดตามประเมินผล")
MEASURE_COLUMNS = ("มาตรการ/แนวทาง", "มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ",
                   "ระยะเวลาดำเนินการ", "ระยะเวลา", "การติดตามประเมินผล", "การติดตาม")
OWNER = re.compile(r"^(?:กอง|สำนัก|งาน|ฝ่าย|เจ้าหน้าที่|จนท|นัก|ผู้อำนวยการ|ผอ\.|หัวหน้า|ปลัด|"
                   r"รองปลัด|นายก|ทุกสำนัก|ทุกกอง|หน่วยตรวจสอบ|คณะ|พนักงาน|บุคลากร|ผู้บริหาร|"
                   r"ศูนย์|ผู้ดูแล)")
MONITORING = re.compile(r"รายงาน|ติดตาม|ประเมินผล|ทุกครั้งที่|ปีละ")


def header_of(text):
    plain = words.squash(text)
    if plain in {words.squash(c) for c in MEASURE_COLUMNS if c != "ผู้รับผิดชอบ"} - {
            words.squash(c) for c in ANALYSIS_COLUMNS}:
        return "measures"
    if plain in {words.squash(c) for c in ANALYSIS_COLUMNS}:
        return "analysis" if plain != "ผู้รับผิดชอบ" else "either"
    return None


def kind_of(text, fiscal_year, criteria):
    if words.is_item(text):
        return "text"
    if len(text) < 120 and words.indicator_heading(text, criteria):
        return "indicator"
    if len(text) < 80 and OWNER.match(text):
        return "owner"
    if len(text) < 60 and parse_period(text, fiscal_year):
        return "period"
    if MONITORING.search(text):
        return "monitoring"
    return "text"


def split(lines, fiscal_year, criteria):
    """(rows rebuilt from flat tables, the free lines left over)."""
    rows, free, index = [], [], 0
    while index < len(lines):
        kind, width = _header_run(lines, index)
        if width < 3:
            free.append(lines[index])
            index += 1
            continue
        rows.append(Row(lines[index].line, [[lines[index + i].text] for i in range(width)]))
        end = _table_end(lines, index + width)
        body = [(line, kind_of(line.text, fiscal_year, criteria))
                for line in lines[index + width:end]]
        rows += (_analysis_rows if kind == "analysis" else _measure_rows)(body)
        index = end
    return rows, free


def _header_run(lines, index):
    kinds = []
    while index + len(kinds) < len(lines):
        found = header_of(lines[index + len(kinds)].text)
        if found is None:
            break
        kinds.append(found)
    kind = "measures" if "measures" in kinds else "analysis"
    return kind, len(kinds)


def _table_end(lines, index):
    while index < len(lines):
        if (_header_run(lines, index)[1] >= 3 or words.section_of(lines[index].text)
                and not words.is_item(lines[index].text)):
            return index
        index += 1
    return index


def _analysis_rows(body):
    rows, cells, line = [], None, None
    for item, kind in body:
        if kind == "indicator" or cells is None or (kind == "text" and (cells[3] or cells[4]
                                                                         or cells[2])):
            if cells:
                rows.append(Row(line, [[c] if c else [] for c in cells]))
            cells, line = ["", "", "", "", ""], item.line
        column = {"indicator": 0, "owner": 3, "monitoring": 4, "period": 4}.get(kind)
        if column is None:
            column = 1 if not cells[1] else 2
        cells[column] = f"{cells[column]} {item.text}".strip()
    if cells:
        rows.append(Row(line, [[c] if c else [] for c in cells]))
    return rows


def _measure_rows(body):
    """A measure's title is the text just before a step numbered 1; other texts are steps;
    owners, periods and monitoring go to the row of the text above them."""
    texts = [item.text for item, kind in body if kind in ("text", "indicator")]
    rows, cells, line, position, last_head = [], None, None, 0, 0
    for item, kind in body:
        if kind not in ("text", "indicator"):
            column = {"owner": 2, "period": 3}.get(kind, 4)
            if cells is None:
                cells, line = ["", "", "", "", ""], item.line
                rows.append((line, cells))
            cells[column] = f"{cells[column]} {item.text}".strip()
            continue
        position += 1
        if cells is not None and cells[0] and not cells[1]:
            cells[1] = item.text
        elif _is_head(item.text, texts[position:], last_head):
            last_head = words.numbered(item.text) or last_head + 1
            cells, line = [item.text, "", "", "", ""], item.line
            rows.append((line, cells))
        else:
            cells, line = ["", item.text, "", "", ""], item.line
            rows.append((line, cells))
    return [Row(number, [[c] if c else [] for c in row]) for number, row in rows]


def _is_head(text, following, last_head):
    """A measure's title: numbered next after the last one in this table (any number for the
    first), and followed by a step 1 before any other numbered step."""
    if last_head and words.numbered(text) not in (None, last_head + 1):
        return False
    for after in following:
        number = words.numbered(after)
        if number is not None:
            return number == 1
    return False
