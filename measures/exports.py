"""CSV and XLSX of exactly the rows a filtered measure list shows."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ita_portal.thai import thai_period
from measures.presenters import owner_names

HEADERS = ["ที่", "มาตรการ/แนวทาง", "ตัวชี้วัด", "ผู้รับผิดชอบ", "วันเริ่ม", "วันสิ้นสุด",
           "ระยะเวลา", "สถานะ", "เลยกำหนด", "ความคืบหน้า (%)", "รายงานล่าสุด"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def measure_rows(measures):
    for m in measures:
        yield [
            m.number, m.title, ", ".join(str(i.number) for i in m.indicators.all()),
            owner_names(m), m.start_date.isoformat(), m.end_date.isoformat(),
            thai_period(m.start_date, m.end_date, m.fiscal_year), m.get_status_display(),
            "ใช่" if m.is_overdue else "", m.percent,
            m.last_update_at.date().isoformat() if m.last_update_at else "",
        ]


def as_csv(measures, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 Thai correctly only with a BOM
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(measure_rows(measures))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(measures, filename):
    book = Workbook()
    sheet = book.active
    sheet.title = "มาตรการ"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in measure_rows(measures):
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJK", [6, 60, 10, 40, 12, 12, 28, 18, 10, 10, 14],
                             strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
