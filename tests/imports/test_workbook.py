"""The XLSX template: export → edit in Excel → import round-trips; any wrong row writes nothing."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.models import DisclosureItem
from imports.models import BatchState, ImportBatch
from imports.services import apply, preview, undo
from measures.models import ImprovementIssue, Measure, MeasureStep
from organizations.models import Position
from tests.imports.workbook_helpers import Editor, export, seeded, values

pytestmark = pytest.mark.django_db
MEASURES, STEPS, ISSUES, OWNERS, OIT = ("มาตรการ", "ขั้นตอน", "ประเด็นที่ต้องปรับปรุง",
                                        "ผู้รับผิดชอบ", "รายการ OIT")


def upload(org, admin, data, year=2565):
    return preview(organization=org, fiscal_year=year, data=data, filename="ita.xlsx",
                   by=admin)


def state(org):
    """Everything the workbook holds, as exported (the portal's side of the round trip)."""
    return values(export(org))


def edited(data):
    """A person's edits: a title, a new step, an approach, a new measure, a new position,
    a new OIT URL and owner."""
    book = Editor(data)
    book.set(MEASURES, book.find(MEASURES, "ลำดับมาตรการ", 2), "มาตรการ/แนวทาง",
             "มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง (แก้ไขใน Excel)")
    book.append(STEPS, {"ลำดับมาตรการ": 1, "ลำดับขั้นตอน": 9,
                        "วิธีดำเนินการ": "สรุปผลและรายงานนายกเทศมนตรี",
                        "วันเริ่ม": datetime.datetime(2022, 9, 1), "วันสิ้นสุด": "30/9/2565"})
    issue_row = 2
    book.set(ISSUES, issue_row, "แนวทางการปรับปรุงแก้ไข", "แนวทางใหม่ที่แก้ใน Excel")
    book.append(OWNERS, {"ประเภท (สำนัก/กอง หรือ ตำแหน่ง)": "ตำแหน่ง", "ชื่อ": "นิติกร",
                         "สังกัดสำนัก/กอง (ของตำแหน่ง)": "สำนักปลัด"})
    book.append(MEASURES, {"ลำดับมาตรการ": 5, "มาตรการ/แนวทาง": "มาตรการใหม่จาก Excel",
                           "ตัวชี้วัดที่เกี่ยวข้อง (คั่นด้วย ,)": "2, 9",
                           "ผู้รับผิดชอบ (บรรทัดละหนึ่ง)": "กองคลัง\nนิติกร",
                           "วันเริ่ม": "1/10/2564", "วันสิ้นสุด": "๓๑/๓/๒๕๖๕",
                           "รอบการรายงาน": "ปีละ 2 ครั้ง"})
    row = book.find(OIT, "ข้อ", "O2")
    book.set(OIT, row, "URL หลักฐาน (บรรทัดละหนึ่ง)", "https://tambon-a.go.th/structure")
    book.set(OIT, row, "สำนัก/กองที่รับผิดชอบ", "สำนักปลัด")
    book.set(OIT, row, "กำหนดเสร็จ", datetime.datetime(2022, 1, 31))
    return book.bytes()


def test_template_holds_every_sheet_the_organisation_owners_and_oit_items(criteria, org):
    book = load_workbook(io.BytesIO(export(org, template=True)))
    assert book.sheetnames == ["คำอธิบาย", OWNERS, ISSUES, MEASURES, STEPS, OIT]
    assert book[MEASURES].max_row == 1 and book[ISSUES].max_row == 1
    owners = {row[1] for row in book[OWNERS].iter_rows(min_row=2, values_only=True)}
    assert owners == {"กองคลัง", "สำนักปลัด", "เจ้าหน้าที่พัสดุ", "นักวิชาการคอมพิวเตอร์"}
    codes = [row[0] for row in book[OIT].iter_rows(min_row=2, values_only=True)]
    assert len(codes) == 43 and codes[:2] == ["O1", "O2"]


def test_unchanged_export_imports_as_nothing_to_do(criteria, org, org_admin, seed_bytes):
    seeded(org, org_admin, seed_bytes)
    before = state(org)
    batch = upload(org, org_admin, export(org))
    actions = {r["action"] for rows in batch.plan["rows"].values() for r in rows}
    assert actions == {"same"}
    apply(batch=batch, mapping={}, by=org_admin)
    assert state(org) == before and not batch.created_rows.exists()


def test_export_edit_import_round_trips_and_undo_restores(criteria, org, org_admin, seed_bytes):
    seeded(org, org_admin, seed_bytes)
    original = state(org)
    data = edited(export(org))
    batch = upload(org, org_admin, data)
    counts = {key: sorted({r["action"] for r in rows} - {"same"})
              for key, rows in batch.plan["rows"].items()}
    assert counts == {"owners": ["create"], "issues": ["update"], "measures": ["create", "update"],
                      "steps": ["create"], "oit": ["update"]}
    apply(batch=batch, mapping={}, by=org_admin)
    assert state(org) == values(data)          # every edited cell is in the portal, nothing lost
    new = Measure.objects.get(organization=org, fiscal_year=2565, number=5)
    assert [str(new.start_date), str(new.end_date)] == ["2021-10-01", "2022-03-31"]
    assert {p.name_th for p in new.owner_positions.all()} == {"นิติกร"}
    assert sorted(i.number for i in new.indicators.all()) == [2, 9]
    o2 = DisclosureItem.objects.get(organization=org, oit_item__code="O2",
                                    oit_item__year__year=2565)
    assert o2.status == DisclosureItem._meta.get_field("status").default  # never from a file
    assert o2.links.get().url.endswith("/structure")
    undo(batch=ImportBatch.objects.get(pk=batch.pk), by=org_admin)
    assert state(org) == original
    assert not Position.objects.filter(name_th="นิติกร").exists()


def test_undo_is_refused_when_an_imported_change_was_edited_since(criteria, org, org_admin,
                                                                  seed_bytes):
    seeded(org, org_admin, seed_bytes)
    batch = apply(batch=upload(org, org_admin, edited(export(org))), mapping={}, by=org_admin)
    Measure.objects.filter(organization=org, number=2).update(title="แก้อีกครั้งในระบบ")
    with pytest.raises(ValidationError, match="ถูกแก้ไขหลังการนำเข้า"):
        undo(batch=batch, by=org_admin)
    assert Measure.objects.filter(organization=org, number=5).exists()


def wrong_workbook(data):
    book = Editor(data)
    book.set(MEASURES, 2, "วันเริ่ม", "31/02/2565")
    book.set(MEASURES, 3, "ผู้รับผิดชอบ (บรรทัดละหนึ่ง)", "กองที่ไม่มีจริง")
    book.set(MEASURES, 4, "ลำดับมาตรการ", 1)
    book.set(MEASURES, 5, "วันสิ้นสุด", "1/9/2564")
    book.set(ISSUES, 2, "ตัวชี้วัดที่", 12)
    book.set(STEPS, 2, "ลำดับมาตรการ", 77)
    book.set(OIT, 2, "URL หลักฐาน (บรรทัดละหนึ่ง)", "ftp://tambon-a.go.th/x")
    book.append(OIT, {"ข้อ": "O99"})
    return book.bytes()


def test_any_wrong_row_writes_nothing_and_names_every_problem(criteria, org, org_admin,
                                                             seed_bytes):
    seeded(org, org_admin, seed_bytes)
    before, batches = state(org), ImportBatch.objects.count()
    with pytest.raises(ValidationError) as info:
        upload(org, org_admin, edited(wrong_workbook(export(org))))
    text = "\n".join(info.value.messages)
    for expected in ("แผ่นงาน “มาตรการ” แถว 2 คอลัมน์ “วันเริ่ม”: วันที่ไม่ถูกต้อง",
                     "แถว 3 คอลัมน์ “ผู้รับผิดชอบ (บรรทัดละหนึ่ง)”: ไม่พบผู้รับผิดชอบ “กองที่ไม่มีจริง”",
                     "แถว 4 คอลัมน์ “ลำดับมาตรการ”: ซ้ำกับแถว 2",
                     "แถว 5 คอลัมน์ “วันสิ้นสุด”: วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
                     "แผ่นงาน “ประเด็นที่ต้องปรับปรุง” แถว 2 คอลัมน์ “ตัวชี้วัดที่”: ไม่มีตัวชี้วัดที่ 12",
                     "แผ่นงาน “ขั้นตอน” แถว 2 คอลัมน์ “ลำดับมาตรการ”: ไม่พบมาตรการลำดับ 77",
                     "แผ่นงาน “รายการ OIT” แถว 2 คอลัมน์ “URL หลักฐาน (บรรทัดละหนึ่ง)”: URL ต้องขึ้นต้น",
                     "คอลัมน์ “ข้อ”: ไม่มีข้อ O99"):
        assert expected in text, expected
    assert state(org) == before and ImportBatch.objects.count() == batches


def test_ids_of_another_organisation_are_refused_then_blank_ids_import(criteria, org, other_org,
                                                                      org_admin, outsider,
                                                                      seed_bytes):
    seeded(org, org_admin, seed_bytes)
    data = export(org)
    with pytest.raises(ValidationError, match="ไม่พบประเด็นรหัส"):
        upload(other_org, outsider, data)
    book = Editor(data)
    for row in range(2, book.book[ISSUES].max_row + 1):
        book.set(ISSUES, row, "รหัส (ว่าง = เพิ่มใหม่)", None)
    apply(batch=upload(other_org, outsider, book.bytes()), mapping={}, by=outsider)
    theirs, ours = state(other_org), state(org)
    for sheet in (MEASURES, STEPS):
        assert theirs[sheet] == ours[sheet]
    assert ImprovementIssue.objects.filter(organization=other_org).count() == 17
    assert MeasureStep.objects.filter(measure__organization=other_org).count() == \
        MeasureStep.objects.filter(measure__organization=org).count()


def test_a_file_that_is_not_a_workbook_is_refused_in_thai(criteria, org, org_admin):
    from imports.upload import UnreadableDocument

    with pytest.raises(UnreadableDocument, match="อ่านไฟล์ Excel ไม่ได้"):
        upload(org, org_admin, b"PK\x03\x04 not really a zip")
    book = Editor(export(org, template=True))
    for title in (OWNERS, ISSUES, MEASURES, STEPS, OIT):
        del book.book[title]
    with pytest.raises(UnreadableDocument, match="ไม่พบแผ่นงานของแบบฟอร์ม"):
        upload(org, org_admin, book.bytes())
    book = Editor(export(org, template=True))
    book.set(MEASURES, 1, "มาตรการ/แนวทาง", "ชื่อคอลัมน์ผิด")
    with pytest.raises(ValidationError, match="หัวตารางไม่ตรงกับแบบฟอร์ม"):
        upload(org, org_admin, book.bytes())


# Views, for each role ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["owner", "other_staff", "committee", "org_admin"])
def test_members_download_the_template_and_their_data(client, criteria, personas, name):
    client.force_login(personas[name])
    measure = Measure.objects.create(organization=personas["owner"].organization,
                                     fiscal_year=2565, number=1, title="มาตรการของเรา",
                                     start_date=datetime.date(2021, 10, 1),
                                     end_date=datetime.date(2022, 9, 30))
    response = client.get(reverse("import-workbook"), {"year": 2565})
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats")
    assert measure.title in str(values(response.content)[MEASURES])
    template = client.get(reverse("import-workbook"), {"year": 2565, "template": 1})
    assert values(template.content)[MEASURES] == []
    assert client.get(reverse("import-workbook"), {"year": "x"}).status_code == 400


def test_outsider_downloads_only_their_own_data_and_anonymous_nothing(client, criteria, org,
                                                                     outsider, org_admin,
                                                                     seed_bytes):
    seeded(org, org_admin, seed_bytes)
    assert client.get(reverse("import-workbook"), {"year": 2565}).status_code == 302
    client.force_login(outsider)
    response = client.get(reverse("import-workbook"), {"year": 2565})
    assert values(response.content)[MEASURES] == []


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee"])
def test_only_admins_upload_workbooks(client, criteria, personas, org, name):
    client.force_login(personas[name])
    response = client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": _file(export(org, template=True))})
    assert response.status_code == 403 and not ImportBatch.objects.exists()


def _file(data, name="ita.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_admin_uploads_sees_row_errors_then_previews_and_confirms(client, criteria, org,
                                                                  org_admin, seed_bytes):
    seeded(org, org_admin, seed_bytes)
    client.force_login(org_admin)
    response = client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": _file(wrong_workbook(export(org)))})
    page = response.content.decode()
    assert response.status_code == 400 and "แถว 2 คอลัมน์ “วันเริ่ม”" in page
    assert "ไม่มีข้อ O99" in page and not ImportBatch.objects.filter(
        source_name="ita.xlsx").exists()
    response = client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": _file(edited(export(org)))})
    batch = ImportBatch.objects.get(source_name="ita.xlsx")
    assert response.status_code == 302
    page = client.get(reverse("import-batch", args=[batch.pk])).content.decode()
    assert "มาตรการใหม่จาก Excel" in page and "แนวทางใหม่ที่แก้ใน Excel" in page
    client.post(reverse("import-batch", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.state == BatchState.APPLIED and batch.summary["created"]["มาตรการ"] == 1
    assert "แก้ไข: " in client.get(reverse("import-batch", args=[batch.pk])).content.decode()


def test_workbook_edits_go_through_the_measure_services(criteria, org, org_admin, seed_bytes):
    """An imported change bumps the version and leaves a row in the measure's history."""
    from measures.models import MeasureEvent

    seeded(org, org_admin, seed_bytes)
    measure = Measure.objects.get(organization=org, fiscal_year=2565, number=2)
    apply(batch=upload(org, org_admin, edited(export(org))), mapping={}, by=org_admin)
    measure.refresh_from_db()
    assert measure.title.endswith("(แก้ไขใน Excel)") and measure.version == 2
    assert MeasureEvent.objects.filter(measure=measure, kind="edited", by=org_admin).exists()
