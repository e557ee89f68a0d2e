"""CSV and XLSX downloads of a header row and data rows, readable in Thai Excel.

Text that a spreadsheet would run as a formula (beginning with = + - @ tab or CR) is
neutralised: in CSV it gets a leading apostrophe; in XLSX it stays exactly as it is but is
written as a text cell marked "quote prefix", so Excel shows it and never evaluates it, and
the workbook imports back unchanged.
"""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "[$-th-TH,107]d/m/yyyy;@"  # a date cell Excel shows in the Thai (B.E.) calendar
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_safe(value):
    return "'" + value if looks_like_formula(value) else value


def protect_formulas(sheet):
    """Make every text cell that starts like a formula a plain text cell."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" or looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def csv_response(headers, rows, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 Thai correctly only with a BOM
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([csv_safe(value) for value in row] for row in rows)
    return _attachment(HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"),
                       f"{filename}.csv")


def xlsx_response(headers, rows, filename, *, title, widths):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.is_date:
                cell.number_format = DATE_FORMAT
    protect_formulas(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE),
                       f"{filename}.xlsx")
