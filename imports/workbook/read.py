"""Read an uploaded workbook into rows of values, every unreadable cell reported by place."""

import io
import zipfile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from imports.limits import check_archive
from imports.upload import UnreadableDocument, check_size
from imports.workbook import layout

MAX_ROWS = 5000


def problem(sheet, row, column, message):
    return {"sheet": sheet.title, "row": row, "column": column, "message": message}


def describe(error):
    where = f"แผ่นงาน “{error['sheet']}”"
    if error["row"]:
        where += f" แถว {error['row']}"
    if error["column"]:
        where += f" คอลัมน์ “{error['column']}”"
    return f"{where}: {error['message']}"


def open_workbook(data):
    check_archive(data)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError,
            TypeError, IndexError, AttributeError, SyntaxError) as error:
        raise UnreadableDocument("อ่านไฟล์ Excel ไม่ได้ โปรดบันทึกเป็น .xlsx จากแบบฟอร์มของระบบ"
                                 ) from error


def read_workbook(data):
    """({sheet key: [(row number, values)]}, [problems]) for the sheets the file has."""
    check_size(data)
    book = open_workbook(data)
    rows, problems = {}, []
    found = [s for s in layout.SHEETS if s.title in book.sheetnames]
    if not found:
        book.close()
        raise UnreadableDocument("ไม่พบแผ่นงานของแบบฟอร์ม (" + ", ".join(
            s.title for s in layout.SHEETS) + ") โปรดใช้แบบฟอร์มที่ดาวน์โหลดจากระบบ")
    try:
        for sheet in found:
            rows[sheet.key] = _read_sheet(sheet, book[sheet.title], problems)
    except (KeyError, ValueError, TypeError, IndexError, AttributeError, SyntaxError,
            zipfile.BadZipFile) as error:
        raise UnreadableDocument("อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย") from error
    finally:
        book.close()
    return rows, problems


def _read_sheet(sheet, ws, problems):
    lines = ws.iter_rows(values_only=True)
    header = [str(v).strip() if v is not None else "" for v in next(lines, ())]
    if header[:len(sheet.columns)] != sheet.headers:
        problems.append(problem(sheet, 1, "", "หัวตารางไม่ตรงกับแบบฟอร์ม ต้องเป็น: "
                                + " | ".join(sheet.headers)))
        return []
    out = []
    for number, cells in enumerate(lines, start=2):
        cells = list(cells)[:len(sheet.columns)]
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        if len(out) >= MAX_ROWS:
            problems.append(problem(sheet, number, "", f"เกิน {MAX_ROWS} แถวต่อแผ่นงาน"))
            break
        out.append((number, _read_row(sheet, number, cells, problems)))
    return out


def _read_row(sheet, number, cells, problems):
    cells += [None] * (len(sheet.columns) - len(cells))
    values = {}
    for column, raw in zip(sheet.columns, cells, strict=True):
        try:
            values[column.key] = layout.from_cell(column, raw)
        except layout.CellError as error:
            problems.append(problem(sheet, number, column.header, str(error)))
            values[column.key] = None
    return values
