"""Review M5 and M6: values are range-checked where they enter, so a typo cannot make pages
answer 500 for everyone, and odd query strings and URLs get a page or a Thai error."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.services import ensure_checklist
from imports.services import preview
from measures.models import Measure
from tests.imports.workbook_helpers import Editor, export
from tests.measures.test_manage import measure_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "value"), [
    ("fiscal_year", "101"), ("fiscal_year", "32767"), ("fiscal_year", "๕๐"),
    ("end_date", "9999-12-31"), ("start_date", "0001-01-01"),
])
def test_measure_edit_refuses_values_that_cannot_be_shown(client, org_admin, org, measure,
                                                          field, value):
    client.force_login(org_admin)
    data = measure_post(org, number="1", **{field: value, "steps-TOTAL_FORMS": "0"})
    response = client.post(reverse("measure-edit", args=[measure.pk]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "ปี พ.ศ." in body or "ต้องเป็น" in body or "ไม่ถูกต้อง" in body
    stored = Measure.objects.get(pk=measure.pk)
    assert stored.fiscal_year == 2570 and stored.end_date == measure.end_date
    for url in (reverse("measure-detail", args=[measure.pk]), reverse("measure-list"),
                reverse("my-measures")):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("query", ["?year=²", "?year=" + "9" * 5000, "?year=-1", "?year=๒๕๖๕"])
def test_issue_list_year_parameter(client, owner, query):
    client.force_login(owner)
    assert client.get(reverse("issue-list") + query).status_code == 200


@pytest.mark.parametrize("query", ["?per_page=-1", "?per_page=0", "?per_page=²",
                                   "?per_page=99999999999", "?page=-3"])
def test_measure_list_paging_parameters(client, owner, measure, query):
    client.force_login(owner)
    assert client.get(reverse("measure-list") + query).status_code == 200


@pytest.mark.parametrize("year", ["32768", "101", "99999"])
def test_years_outside_the_range_are_not_found(client, owner, year):
    client.force_login(owner)
    assert client.post(f"/disclosure/{year}/check/").status_code == 404
    assert client.get(f"/disclosure/{year}/").status_code == 404
    assert client.get(f"/criteria/{year}/").status_code == 404


def test_oit_url_longer_than_the_column_is_a_thai_error(client, criteria, org, org_admin):
    ensure_checklist(org, 2565)
    item = org.disclosure_items.get(oit_item__code="O1")
    client.force_login(org_admin)
    response = client.post(reverse("disclosure-item", args=[item.pk]), {
        "version": item.version, "status": "present", "explanation": "",
        "urls": "https://tambon-a.go.th/" + "a" * 1000, "due_date": "9999-12-31"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "URL ยาวเกิน 1000 ตัวอักษร" in body and "วันที่ต้องอยู่ในช่วงปี" in body
    assert not item.links.exists()


def test_progress_date_out_of_range_is_a_thai_error(client, owner, measure):
    from tests.measures.test_views import update_post

    client.force_login(owner)
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           update_post(measure, reported_on="0001-01-01"))
    assert response.status_code == 400 and "วันที่ต้องอยู่ในช่วงปี" in response.content.decode()


def test_workbook_numbers_and_dates_out_of_range_are_cell_errors(criteria, org, org_admin,
                                                               measure):
    Measure.objects.filter(pk=measure.pk).update(fiscal_year=2565)
    book = Editor(export(org))
    row = book.find("มาตรการ", "ลำดับมาตรการ", 1)
    book.set("มาตรการ", row, "วันสิ้นสุด", "31/12/9999")
    book.append("มาตรการ", {"ลำดับมาตรการ": 32768, "มาตรการ/แนวทาง": "ใหม่",
                            "วันเริ่ม": "1/10/2564", "วันสิ้นสุด": "30/9/2565"})
    step_row = book.find("ขั้นตอน", "ลำดับมาตรการ", 1)
    book.set("ขั้นตอน", step_row, "ลำดับขั้นตอน", 1e300)
    with pytest.raises(ValidationError) as info:
        preview(organization=org, fiscal_year=2565, data=book.bytes(), filename="x.xlsx",
                by=org_admin)
    messages = " ".join(info.value.messages)
    assert "วันที่ต้องอยู่ในช่วงปี" in messages and "ระหว่าง 0–32767" in messages
    assert load_workbook(io.BytesIO(book.bytes()))  # still a workbook
    assert Measure.objects.filter(organization=org).count() == 1
