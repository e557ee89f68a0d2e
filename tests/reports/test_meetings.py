import datetime
import hashlib
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from ita_portal import pdf as pdf_module
from measures.models import Cadence
from reports.meeting_report import cadence_due, report_rows
from reports.models import Committee, Meeting, ReportExport
from reports.services import meeting_close, meeting_pdf_job
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def meeting(org):
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    make_measure(org, 1)
    make_measure(org, 2, cadence=Cadence.YEARLY)
    return Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                  number=1, date=TODAY, place="ห้องประชุมเทศบาล")


def pdf_text(data, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return fonts, text, pages


@pytest.mark.parametrize(("cadence", "date", "before", "expected"), [
    (Cadence.EVERY_MEETING, (2026, 11, 2), None, True),
    (Cadence.TWICE_A_YEAR, (2026, 11, 2), (2026, 10, 5), False),   # second meeting, same half
    (Cadence.TWICE_A_YEAR, (2027, 4, 20), (2027, 2, 1), True),     # first meeting from April
    (Cadence.YEARLY, (2027, 2, 1), None, False),
    (Cadence.YEARLY, (2027, 7, 15), (2027, 5, 1), True),           # first meeting from July
    (Cadence.YEARLY, (2027, 8, 15), (2027, 7, 15), False),
])
def test_cadence_decides_which_meetings_report_a_measure(cadence, date, before, expected):
    meeting = Meeting(date=datetime.date(*date))
    previous = Meeting(date=datetime.date(*before)) if before else None
    assert cadence_due(cadence, meeting, previous) == expected


def test_report_holds_the_measures_due_at_this_meeting(meeting):
    rows = report_rows(meeting)
    expected = [1, 2] if TODAY.month in (7, 8, 9) else [1]
    assert [r.measure.number for r in rows] == expected


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee", "org_admin"])
def test_members_read_meetings_and_get_the_draft_from_a_job(
        client, personas, meeting, name, django_capture_on_commit_callbacks):
    """The draft of an open meeting is rendered in the background, never in the request."""
    client.force_login(personas[name])
    assert client.get(reverse("meeting-list")).status_code == 200
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "มาตรการทดสอบที่ 1" in page and reverse("meeting-draft", args=[meeting.pk]) in page
    assert client.get(reverse("meeting-pdf", args=[meeting.pk])).status_code == 302
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("meeting-draft", args=[meeting.pk]))
    export = ReportExport.objects.get(meeting=meeting)
    assert response.url == reverse("report-export", args=[export.pk]) and len(queued) == 1
    again = client.post(reverse("meeting-draft", args=[meeting.pk]))  # a second click
    assert again.url == response.url and ReportExport.objects.count() == 1
    queued[0]()
    pdf = b"".join(client.get(reverse("report-export-file", args=[export.pk])).streaming_content)
    assert pdf.startswith(b"%PDF")


def test_an_overseer_reads_the_meeting_but_asks_for_no_draft(client, overseer, meeting):
    client.force_login(overseer)
    client.post(reverse("read-organization", args=[meeting.organization.slug]))
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "มาตรการทดสอบที่ 1" in page and "meeting-draft" not in page
    assert client.post(reverse("meeting-draft", args=[meeting.pk])).status_code == 403
    assert not ReportExport.objects.exists()


def test_outsider_and_anonymous_get_nothing(client, outsider, meeting):
    assert client.get(reverse("meeting-pdf", args=[meeting.pk])).status_code == 302
    assert client.post(reverse("meeting-draft", args=[meeting.pk])).url.startswith(
        reverse("login"))
    client.force_login(outsider)
    assert client.post(reverse("meeting-draft", args=[meeting.pk])).status_code == 404
    for name in ("meeting-detail", "meeting-pdf", "meeting-close"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code in (404, 405)
    assert client.post(reverse("meeting-close", args=[meeting.pk])).status_code == 404


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee"])
def test_only_admins_close_meetings_and_write_resolutions(client, personas, meeting, name):
    client.force_login(personas[name])
    assert client.post(reverse("meeting-close", args=[meeting.pk])).status_code == 403
    measure = meeting.organization.measures.get(number=1)
    assert client.post(reverse("meeting-note", args=[meeting.pk, measure.pk]),
                       {"note": "x"}).status_code == 403
    assert client.post(reverse("meeting-list"), {}).status_code == 403
    meeting.refresh_from_db()
    assert not meeting.is_closed and not meeting.notes.exists()


def close(client, meeting, capture, execute=True):
    with capture(execute=execute):
        response = client.post(reverse("meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    return response


def download(client, meeting):
    return b"".join(client.get(reverse("meeting-pdf", args=[meeting.pk])).streaming_content)


def test_closing_freezes_the_report_and_its_hash(client, org_admin, owner, meeting, tmp_path,
                                                 django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    measure = meeting.organization.measures.get(number=1)
    client.post(reverse("meeting-note", args=[meeting.pk, measure.pk]),
                {"note": "ที่ประชุมรับทราบ ให้เร่งดำเนินการ"})
    assert close(client, meeting, django_capture_on_commit_callbacks).status_code == 302
    first = download(client, meeting)
    assert meeting.is_closed and hashlib.sha256(first).hexdigest() == meeting.report_sha256
    measure.title = "แก้ไขชื่อหลังปิดประชุม"
    measure.status = "done"
    measure.save()
    assert download(client, meeting) == first
    with pytest.raises(ValidationError, match="ปิดแล้ว"):
        meeting_close(meeting=meeting, by=org_admin)
    with pytest.raises(PermissionDenied):
        meeting_close(meeting=Meeting.objects.get(pk=meeting.pk), by=owner)
    fonts, text, pages = pdf_text(first, tmp_path)
    assert "Sarabun" in fonts and "Pages:           1" in pages
    assert "หน้า ๑ จาก ๑" in text and "ที่ประชุมรับทราบ" in text


def test_edits_made_before_the_background_render_do_not_reach_the_frozen_pdf(
        client, org_admin, meeting, tmp_path, django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    with django_capture_on_commit_callbacks() as queued:
        client.post(reverse("meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting_pdf_job(meeting).state == "queued" and len(queued) == 1
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "กำลังจัดทำไฟล์ PDF" in page and "job-progress.js" in page
    status = client.get(reverse("meeting-detail", args=[meeting.pk]), {"format": "json"}).json()
    assert (status["state"], status["finished"], status["file"]) == ("queued", False, None)
    response = client.get(reverse("meeting-pdf", args=[meeting.pk]), follow=True)
    assert "โปรดรอสักครู่" in response.content.decode()
    meeting.organization.measures.filter(number=1).update(title="ชื่อที่แก้หลังปิดประชุม")
    queued[0]()
    meeting.refresh_from_db()
    _, text, _ = pdf_text(download(client, meeting), tmp_path)
    assert "มาตรการทดสอบที่ 1" in text and "ชื่อที่แก้หลังปิดประชุม" not in text


def test_a_failed_render_is_shown_and_an_admin_renders_it_again(
        client, personas, meeting, monkeypatch, django_capture_on_commit_callbacks):
    client.force_login(personas["org_admin"])
    real = pdf_module.HTML

    def broken(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(pdf_module, "HTML", broken)
    close(client, meeting, django_capture_on_commit_callbacks)
    assert meeting_pdf_job(meeting).error and not meeting.report_file
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "จัดทำไฟล์ PDF ไม่สำเร็จ" in page and "จัดทำ PDF อีกครั้ง" in page
    monkeypatch.setattr(pdf_module, "HTML", real)
    for name in ("owner", "other_staff", "committee"):
        client.force_login(personas[name])
        assert client.post(reverse("meeting-render", args=[meeting.pk])).status_code == 403
    client.force_login(personas["org_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meeting-render", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting_pdf_job(meeting).state == "done"
    assert download(client, meeting).startswith(b"%PDF")
    response = client.post(reverse("meeting-render", args=[meeting.pk]), follow=True)
    assert "ไม่ต้องจัดทำใหม่" in response.content.decode()


def test_outsider_cannot_trigger_a_render(client, outsider, meeting):
    client.force_login(outsider)
    assert client.post(reverse("meeting-render", args=[meeting.pk])).status_code == 404


def test_admin_adds_a_meeting_and_sees_errors_in_thai(client, org_admin, meeting):
    client.force_login(org_admin)
    data = {"committee": meeting.committee.pk, "fiscal_year": 2570, "number": 1,
            "date": TODAY.isoformat(), "place": "", "agenda": ""}
    response = client.post(reverse("meeting-list"), data)
    assert response.status_code == 400 and "มีการประชุมครั้งที่นี้" in response.content.decode()
    assert client.post(reverse("meeting-list"), {**data, "number": 2}).status_code == 302
    assert Meeting.objects.count() == 2


def test_render_report_command(meeting, tmp_path):
    out = tmp_path / "m.pdf"
    call_command("render_report", "meeting", "--organization", "tambon-a", "--year", "2570",
                 "--meeting", "1", "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="ไม่พบการประชุมครั้งที่ 9") as info:
        call_command("render_report", "meeting", "--organization", "tambon-a", "--year",
                     "2570", "--meeting", "9", "-o", str(out))
    assert info.value.returncode == 2


def test_render_report_names_an_unknown_organisation(tmp_path):
    with pytest.raises(CommandError, match="ไม่พบหน่วยงาน nowhere") as info:
        call_command("render_report", "meeting", "--organization", "nowhere", "--year", "2570",
                     "--meeting", "1", "-o", str(tmp_path / "x.pdf"))
    assert info.value.returncode == 2


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_and_its_worker_render_the_frozen_report(client, org_admin, meeting,
                                                                     settings):
    """The production backend (django-tasks-db) end to end: close, queue row, db_worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    client.force_login(org_admin)
    client.post(reverse("meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert not meeting.report_file and DBTaskResult.objects.filter(status="READY").count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    meeting.refresh_from_db()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert meeting.report_file and len(meeting.report_sha256) == 64
