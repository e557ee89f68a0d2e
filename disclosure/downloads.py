"""Downloads of the OIT checklist, ready for ITAS: code, name, มี/ไม่มี, URLs, explanation."""

from django.core.exceptions import PermissionDenied

from disclosure.selectors import checklist_items, item_passes
from disclosure.urlrules import encoded
from indicators.years import visible_years
from ita_portal.bounds import YEAR_MAX, YEAR_MIN, int_param
from ita_portal.spreadsheets import csv_response, xlsx_response
from ita_portal.thai import thai_digits
from organizations.scoping import as_reader_of, require_member

HEADERS = ["ข้อ", "ชื่อข้อมูล", "ตัวชี้วัดย่อย", "มี/ไม่มี", "URL", "คำอธิบาย", "หมายเหตุ"]
WIDTHS = [6, 50, 10, 8, 60, 50, 30]


def rows(items):
    for item in items:
        urls = [encoded(link.url) for link in item.active_links if not link.off_site_reason]
        off_site = [encoded(link.url) for link in item.active_links if link.off_site_reason]
        note = "URL ไม่อยู่บนเว็บไซต์หลัก: " + " ".join(off_site) if off_site else ""
        yield [item.oit_item.code, item.oit_item.name_th, item.oit_item.sub_indicator.code,
               "มี" if item_passes(item) else "ไม่มี", "\n".join(urls), item.explanation, note]


def as_csv(items, organization, year):
    return csv_response(HEADERS, rows(items), f"oit-{organization.slug}-{year}")


def as_xlsx(items, organization, year):
    return xlsx_response(HEADERS, rows(items), f"oit-{organization.slug}-{year}",
                         title=f"OIT {year}", widths=WIDTHS)


def pdf_content(user, params, organization_id):
    """The list PDF job's content: the year's checklist as the person saw it."""
    user = as_reader_of(user, organization_id)
    organization = require_member(user)
    year = int_param(params, "year", 0, YEAR_MIN, YEAR_MAX)
    if not visible_years(user).filter(year=year).exists():
        raise PermissionDenied("ไม่พบเกณฑ์ของปีนี้")
    pdf_rows = ([code, name, status, urls]
                for code, name, _, status, urls, _, _ in rows(checklist_items(organization, year)))
    return {"organization": organization,
            "title": f"รายการเปิดเผยข้อมูลสาธารณะ (OIT) ปี พ.ศ. {thai_digits(year)}",
            "headers": ["ข้อ", "ชื่อข้อมูล", "มี/ไม่มี", "URL"], "rows": pdf_rows,
            "widths": [7, 43, 10, 40], "filename": f"oit-{organization.slug}-{year}"}
