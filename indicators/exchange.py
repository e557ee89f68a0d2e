"""A year's criteria document (see indicators.spec) as a file: JSON or a workbook, both ways.

The workbook has one sheet per table with the document's keys as its header row, so the
file the portal exports is the file an operator edits and uploads again.
"""

import io
import json

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from indicators.spec import YEAR_FIELDS

MAX_BYTES = 2 * 1024 * 1024
TABLES = {  # key: (sheet title, columns)
    "tools": ("เครื่องมือ", ("code", "name_th", "name_en", "weight")),
    "indicators": ("ตัวชี้วัด", ("number", "tool", "name_th", "name_en")),
    "bands": ("ระดับผล", ("label", "min_total", "min_each_tool")),
    "sub_indicators": ("ตัวชี้วัดย่อย", ("indicator", "code", "name_th")),
    "oit_items": ("รายการ OIT", ("code", "subindicator", "group_th", "name_th", "name_en",
                                 "data_period", "data_period_derived", "evidence_th",
                                 "verified", "note_th", "portal_document")),
    "crosswalk": ("ตารางเทียบข้อ", ("from_code", "to_code", "relation", "note")),
}
YEAR_SHEET = "ปี"


def spec_json(spec):
    return json.dumps(spec, ensure_ascii=False, indent=1).encode("utf-8")


def spec_workbook(spec):
    book = Workbook()
    sheet = book.active
    sheet.title = YEAR_SHEET
    for name in (*YEAR_FIELDS, "crosswalk_from", "format"):
        sheet.append([name, spec.get(name)])
    for key, (title, columns) in TABLES.items():
        sheet = book.create_sheet(title)
        sheet.append(list(columns))
        for row in spec.get(key, []):
            sheet.append([_cell_out(row.get(c)) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_out(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # never a live formula
    return value


def read_file(data):
    """The document in an uploaded file (JSON or XLSX), or ValidationError in Thai."""
    if len(data) > MAX_BYTES:
        raise ValidationError("ไฟล์ใหญ่เกิน ๒ เมกะไบต์")
    if data[:2] == b"PK":
        return _read_workbook(data)
    try:
        spec = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError("อ่านไฟล์ไม่ได้: ต้องเป็นไฟล์ .json หรือ .xlsx ที่ส่งออกจากระบบ")\
            from None
    if not isinstance(spec, dict):
        raise ValidationError("ไฟล์ JSON ต้องเป็นเกณฑ์ของปีเดียว (object)")
    return spec


def _read_workbook(data):
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ValidationError("อ่านไฟล์ .xlsx ไม่ได้ (ไฟล์เสียหรือไม่ใช่ไฟล์ Excel)") from None
    if YEAR_SHEET not in book.sheetnames:
        raise ValidationError(f"ไม่พบแผ่นงาน “{YEAR_SHEET}” ในไฟล์")
    spec = {str(k): v for k, v, *_ in book[YEAR_SHEET].iter_rows(values_only=True) if k}
    for key, (title, columns) in TABLES.items():
        if title not in book.sheetnames:
            raise ValidationError(f"ไม่พบแผ่นงาน “{title}” ในไฟล์")
        rows = list(book[title].iter_rows(values_only=True))
        header = [str(h or "").strip() for h in (rows[0] if rows else ())]
        if header[:len(columns)] != list(columns):
            raise ValidationError(f"แผ่นงาน “{title}”: หัวตารางต้องเป็น {', '.join(columns)}")
        spec[key] = [_row(columns, r) for r in rows[1:] if any(v not in (None, "") for v in r)]
    return spec


def _row(columns, values):
    out = {}
    for column, value in zip(columns, values, strict=False):
        if isinstance(value, str) and value.startswith("'"):
            value = value[1:]
        out[column] = "" if value is None else value
    return out
