"""The workbook layout shared by the template, the export and the import.

One sheet each for owners, improvement issues, measures, measure steps and OIT items. Every
cell converts to one JSON-able value and back, so export → edit in Excel → import round-trips:
dates are real date cells (shown in B.E.), lists are one item per line, read-only columns
(status, percent, OIT item names) are exported for reading and ignored on import.
"""

import datetime
import re
from dataclasses import dataclass

from ita_portal.bounds import SMALL_MAX, date_problem
from ita_portal.thai import BE_OFFSET, arabic_digits


class CellError(ValueError):
    """A cell that cannot be read; the message is Thai and names what is expected."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    kind: str = "text"  # text, int, ints, lines, date, cadence, readonly
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    columns: tuple

    @property
    def headers(self):
        return [c.header for c in self.columns]

    @property
    def writable(self):
        return [c for c in self.columns if c.kind != "readonly"]


OWNERS = Sheet("owners", "ผู้รับผิดชอบ", (
    Column("kind", "ประเภท (สำนัก/กอง หรือ ตำแหน่ง)", 24, required=True),
    Column("name", "ชื่อ", 40, required=True),
    Column("department", "สังกัดสำนัก/กอง (ของตำแหน่ง)", 30),
    Column("aliases", "ชื่ออื่นที่เอกสารใช้ (คั่นด้วย ,)", 40),
))
ISSUES = Sheet("issues", "ประเด็นที่ต้องปรับปรุง", (
    Column("id", "รหัส (ว่าง = เพิ่มใหม่)", 12, "int"),
    Column("indicator", "ตัวชี้วัดที่", 10, "int", required=True),
    Column("order", "ลำดับ", 8, "int"),
    Column("title", "ประเด็นที่ต้องปรับปรุง", 50, required=True),
    Column("approach", "แนวทางการปรับปรุงแก้ไข", 50),
    Column("owners", "ผู้รับผิดชอบ (บรรทัดละหนึ่ง)", 30, "lines"),
    Column("owner_text", "ผู้รับผิดชอบตามเอกสาร", 30),
    Column("monitoring", "การตรวจติดตามประเมินผล", 40),
    Column("cadence", "รอบการรายงาน", 22, "cadence"),
))
MEASURES = Sheet("measures", "มาตรการ", (
    Column("number", "ลำดับมาตรการ", 10, "int", required=True),
    Column("title", "มาตรการ/แนวทาง", 50, required=True),
    Column("indicators", "ตัวชี้วัดที่เกี่ยวข้อง (คั่นด้วย ,)", 14, "ints"),
    Column("owners", "ผู้รับผิดชอบ (บรรทัดละหนึ่ง)", 30, "lines"),
    Column("owner_text", "ผู้รับผิดชอบตามเอกสาร", 30),
    Column("start_date", "วันเริ่ม", 14, "date", required=True),
    Column("end_date", "วันสิ้นสุด", 14, "date", required=True),
    Column("period_text", "ระยะเวลาตามเอกสาร", 24),
    Column("monitoring", "การติดตามประเมินผล", 40),
    Column("cadence", "รอบการรายงาน", 22, "cadence"),
    Column("status", "สถานะ (อ่านอย่างเดียว)", 18, "readonly"),
    Column("percent", "ร้อยละ (อ่านอย่างเดียว)", 10, "readonly"),
))
STEPS = Sheet("steps", "ขั้นตอน", (
    Column("measure", "ลำดับมาตรการ", 10, "int", required=True),
    Column("order", "ลำดับขั้นตอน", 10, "int", required=True),
    Column("text", "วิธีดำเนินการ", 60, required=True),
    Column("owner_text", "ผู้รับผิดชอบขั้นตอน", 30),
    Column("period_text", "ระยะเวลาของขั้นตอน", 24),
    Column("start_date", "วันเริ่ม", 14, "date"),
    Column("end_date", "วันสิ้นสุด", 14, "date"),
))
OIT = Sheet("oit", "รายการ OIT", (
    Column("code", "ข้อ", 8, required=True),
    Column("name", "ชื่อข้อมูล (อ่านอย่างเดียว)", 45, "readonly"),
    Column("status", "สถานะ (อ่านอย่างเดียว)", 16, "readonly"),
    Column("urls", "URL หลักฐาน (บรรทัดละหนึ่ง)", 60, "lines"),
    Column("department", "สำนัก/กองที่รับผิดชอบ", 26),
    Column("position", "ตำแหน่งที่รับผิดชอบ", 26),
    Column("due_date", "กำหนดเสร็จ", 14, "date"),
    Column("explanation", "คำอธิบายสำหรับ ITAS", 45),
))
SHEETS = (OWNERS, ISSUES, MEASURES, STEPS, OIT)
OWNER_KINDS = {"สำนัก/กอง": "department", "ตำแหน่ง": "position"}
_DATE_TEXT = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def to_cell(column, value):
    """The cell for a JSON-able value: dates as date cells, lists one per line."""
    if value is None or value == "" or value == []:
        return None
    if column.kind == "date":
        return datetime.date.fromisoformat(value)
    if column.kind == "ints":
        return ", ".join(str(v) for v in value)
    if column.kind == "lines":
        return "\n".join(value)
    return value


def from_cell(column, raw):
    """The JSON-able value of a cell (None when empty), or CellError in Thai."""
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        if column.required:
            raise CellError("ต้องกรอก")
        return [] if column.kind in ("ints", "lines") else None
    return _READERS[column.kind](raw)


def _text(raw):
    if isinstance(raw, datetime.datetime):
        raise CellError("ต้องเป็นข้อความ ไม่ใช่วันที่")
    text = str(raw)
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    return text


def _int(raw):
    if isinstance(raw, bool) or isinstance(raw, datetime.date):
        raise CellError("ต้องเป็นจำนวนเต็ม")
    if isinstance(raw, float) and raw.is_integer():
        return _small(int(raw))
    text = arabic_digits(str(raw)).strip()
    if not text.isdigit() or len(text) > 6:
        raise CellError(f"ต้องเป็นจำนวนเต็ม ไม่ใช่ “{str(raw)[:40]}”")
    return _small(int(text))


def _small(value):
    """Numbers and orders are stored as smallint (review M6: 32768 answered 500)."""
    if not 0 <= value <= SMALL_MAX:
        raise CellError(f"ต้องเป็นจำนวนเต็มระหว่าง 0–{SMALL_MAX}")
    return value


def _ints(raw):
    parts = [p for p in re.split(r"[,\s]+", arabic_digits(str(raw))) if p]
    return [_int(p) for p in parts]


def _lines(raw):
    return [line.strip() for line in _text(raw).splitlines() if line.strip()]


def _date(raw):
    if isinstance(raw, datetime.datetime):
        raw = raw.date()
    if isinstance(raw, datetime.date):
        return _in_range(raw).isoformat()
    text = arabic_digits(str(raw)).strip()
    found = _DATE_TEXT.match(text) or _ISO.match(text)
    try:
        if found and found.re is _DATE_TEXT:
            day, month, year = (int(g) for g in found.groups())
            year = year - BE_OFFSET if year > 2400 else year
            return _in_range(datetime.date(year, month, day)).isoformat()
        if found:
            return _in_range(datetime.date(*(int(g) for g in found.groups()))).isoformat()
    except CellError:
        raise
    except ValueError:
        pass
    raise CellError(f"วันที่ไม่ถูกต้อง “{str(raw)[:40]}” (ใช้ วัน/เดือน/ปี พ.ศ. เช่น ๑/๑๐/๒๕xx)")


def _in_range(value):
    if problem := date_problem(value):
        raise CellError(problem)
    return value


def _cadence(raw):
    """The cadence's label, from the label itself or words like "ปีละ 2 ครั้ง"."""
    from imports.document.recognise import cadence_of
    from measures.models import Cadence

    text = _text(raw)
    labels = dict(Cadence.choices)
    found = text if text in labels.values() else labels.get(cadence_of(text))
    if found is None:
        raise CellError("ต้องเป็นหนึ่งใน: " + " / ".join(labels.values()))
    return found


_READERS = {"text": _text, "int": _int, "ints": _ints, "lines": _lines, "date": _date,
            "cadence": _cadence, "readonly": lambda raw: None}
