"""Review M1: text that starts like a formula is never a live formula in an export, and the
workbook export → import round trip stays exact."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.models import DisclosureItem
from disclosure.services import ensure_checklist
from imports.services import preview
from measures.models import Measure, MeasureStep
from tests.imports.workbook_helpers import export, values
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db
HOSTILE = ['=HYPERLINK("http://attacker/","รายละเอียด")', "+cmd|' /C calc'!A0",
           "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]


def titled(org, number, title):
    measure = make_measure(org, number)
    Measure.objects.filter(pk=measure.pk).update(title=title)
    return measure


def live_formulas(data):
    book = load_workbook(io.BytesIO(data))
    return [(ws.title, c.coordinate) for ws in book.worksheets for row in ws.iter_rows()
            for c in row if c.data_type == "f"]


def cells(data):
    book = load_workbook(io.BytesIO(data))
    return {c.value: c for ws in book.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)}


def test_measure_exports_neutralise_formulas(client, owner, org):
    for number, title in enumerate(HOSTILE, start=1):
        titled(org, number, title)
    client.force_login(owner)
    url = reverse("measure-list") + "?fiscal_year=2570"
    xlsx = client.get(url + "&export=xlsx").content
    assert live_formulas(xlsx) == []
    found = cells(xlsx)
    for title in HOSTILE:
        assert found[title].data_type == "s" and found[title].quotePrefix
    rows = list(csv.reader(io.StringIO(client.get(url + "&export=csv").content
                                       .decode("utf-8-sig"))))
    titles = {r[1] for r in rows[1:]}
    assert titles == {"'" + t for t in HOSTILE}


def test_oit_explanation_is_not_a_formula_in_the_itas_export(client, criteria, org, owner,
                                                           org_admin):
    ensure_checklist(org, 2565)
    DisclosureItem.objects.filter(organization=org, oit_item__code="O1").update(
        explanation=HOSTILE[0])
    client.force_login(org_admin)
    url = reverse("checklist", args=[2565])
    assert live_formulas(client.get(url + "?export=xlsx").content) == []
    body = client.get(url + "?export=csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(" in body and ",=HYPERLINK(" not in body


def test_workbook_with_formula_like_text_round_trips_exactly(criteria, org, org_admin):
    measure = titled(org, 1, "=1+1 มาตรการ")
    Measure.objects.filter(pk=measure.pk).update(fiscal_year=2565)
    MeasureStep.objects.filter(measure=measure, order=1).update(text="@ผู้บริหาร รับทราบ")
    MeasureStep.objects.filter(measure=measure, order=2).update(text="-ประกาศผล")
    data = export(org)
    assert live_formulas(data) == []
    read = values(data)["มาตรการ"]
    assert [r["title"] for r in read] == ["=1+1 มาตรการ"]
    batch = preview(organization=org, fiscal_year=2565, data=data, filename="ita.xlsx",
                    by=org_admin)
    actions = {r["action"] for rows in batch.plan["rows"].values() for r in rows}
    assert actions <= {"same"}
    assert Measure.objects.get(pk=measure.pk).title == "=1+1 มาตรการ"
