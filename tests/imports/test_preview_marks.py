"""The preview marks each row new, unchanged or changed (old → new), shows the scores with
their year and the counts by the confirm button; unticked rows are left out; undo writes
changed rows back."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from imports.document.write import owner_choices
from imports.models import BatchState, ImportBatch
from imports.services import apply, preview, undo
from indicators.models import IndicatorScore
from measures.models import Measure
from tests.imports import corpus

pytestmark = pytest.mark.django_db


def new_owners(batch):
    return {n: "new" for n, m in owner_choices(batch).items() if m is None}


def upload(client, text, year=2566):
    response = client.post(reverse("import-start"), {"fiscal_year": year, "text": text})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.latest("pk"), response.url


def imported_once(org, admin, text):
    batch = preview(organization=org, fiscal_year=2566, data=text.encode(), filename="a.txt",
                    by=admin)
    return apply(batch=batch, mapping=new_owners(batch), by=admin)


def test_marks_new_unchanged_and_changed_with_old_and_new(client, criteria, org, org_admin):
    source = corpus.text("sections_2565.txt")
    imported_once(org, org_admin, source)
    edited = source.replace("97.68 คะแนน", "98.01 คะแนน").replace(
        "ระยะเวลา: มกราคม - มีนาคม 2566", "ระยะเวลา: มกราคม - มิถุนายน 2566")
    client.force_login(org_admin)
    batch, url = upload(client, edited)
    page = client.get(url).content.decode()
    assert "คะแนนรายตัวชี้วัด ITA ปี ๒๕๖๕" in page and "คะแนน (๒๕๖๕)" in page
    assert "คะแนน: ๙๗.๖๘ → ๙๘.๐๑" in page
    assert "วันสิ้นสุด: ๓๑ มี.ค. ๖๖ → ๓๐ มิ.ย. ๖๖" in page
    assert page.count("มีอยู่แล้ว ไม่เปลี่ยน") >= 10
    counts = re.sub(r"<[^>]+>", "", page[page.index('id="counts"'):])
    assert "คะแนน: ใหม่ ๐ · เปลี่ยน ๑ · มีอยู่แล้ว ไม่เปลี่ยน ๙" in counts
    assert "มาตรการ: ใหม่ ๐ · เปลี่ยน ๑ · มีอยู่แล้ว ไม่เปลี่ยน ๑" in counts
    assert page.index('id="measures"') < page.index("ยืนยันการนำเข้า")  # confirm after content


def test_unticked_rows_are_left_out_and_undo_writes_changes_back(client, criteria, org,
                                                                 org_admin):
    source = corpus.text("sections_2565.txt")
    imported_once(org, org_admin, source.replace("มาตรการที่ 2", "มาตรการที่ 9"))
    edited = source.replace("97.68 คะแนน", "98.01 คะแนน")
    client.force_login(org_admin)
    batch, url = upload(client, edited)
    keys = re.findall(r'name="row" value="([^"]+)"', client.get(url).content.decode())
    assert "measures:1" in keys and "scores:1" in keys
    ticked = [k for k in keys if k != "measures:1"]  # untick measure 2 (new)
    response = client.post(url, {"select": "1", "row": ticked,
                                 **{f: "new" for f in client.get(url).context["form"].fields}})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.state == BatchState.APPLIED and batch.summary["skipped"] == 1
    assert not Measure.objects.filter(organization=org, number=2).exists()
    score = IndicatorScore.objects.get(organization=org, indicator__number=1)
    assert score.score == Decimal("98.01")
    undo(batch=batch, by=org_admin)
    score.refresh_from_db()
    assert score.score == Decimal("97.68")


def test_the_preview_lists_what_cannot_be_read(client, criteria, org_admin):
    client.force_login(org_admin)
    batch, url = upload(client, corpus.text("numbered_2565.txt"))
    page = client.get(url).content.decode()
    assert "องค์การบริหารส่วนตำบลโคกสูง" in page[page.index('id="unparsed"'):]
    assert "ข้อเสนอแนะจาก ป.ป.ช. (๒)" in page and "๘๑.๓๐" in page and ">B<" in page


def test_steps_and_owners_of_a_measure_already_there_change_and_undo(client, criteria, org,
                                                                     org_admin):
    source = corpus.text("sections_2565.txt")
    imported_once(org, org_admin, source)
    measure = Measure.objects.get(organization=org, fiscal_year=2566, number=1)
    assert measure.steps.count() == 2 and measure.owner_text == "กองคลัง"
    edited = source.replace("1.2 เผยแพร่บนเว็บไซต์หลักของเทศบาลภายในวันที่ 10 ของเดือนถัดไป",
                            "1.2 เผยแพร่บนเว็บไซต์หลักของเทศบาลภายในวันที่ 5 ของเดือนถัดไป\n"
                            "1.3 รายงานผลต่อผู้บริหารทุกไตรมาส").replace(
        "ผู้รับผิดชอบ: กองคลัง", "ผู้รับผิดชอบ: กองคลัง, สำนักปลัดเทศบาล", 1)
    client.force_login(org_admin)
    batch, url = upload(client, edited)
    page = client.get(url).content.decode()
    assert "ผู้รับผิดชอบตามเอกสาร: กองคลัง → กองคลัง, สำนักปลัดเทศบาล" in page
    assert ("ขั้นตอนที่ ๒ วิธีดำเนินการ: เผยแพร่บนเว็บไซต์หลักของเทศบาลภายในวันที่ 10"
            in page)
    assert "ขั้นตอนที่ ๓:  → รายงานผลต่อผู้บริหารทุกไตรมาส" in page
    batch = apply(batch=batch, mapping=new_owners(batch), by=org_admin)
    measure.refresh_from_db()
    steps = list(measure.steps.order_by("order").values_list("text", flat=True))
    assert steps[1].endswith("วันที่ 5 ของเดือนถัดไป") and len(steps) == 3
    assert measure.owner_text == "กองคลัง, สำนักปลัดเทศบาล"
    undo(batch=batch, by=org_admin)
    measure.refresh_from_db()
    steps = list(measure.steps.order_by("order").values_list("text", flat=True))
    assert steps[1].endswith("วันที่ 10 ของเดือนถัดไป") and len(steps) == 2
    assert measure.owner_text == "กองคลัง"
