"""ITAS-ready export of the checklist: item code, name, มี/ไม่มี, URLs, explanation."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from disclosure.selectors import item_passes
from measures.exports import XLSX_TYPE

HEADERS = ["ข้อ", "ชื่อข้อมูล", "ตัวชี้วัดย่อย", "มี/ไม่มี", "URL", "คำอธิบาย", "หมายเหตุ"]


def rows(items):
    for item in items:
        urls = [link.url for link in item.active_links if not link.off_site_reason]
        off_site = [link.url for link in item.active_links if link.off_site_reason]
        note = "URL ไม่อยู่บนเว็บไซต์หลัก: " + " ".join(off_site) if off_site else ""
        yield [item.oit_item.code, item.oit_item.name_th, item.oit_item.sub_indicator.code,
               "มี" if item_passes(item) else "ไม่มี", "\n".join(urls), item.explanation, note]


def _filename(organization, year, ext):
    return f'attachment; filename="oit-{organization.slug}-{year}.{ext}"'


def as_csv(items, organization, year):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows(items))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _filename(organization, year, "csv")
    return response


def as_xlsx(items, organization, year):
    book = Workbook()
    sheet = book.active
    sheet.title = f"OIT {year}"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(items):
        sheet.append(row)
    for column, width in zip("ABCDEFG", [6, 50, 10, 8, 60, 50, 30], strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _filename(organization, year, "xlsx")
    return response
