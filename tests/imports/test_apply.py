"""Preview, confirm in one transaction, no duplicates on re-import, undo as a whole."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imports.document.write import owner_choices
from imports.models import BatchState, ImportBatch
from imports.services import apply, preview, undo
from indicators.models import IndicatorScore
from measures.models import EventKind, ImprovementIssue, Measure, MeasureEvent, ProgressUpdate
from organizations.models import Position

pytestmark = pytest.mark.django_db


def new_owners(batch):
    return {n: "new" for n, m in owner_choices(batch).items() if m is None}


def imported(org, org_admin, seed_bytes):
    batch = preview(organization=org, fiscal_year=2565, data=seed_bytes, filename="seed.txt",
                    by=org_admin)
    return apply(batch=batch, mapping=new_owners(batch), by=org_admin)


def test_preview_writes_nothing_but_the_batch(criteria, org, org_admin, seed_bytes):
    batch = preview(organization=org, fiscal_year=2565, data=seed_bytes, filename="seed.txt",
                    by=org_admin)
    assert batch.state == BatchState.PREVIEW and len(batch.plan["measures"]) == 4
    assert not Measure.objects.exists() and not ImprovementIssue.objects.exists()


def test_confirm_creates_everything_with_owners(criteria, org, org_admin, seed_bytes):
    batch = imported(org, org_admin, seed_bytes)
    assert Measure.objects.filter(organization=org, fiscal_year=2565).count() == 4
    assert ImprovementIssue.objects.filter(organization=org).count() == 17
    assert IndicatorScore.objects.filter(organization=org).count() == 4
    measure = Measure.objects.get(organization=org, number=1)
    assert measure.steps.count() == 2 and str(measure.start_date) == "2021-08-01"
    computer = Position.objects.get(organization=org, name_th="นักวิชาการคอมพิวเตอร์")
    assert computer in measure.owner_positions.all()  # matched, not duplicated
    assert batch.summary["created"]["มาตรการ"] == 4
    everyone = ImprovementIssue.objects.get(organization=org, indicator__number=6, order=8)
    assert everyone.owned_by_everyone


HEADER = "มาตรการ/ แนวทาง\tวิธีดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา ดำเนินการ\tการติดตาม ประเมินผล"


def measures_table(count):
    rows = [HEADER]
    for n in range(1, count + 1):
        rows.append(f"{n}. มาตรการที่ {n} ส่งเสริมความโปร่งใส\t๑. จัดทำแผนและเผยแพร่\tกองคลัง"
                    "\tสิงหาคม - ธันวาคม\tรายงานทุกครั้งที่มีการประชุม")
        rows.append("\t๒. ติดตามและรายงานผล\tสำนักปลัด\tมกราคม - มิถุนายน\t")
    return "\n".join(rows).encode()


def applied_queries(org, org_admin, count):
    batch = preview(organization=org, fiscal_year=2565, data=measures_table(count),
                    filename="table.txt", by=org_admin)
    with CaptureQueriesContext(connection) as queries:
        apply(batch=batch, mapping=new_owners(batch), by=org_admin)
    return len(queries)


def test_new_measures_are_written_together_whatever_their_number(criteria, org, org_admin):
    """Issue 16: a 70-measure PDF took 1,492 statements (21 a measure); new measures are
    created set-wise now, so 30 cost what 4 do (30: SQLite splits a bulk insert past 999
    values, which 60 steps' trail entries stay under)."""
    few = applied_queries(org, org_admin, 4)
    Measure.objects.all().delete()
    assert applied_queries(org, org_admin, 30) == few


def test_measures_created_together_keep_owners_steps_history_and_trail(criteria, org,
                                                                      org_admin):
    batch = preview(organization=org, fiscal_year=2565, data=measures_table(3),
                    filename="table.txt", by=org_admin)
    apply(batch=batch, mapping=new_owners(batch), by=org_admin)
    measure = Measure.objects.get(organization=org, fiscal_year=2565, number=2)
    assert [s.text for s in measure.steps.order_by("order")] == ["จัดทำแผนและเผยแพร่",
                                                                "ติดตามและรายงานผล"]
    departments = sorted(str(d) for d in measure.owner_departments.all())
    assert "กองคลัง" in departments
    event = MeasureEvent.objects.get(measure=measure)
    assert (event.kind, event.by) == (EventKind.CREATED, org_admin)
    entry = LogEntry.objects.get_for_object(measure).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor == org_admin
    assert entry.additional_data == {"organization_id": org.pk}
    assert entry.changes_dict["title"][1] == measure.title
    assert sorted(entry.changes_dict["owner_departments"]["objects"]) == departments
    assert LogEntry.objects.get_for_object(measure.steps.get(order=1)).get().actor == org_admin
    assert batch.created_rows.filter(model="measures.Measure").count() == 3


def test_reimport_duplicates_nothing(criteria, org, org_admin, seed_bytes):
    imported(org, org_admin, seed_bytes)
    counts = (Measure.objects.count(), ImprovementIssue.objects.count(),
              Position.objects.count(), IndicatorScore.objects.count())
    second = imported(org, org_admin, seed_bytes)
    assert (Measure.objects.count(), ImprovementIssue.objects.count(),
            Position.objects.count(), IndicatorScore.objects.count()) == counts
    assert second.summary["created"] == {} and second.summary["existing"]["มาตรการ"] == 4


def test_undo_removes_exactly_what_was_created(criteria, org, org_admin, seed_bytes):
    before = Position.objects.count()
    batch = imported(org, org_admin, seed_bytes)
    assert Position.objects.count() > before
    undo(batch=batch, by=org_admin)
    batch.refresh_from_db()
    assert batch.state == BatchState.UNDONE and batch.undone_by == org_admin
    assert not Measure.objects.exists() and not ImprovementIssue.objects.exists()
    assert Position.objects.count() == before and not IndicatorScore.objects.exists()
    with pytest.raises(ValidationError):
        undo(batch=batch, by=org_admin)


def test_undo_refuses_once_work_is_recorded(criteria, org, org_admin, seed_bytes):
    batch = imported(org, org_admin, seed_bytes)
    measure = Measure.objects.get(organization=org, number=1)
    ProgressUpdate.objects.create(measure=measure, reported_on="2022-01-01", percent=10,
                                  status="in_progress", note="เริ่มแล้ว", by=org_admin)
    with pytest.raises(ValidationError, match="ยกเลิกทั้งชุดไม่ได้"):
        undo(batch=batch, by=org_admin)
    assert Measure.objects.count() == 4


def test_a_failure_half_way_writes_nothing(criteria, org, org_admin, seed_bytes, monkeypatch):
    batch = preview(organization=org, fiscal_year=2565, data=seed_bytes, filename="seed.txt",
                    by=org_admin)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("imports.document.write._write_measures", broken)
    with pytest.raises(RuntimeError):
        apply(batch=batch, mapping=new_owners(batch), by=org_admin)
    batch.refresh_from_db()
    assert batch.state == BatchState.PREVIEW
    assert not ImprovementIssue.objects.exists() and not IndicatorScore.objects.exists()


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee", "outsider"])
def test_only_the_organisations_admin_imports(criteria, personas, seed_bytes, name):
    org_admin = personas["org_admin"]
    batch = preview(organization=org_admin.organization, fiscal_year=2565, data=seed_bytes,
                    filename="seed.txt", by=org_admin)
    with pytest.raises(PermissionDenied):
        apply(batch=batch, mapping={}, by=personas[name])


@pytest.mark.parametrize(("name", "status"), [("owner", 403), ("other_staff", 403),
                                              ("committee", 403), ("outsider", 404)])
def test_import_pages_by_role(client, criteria, personas, seed_bytes, name, status):
    admin = personas["org_admin"]
    batch = preview(organization=admin.organization, fiscal_year=2565, data=seed_bytes,
                    filename="seed.txt", by=admin)
    client.force_login(personas[name])
    if name != "outsider":
        assert client.get(reverse("import-start")).status_code == 403
    assert client.get(reverse("import-batch", args=[batch.pk])).status_code == status
    assert client.post(reverse("import-batch", args=[batch.pk])).status_code == status
    assert client.post(reverse("import-undo", args=[batch.pk])).status_code == status
    client.logout()
    assert client.get(reverse("import-batch", args=[batch.pk])).status_code == 302
    batch.refresh_from_db()
    assert batch.state == BatchState.PREVIEW


def test_admin_pastes_previews_and_confirms(client, criteria, org, org_admin, seed_bytes):
    client.force_login(org_admin)
    response = client.post(reverse("import-start"), {"fiscal_year": 2565,
                                                    "text": seed_bytes.decode()})
    batch = ImportBatch.objects.get()
    assert response.url == reverse("import-batch", args=[batch.pk])
    page = client.get(response.url).content.decode()
    assert "ตรวจก่อนนำเข้า" in page and "บรรทัดที่ไม่ได้นำเข้า" in page and "จนท.พัสดุ" in page
    form = client.get(response.url).context["form"]
    data = {name: "new" for name in form.fields}
    assert client.post(response.url, data).status_code == 302
    assert Measure.objects.filter(organization=org).count() == 4


def test_bad_input_is_refused_in_thai_and_writes_nothing(client, criteria, org_admin):
    client.force_login(org_admin)
    from django.core.files.uploadedfile import SimpleUploadedFile

    cases = [({"fiscal_year": 2565}, "เลือกไฟล์หรือวางข้อความอย่างใดอย่างหนึ่ง"),
             ({"fiscal_year": "", "text": "x"}, "ระบุปีงบประมาณ"),
             ({"fiscal_year": 2565, "file": SimpleUploadedFile("a.exe", b"MZ")},
              "รองรับเฉพาะไฟล์ .pdf, .docx, .xlsx, .txt หรือ .tsv"),
             ({"fiscal_year": 2565, "file": SimpleUploadedFile("a.docx", b"PKnot a zip")},
              "ไม่ใช่ไฟล์ Word"),
             ({"fiscal_year": 2565, "file": SimpleUploadedFile("a.txt", b"\xff\xfe\x00")},
              "อ่านไฟล์ไม่ได้")]
    for data, message in cases:
        response = client.post(reverse("import-start"), data)
        assert response.status_code == 400 and message in response.content.decode(), message
    assert not ImportBatch.objects.exists()


def test_two_new_owner_names_alike_in_their_first_120_letters(criteria, org, org_admin,
                                                              seed_bytes):
    """Review M6.8: both became the same 120-letter position name → IntegrityError."""
    long_name = "ผู้อำนวยการกองคลังและผู้ที่ได้รับมอบหมาย" * 4
    lines = seed_bytes.decode().splitlines(keepends=True)
    for number, tail in ((23, "ก"), (24, "ข")):
        lines[number] = lines[number].replace("ผอ.กองคลัง", long_name + tail)
    batch = preview(organization=org, fiscal_year=2565, data="".join(lines).encode(),
                    filename="seed.txt", by=org_admin)
    assert apply(batch=batch, mapping=new_owners(batch), by=org_admin).state == "applied"
    assert Position.objects.filter(organization=org, name_th=long_name[:120]).count() == 1
    assert Measure.objects.filter(organization=org, fiscal_year=2565).count() == 4
