"""The operator's criteria pages: who may open them, and each write through the browser."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from indicators.exchange import read_file
from indicators.models import AssessmentYear, CriteriaStatus, ItemCrosswalk
from organizations.models import Role
from tests.personas import make_user

pytestmark = pytest.mark.django_db
OPERATOR_PAGES = [("criteria-manage", []), ("criteria-import", []), ("criteria-edit", [2566]),
                  ("criteria-item-new", [2566]), ("criteria-item", [2566, "O1"]),
                  ("criteria-merge", [2566]), ("criteria-crosswalk", [2566])]


def latest():
    return AssessmentYear.objects.order_by("-year").values_list("year", flat=True).first()


@pytest.fixture
def operator(db):
    return make_user("operator", None, Role.OVERSEER, is_staff=True)


@pytest.mark.parametrize(("name", "args"), OPERATOR_PAGES)
def test_only_the_operator_opens_the_criteria_pages(client, personas, overseer, operator,
                                                    criteria, name, args):
    url = reverse(name, args=args)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for user in [*personas.values(), overseer]:
        client.force_login(user)
        assert client.get(url).status_code == 403, user.username
    client.force_login(operator)
    assert client.get(url).status_code == 200


def test_members_read_a_year_with_its_status_and_unverified_rows(client, owner, criteria):
    AssessmentYear.objects.filter(year=2566).update(status=CriteriaStatus.PROVISIONAL)
    year = AssessmentYear.objects.get(year=2566)
    year.oit_items.filter(code="O2").update(verified=False, note_th="ชื่อจากแหล่งเดียว")
    client.force_login(owner)
    body = client.get(reverse("criteria", args=[2566])).content.decode()
    assert "สถานะของเกณฑ์: ใช้งานชั่วคราว" in body
    assert "ยังไม่ยืนยันกับคู่มือ ป.ป.ช.: ชื่อจากแหล่งเดียว" in body
    assert "[P" not in body and "[U]" not in body and "จัดการเกณฑ์ปี" not in body


def test_a_draft_of_a_future_year_is_hidden_from_organisations(client, owner, operator,
                                                               criteria):
    client.force_login(operator)
    client.post(reverse("criteria-start"), {"source": latest(), "year": 2690})
    assert AssessmentYear.objects.get(year=2690).status == CriteriaStatus.DRAFT
    client.force_login(owner)
    assert client.get(reverse("criteria", args=[2690])).status_code == 404
    assert client.get(reverse("checklist", args=[2690])).status_code == 404


def test_operator_starts_renames_merges_confirms_and_publishes(client, operator, criteria):
    client.force_login(operator)
    response = client.post(reverse("criteria-start"), {"source": latest(), "year": 2690})
    assert response.status_code == 302
    item = AssessmentYear.objects.get(year=2690).oit_items.get(code="O2")
    data = {"code": "O2", "sub_indicator": item.sub_indicator_id, "group_th": item.group_th,
            "name_th": "ผู้บริหารและช่องทางติดต่อ", "name_en": "", "data_period": "standing",
            "evidence_th": "รายชื่อและช่องทางติดต่อผู้บริหาร", "verified": "on", "note_th": "",
            "portal_document": "", "reason": ""}
    assert client.post(reverse("criteria-item", args=[2690, "O2"]), data).status_code == 302
    year = AssessmentYear.objects.get(year=2690)
    o1, o3 = year.oit_items.get(code="O1"), year.oit_items.get(code="O3")
    response = client.post(reverse("criteria-merge", args=[2690]),
                           {"keep": o1.pk, "others": [o3.pk], "name_th": "", "reason": ""})
    assert response.status_code == 302
    page = client.get(reverse("criteria-crosswalk", args=[2690])).content.decode()
    assert "ผู้บริหารและช่องทางติดต่อ" in page
    assert client.post(reverse("criteria-publish", args=[2690]),
                       {"status": "provisional", "reason": ""}).status_code == 302
    year.refresh_from_db()
    assert year.status == CriteriaStatus.PROVISIONAL
    relations = dict(ItemCrosswalk.objects.filter(to_year=year).values_list(
        "from_item__code", "relation"))
    assert relations["O2"] == "renamed" and relations["O3"] == "merged"
    body = client.get(reverse("criteria", args=[2690])).content.decode()
    assert "รวมข้อ O3 เข้ากับข้อ O1" in body and "เผยแพร่ (ใช้งานชั่วคราว)" in body


def test_publishing_an_invalid_year_is_refused_with_the_reasons(client, operator, criteria):
    client.force_login(operator)
    client.post(reverse("criteria-start"), {"source": latest(), "year": 2690})
    year = AssessmentYear.objects.get(year=2690)
    year.tools.filter(code="IIT").update(weight="0.50")
    body = client.get(reverse("criteria", args=[2690])).content.decode()
    assert "น้ำหนักของเครื่องมือรวมกันได้ 1.200 ต้องเท่ากับ 1 พอดี" in body
    client.post(reverse("criteria-publish", args=[2690]), {"status": "confirmed"})
    year.refresh_from_db()
    assert year.status == CriteriaStatus.DRAFT


def test_workbook_export_edit_import_as_a_new_draft_round_trips(client, operator, criteria):
    client.force_login(operator)
    data = client.get(reverse("criteria-export", args=[2566, "xlsx"])).content
    book = load_workbook(io.BytesIO(data))
    sheet = book["รายการ OIT"]
    sheet["D2"] = "โครงสร้างและอำนาจหน้าที่"  # name_th of O1
    buffer = io.BytesIO()
    book.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "criteria.xlsx"
    page = client.post(reverse("criteria-import"), {"file": upload, "year": 2691})
    assert page.status_code == 200 and "สร้างเป็นร่างของปีใหม่" in page.content.decode()
    assert client.post(reverse("criteria-import-confirm")).status_code == 302
    new = AssessmentYear.objects.get(year=2691)
    assert new.status == CriteriaStatus.DRAFT
    assert new.oit_items.get(code="O1").name_th == "โครงสร้างและอำนาจหน้าที่"
    again = client.get(reverse("criteria-export", args=[2691, "json"])).content
    original = read_file(client.get(reverse("criteria-export", args=[2566, "json"])).content)
    exported = read_file(again)
    assert [i["code"] for i in exported["oit_items"]] == [i["code"] for i in
                                                            original["oit_items"]]
    assert exported["tools"] == original["tools"] and exported["bands"] == original["bands"]


def test_a_bad_file_names_every_bad_row_and_writes_nothing(client, operator, criteria,
                                                         tmp_path):
    client.force_login(operator)
    spec = read_file(client.get(reverse("criteria-export", args=[2566, "json"])).content)
    spec["tools"][0]["weight"] = "1.5"
    spec["oit_items"][3]["data_period"] = "sometimes"
    spec["oit_items"][4]["subindicator"] = "9.9"
    spec["bands"][0]["min_total"] = "abc"
    path = tmp_path / "bad.json"
    path.write_text(__import__("json").dumps(spec, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as failure:
        call_command("import_criteria", str(path), "--year", "2692")
    assert failure.value.returncode == 2
    before = AssessmentYear.objects.count()
    page = client.post(reverse("criteria-import"), {"file": io.BytesIO(path.read_bytes()),
                                                    "year": 2692})
    body = page.content.decode()
    assert page.status_code == 400
    assert "แผ่นงาน “เครื่องมือ” แถว 2 “weight”: 1.5 ต้องอยู่ระหว่าง 0 ถึง 1" in body
    assert "แผ่นงาน “รายการ OIT” แถว 5 (O4) “data_period”" in body
    assert "ข้อ O5: ไม่มีตัวชี้วัดย่อย “9.9”" in body
    assert "แผ่นงาน “ระดับผล” แถว 2 “min_total”: “abc” ไม่ใช่ตัวเลข" in body
    assert AssessmentYear.objects.count() == before


def test_commands_export_and_import_as_a_draft(operator, criteria, tmp_path, capsys):
    path = tmp_path / "c.json"
    call_command("export_criteria", "--year", "2566", "-o", str(path))
    call_command("import_criteria", str(path), "--year", "2693", "--dry-run")
    assert not AssessmentYear.objects.filter(year=2693).exists()
    call_command("import_criteria", str(path), "--year", "2693")
    assert AssessmentYear.objects.get(year=2693).oit_items.count() == 43
    with pytest.raises(CommandError):
        call_command("import_criteria", str(path), "--year", "2566")  # published: no reason
    call_command("import_criteria", str(path), "--year", "2566", "--reason", "ตรวจซ้ำ")
    assert "นำเข้าแล้ว" in capsys.readouterr().out


def test_garbage_files_are_refused_in_thai(client, operator, criteria):
    client.force_login(operator)
    for content in (b"\x00\x01garbage", b"PK\x03\x04broken", b"[1, 2]"):
        upload = io.BytesIO(content)
        upload.name = "x.json"
        page = client.post(reverse("criteria-import"), {"file": upload})
        assert page.status_code == 400
        assert "errorlist" in page.content.decode()


def _posted(page):
    """The edit page's own form as the browser would post it back."""
    import re

    fields = dict(re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', page))
    fields.update(re.findall(r'<textarea name="([^"]+)"[^>]*>([^<]*)</textarea>', page))
    for name, block in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', block)
        fields[name] = chosen.group(1) if chosen else ""
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def test_year_edit_checks_ranges_and_needs_a_reason_once_published(client, operator,
                                                                   criteria):
    client.force_login(operator)
    url = reverse("criteria-edit", args=[2566])
    data = _posted(client.get(url).content.decode())
    bad = {**data, "tool-0-weight": "1.5"}
    response = client.post(url, bad)
    assert response.status_code == 400
    assert "ค่านี้ต้องน้อยกว่าหรือเท่ากับ 1" in response.content.decode()
    year = AssessmentYear.objects.get(year=2566)
    assert year.version == 1
    renamed = {**data, "ind-0-name_th": "การปฏิบัติหน้าที่ (แก้ไข)"}
    client.post(url, renamed)
    assert year.indicators.get(number=1).name_th == "การปฏิบัติหน้าที่"  # no reason: refused
    client.post(url, {**renamed, "reason": "ตามคู่มือ"})
    year.refresh_from_db()
    assert year.indicators.get(number=1).name_th == "การปฏิบัติหน้าที่ (แก้ไข)"
    assert year.version == 2 and year.revisions.first().reason == "ตามคู่มือ"
