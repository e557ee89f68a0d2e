"""Malformed spreadsheets: the importer never crashes, never writes partially, and names the
sheet, row and column of everything it refuses."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from imports.services import apply, preview
from imports.upload import UnreadableDocument
from imports.workbook import layout
from measures.models import ImprovementIssue, Measure, MeasureStep
from organizations.models import Department, Position

pytestmark = pytest.mark.django_db
PLAUSIBLE = st.sampled_from([
    1, 2, 5, 9, 12, 0, -3, 2.5, True, "๓", "1, 9", "x", "", "กองคลัง", "สำนักปลัด", "นิติกร",
    "ตำแหน่ง", "สำนัก/กอง", "ทุกสำนัก ทุกกอง รวมถึงพนักงานทุกคน", "ปีละ 2 ครั้ง",
    "รายงานทุกครั้งที่มีการประชุม จนกว่าจะแล้วเสร็จ", "1/10/2564", "31/02/2565", "2022-03-31",
    datetime.datetime(2022, 1, 15), datetime.datetime(1999, 12, 31), "O1", "O33", "O99",
    "https://tambon-a.go.th/a", "ftp://x", "มาตรการทดสอบ", "x" * 400])
CELL = st.one_of(PLAUSIBLE, st.none(), st.text(alphabet=st.characters(
    blacklist_categories=("Cc", "Cs")), max_size=30))
SHEET_ROWS = st.lists(st.lists(CELL, min_size=1, max_size=13), max_size=6)
WORKBOOKS = st.dictionaries(st.sampled_from([s.key for s in layout.SHEETS]), SHEET_ROWS,
                            min_size=1)
FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
TITLES = {s.title for s in layout.SHEETS}


def workbook(content, broken_header=False):
    book = Workbook()
    for sheet in layout.SHEETS:
        if sheet.key not in content:
            continue
        ws = book.create_sheet(sheet.title)
        ws.append(sheet.headers[:-1] + ["ผิด"] if broken_header else sheet.headers)
        for row in content[sheet.key]:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def counts():
    return [m.objects.count() for m in (Measure, MeasureStep, ImprovementIssue, Department,
                                        Position)]


@FAST
@given(WORKBOOKS, st.booleans())
def test_any_workbook_is_imported_whole_or_refused_with_places(criteria, org, org_admin,
                                                               content, broken_header):
    before = counts()
    with transaction.atomic():
        try:
            batch = preview(organization=org, fiscal_year=2565, by=org_admin,
                            data=workbook(content, broken_header), filename="x.xlsx")
        except ValidationError as error:
            assert all(m.startswith("แผ่นงาน “") and m.split("”")[0][9:] in TITLES
                       for m in error.messages if not m.startswith("และอีก"))
            assert counts() == before
            event("refused")
        else:
            event("imported")
            assert not broken_header
            apply(batch=batch, mapping={}, by=org_admin)
            rows = batch.plan["rows"]
            assert Measure.objects.count() - before[0] == sum(
                1 for r in rows.get("measures", []) if r["action"] == "create")
        transaction.set_rollback(True)


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_named_xlsx_are_refused_in_thai(criteria, org, org_admin, data):
    with pytest.raises(UnreadableDocument, match="ไฟล์ Excel|แผ่นงาน"):
        preview(organization=org, fiscal_year=2565, data=data, filename="x.xlsx", by=org_admin)
