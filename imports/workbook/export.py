"""The workbook of one organisation and fiscal year: the blank template or all its data.

Both have the same sheets and columns (imports/layout.py), so an exported workbook can be
edited in Excel and imported again.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from disclosure.models import DisclosureItem
from disclosure.selectors import active_links_prefetch
from disclosure.services import ensure_checklist
from imports.workbook import layout, records
from indicators.years import year_in_progress
from ita_portal.spreadsheets import DATE_FORMAT, protect_formulas
from measures.models import Cadence, ImprovementIssue, Measure, MeasureStep
from organizations.models import Department, Position

HELP = (
    "แบบฟอร์มนำเข้าข้อมูล ITA: ประเด็นที่ต้องปรับปรุง มาตรการ ขั้นตอน ผู้รับผิดชอบ และรายการ OIT",
    "แถวแรกของทุกแผ่นงานคือหัวตาราง ห้ามแก้ไขหรือสลับคอลัมน์ แถวว่างจะถูกข้าม",
    "คอลัมน์ที่มีคำว่า (อ่านอย่างเดียว) ระบบไม่นำเข้า สถานะเปลี่ยนได้ในระบบเท่านั้น เพื่อให้มีประวัติ",
    "วันที่: ใช้เซลล์วันที่ หรือพิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 1/10/" + str(year_in_progress() - 1),
    "ผู้รับผิดชอบ: บรรทัดละหนึ่งชื่อ ต้องเป็นสำนัก/กองหรือตำแหน่งในแผ่นงาน “ผู้รับผิดชอบ” "
    "หรือ “ทุกสำนัก ทุกกอง รวมถึงพนักงานทุกคน”",
    "ประเด็นที่ต้องปรับปรุง: รหัสว่าง = เพิ่มใหม่ มีรหัส = แก้ไขรายการเดิม",
    "มาตรการและขั้นตอน: อ้างอิงด้วยลำดับมาตรการ แถวที่ไม่อยู่ในไฟล์จะคงไว้ ไม่ถูกลบ",
    "รอบการรายงาน: " + " / ".join(label for _, label in Cadence.choices),
    "หากมีแถวใดผิด ระบบจะแจ้งแผ่นงาน แถว และคอลัมน์ และจะไม่บันทึกข้อมูลใดเลย",
)
HEADER_FILL = PatternFill("solid", fgColor="E8ECF2")


def workbook_bytes(organization, fiscal_year, *, template=False):
    book = Workbook()
    _help_sheet(book.active, organization, fiscal_year, template)
    for sheet in layout.SHEETS:
        rows = [] if template and sheet.key in ("issues", "measures", "steps") else None
        _data_sheet(book, sheet, rows if rows is not None
                    else _snapshots(sheet.key, organization, fiscal_year))
    for ws in book.worksheets:
        protect_formulas(ws)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _help_sheet(ws, organization, fiscal_year, template):
    ws.title = "คำอธิบาย"
    what = "แบบฟอร์มเปล่า" if template else "ข้อมูลทั้งหมด"
    ws.append([f"{organization.name_th} · ปีงบประมาณ {fiscal_year} · {what}"])
    ws["A1"].font = Font(bold=True, size=14)
    for line in HELP:
        ws.append([line])
    ws.column_dimensions["A"].width = 120


def _data_sheet(book, sheet, rows):
    ws = book.create_sheet(sheet.title)
    ws.append(sheet.headers)
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([layout.to_cell(c, row.get(c.key)) for c in sheet.columns])
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        if column.kind == "date":
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = DATE_FORMAT
        if column.key == "cadence":
            _choices(ws, letter, [label for _, label in Cadence.choices])
        if sheet.key == "owners" and column.key == "kind":
            _choices(ws, letter, list(layout.OWNER_KINDS))
    ws.freeze_panes = "A2"


def _choices(ws, letter, labels):
    rule = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                          showErrorMessage=True, errorTitle="ค่าไม่ถูกต้อง",
                          error="เลือกจากรายการเท่านั้น")
    rule.add(f"{letter}2:{letter}2000")
    ws.add_data_validation(rule)


def _snapshots(key, organization, fiscal_year):
    return [SNAPSHOTS[key][0](obj) for obj in SNAPSHOTS[key][1](organization, fiscal_year)]


def _owners(org, _year):
    return [*Department.objects.filter(organization=org).order_by("order", "name_th"),
            *Position.objects.filter(organization=org).select_related("department")
            .order_by("name_th")]


OWNER_PREFETCH = ("owner_departments", "owner_positions")


def _issues(org, year):
    return (ImprovementIssue.objects.filter(organization=org, fiscal_year=year)
            .select_related("indicator").prefetch_related(*OWNER_PREFETCH)
            .order_by("indicator__number", "order", "pk"))


def _measures(org, year):
    return (Measure.objects.filter(organization=org, fiscal_year=year)
            .prefetch_related("indicators", *OWNER_PREFETCH).order_by("number"))


def _steps(org, year):
    return (MeasureStep.objects.filter(measure__organization=org, measure__fiscal_year=year)
            .select_related("measure").order_by("measure__number", "order"))


def _oit(org, year):
    ensure_checklist(org, year)
    return (DisclosureItem.objects.filter(organization=org, oit_item__year__year=year)
            .select_related("oit_item", "owner_department", "owner_position")
            .prefetch_related(active_links_prefetch()).order_by("oit_item__order"))


SNAPSHOTS = {"owners": (records.owner_snapshot, _owners),
             "issues": (records.issue_snapshot, _issues),
             "measures": (records.measure_snapshot, _measures),
             "steps": (records.step_snapshot, _steps),
             "oit": (records.oit_snapshot, _oit)}
