"""Downloads of the measure list on screen: exactly its filtered rows as CSV, XLSX or PDF."""

from ita_portal.spreadsheets import csv_response, xlsx_response
from ita_portal.thai import local_date, thai_digits, thai_period
from measures.filters import filtered_measures
from measures.presenters import owner_names
from organizations.scoping import as_reader_of, require_member

HEADERS = ["ที่", "มาตรการ/แนวทาง", "ตัวชี้วัด", "ผู้รับผิดชอบ", "วันเริ่ม", "วันสิ้นสุด",
           "ระยะเวลา", "สถานะ", "เลยกำหนด", "ความคืบหน้า (%)", "รายงานล่าสุด"]
WIDTHS = [6, 60, 10, 40, 12, 12, 28, 18, 10, 10, 14]


def measure_rows(measures):
    for m in measures:
        yield [
            m.number, m.title, ", ".join(str(i.number) for i in m.indicators.all()),
            owner_names(m), m.start_date, m.end_date,  # date cells in XLSX, ISO in CSV
            thai_period(m.start_date, m.end_date, m.fiscal_year), m.get_status_display(),
            "ใช่" if m.is_overdue else "", m.percent,
            local_date(m.last_update_at) if m.last_update_at else "",
        ]


def as_csv(measures, filename):
    return csv_response(HEADERS, measure_rows(measures), filename)


def as_xlsx(measures, filename):
    return xlsx_response(HEADERS, measure_rows(measures), filename, title="มาตรการ",
                         widths=WIDTHS)


PDF_HEADERS = ["ที่", "มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา", "สถานะ", "ร้อยละ"]
PDF_WIDTHS = [5, 37, 20, 16, 14, 8]  # "ร้อยละ" and "ยังไม่เริ่ม (เลยกำหนด)" fit whole


def pdf_rows(measures):
    for m in measures:
        status = m.get_status_display() + (" (เลยกำหนด)" if m.is_overdue else "")
        yield [thai_digits(m.number), m.title, owner_names(m),
               thai_period(m.start_date, m.end_date, m.fiscal_year), status,
               thai_digits(m.percent)]


def pdf_content(user, params, organization_id):
    """The list PDF job's content: the filtered rows as the person saw them."""
    user = as_reader_of(user, organization_id)
    organization = require_member(user)
    measure_filter, rows, _ = filtered_measures(user, params, organization)
    year = measure_filter.form.cleaned_data.get("fiscal_year")
    title = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    if year:
        title += f" ประจำปีงบประมาณ พ.ศ. {thai_digits(year)}"
    return {"organization": organization, "title": title, "headers": PDF_HEADERS,
            "rows": pdf_rows(rows), "widths": PDF_WIDTHS,
            "filename": f"measures-{year or 'all'}"}
