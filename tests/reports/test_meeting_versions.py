"""The secretary shapes the agenda (adds a measure, removes one with a reason); the minutes
carry attendance and the next meeting's date; an admin reopens a closed meeting with a reason
and closing again freezes a new version while the earlier PDF and its hash stay downloadable."""

import datetime
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.meeting_report import report_rows
from reports.models import AgendaChange, Committee, FrozenReport, Meeting
from tests.measures.conftest import make_measure
from tests.reports.pdfcheck import read_pdf

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def meeting(org):
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    make_measure(org, 1, end_offset=-5)  # overdue: on the agenda by the rules
    make_measure(org, 2, cadence="yearly", start_offset=-5, end_offset=300)
    Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570, number=1,
                           date=TODAY - datetime.timedelta(days=1))  # so 2 has no news
    return Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                  number=2, date=TODAY)


def numbers(meeting):
    return [row.measure.number for row in report_rows(meeting)]


def agenda(client, meeting, number, action, reason=""):
    measure = meeting.organization.measures.get(number=number)
    return client.post(reverse("meeting-agenda", args=[meeting.pk]),
                       {"measure": measure.pk, "action": action, "reason": reason})


def test_the_secretary_adds_and_removes_with_a_reason(client, org_admin, meeting):
    client.force_login(org_admin)
    before = numbers(meeting)
    assert 1 in before and 2 not in before
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "ปรับระเบียบวาระ" in page and "เพิ่มเข้าวาระ" in page
    agenda(client, meeting, 2, "add")
    assert numbers(meeting) == [1, 2]
    assert "เพิ่มโดยเลขานุการ" in client.get(reverse("meeting-detail", args=[meeting.pk])
                                             ).content.decode()
    response = agenda(client, meeting, 1, "remove")  # no reason: refused, nothing changes
    assert response.status_code == 302 and numbers(meeting) == [1, 2]
    agenda(client, meeting, 1, "remove", "รายงานไปแล้วในการประชุมพิเศษ")
    assert numbers(meeting) == [2]
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "รายงานไปแล้วในการประชุมพิเศษ" in page
    agenda(client, meeting, 1, "restore")
    assert numbers(meeting) == [1, 2]


@pytest.mark.parametrize("name", ["owner", "committee"])
def test_only_the_admin_shapes_the_agenda(client, personas, meeting, name):
    client.force_login(personas[name])
    assert agenda(client, meeting, 2, "add").status_code == 403
    assert "ปรับระเบียบวาระ" not in client.get(reverse("meeting-detail", args=[meeting.pk])
                                               ).content.decode()
    assert not AgendaChange.objects.exists()


def test_an_outsider_cannot_touch_the_agenda(client, outsider, meeting):
    client.force_login(outsider)
    assert agenda(client, meeting, 2, "add").status_code == 404


def test_minutes_carry_attendance_and_the_next_date(client, org_admin, meeting, tmp_path,
                                                    django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    url = reverse("meeting-minutes", args=[meeting.pk])
    client.post(url, {"attendees": "นายก\nปลัด", "absentees": "",
                      "next_meeting_date": (TODAY - datetime.timedelta(days=3)).isoformat()})
    meeting.refresh_from_db()
    assert meeting.attendees == ""  # a next meeting before this one is refused
    later = TODAY + datetime.timedelta(days=60)
    client.post(url, {"attendees": "นายกเทศมนตรี\nปลัดเทศบาล", "absentees": "ผอ.กองช่าง (ลา)",
                      "next_meeting_date": later.isoformat()})
    meeting.refresh_from_db()
    assert meeting.attendees == "นายกเทศมนตรี\nปลัดเทศบาล" and meeting.next_meeting_date == later
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    text = read_pdf(meeting.report_file.read(), tmp_path).text
    assert "ปลัดเทศบาล" in text and "ผอ.กองช่าง" in text and "กำหนดประชุมครั้งถัดไป" in text
    assert client.post(url, {"attendees": "x"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.attendees != "x"  # closed: frozen


def close(client, meeting, capture):
    with capture(execute=True):
        client.post(reverse("meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    return meeting


def test_reopen_keeps_the_earlier_version_and_its_hash(client, org_admin, meeting,
                                                       django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    close(client, meeting, django_capture_on_commit_callbacks)
    first_hash, first_pdf = meeting.report_sha256, meeting.report_file.read()
    reopen = reverse("meeting-reopen", args=[meeting.pk])
    client.post(reopen, {"reason": ""})  # a reason is required
    meeting.refresh_from_db()
    assert meeting.is_closed
    client.post(reopen, {"reason": "แก้มติมาตรการที่ ๑ ตามที่ประธานแจ้ง"})
    meeting.refresh_from_db()
    assert not meeting.is_closed and meeting.version == 2 and not meeting.report_file
    frozen = FrozenReport.objects.get(meeting=meeting)
    assert (frozen.version, frozen.sha256, frozen.reopened_by) == (1, first_hash, org_admin)
    measure = meeting.organization.measures.get(number=1)
    client.post(reverse("meeting-notes", args=[meeting.pk]), {f"note-{measure.pk}": "มติใหม่"})
    close(client, meeting, django_capture_on_commit_callbacks)
    assert meeting.version == 2 and meeting.report_sha256 != first_hash
    old = client.get(reverse("meeting-version-pdf", args=[meeting.pk, 1]))
    data = b"".join(old.streaming_content)
    assert data == first_pdf and hashlib.sha256(data).hexdigest() == first_hash
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "ฉบับที่ ๑ (PDF)" in page and first_hash in page and "ตามที่ประธานแจ้ง" in page
    assert client.get(reverse("meeting-version-pdf", args=[meeting.pk, 3])).status_code == 404


@pytest.mark.parametrize("name", ["owner", "committee"])
def test_only_the_admin_reopens(client, personas, org_admin, meeting, name,
                                django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    close(client, meeting, django_capture_on_commit_callbacks)
    client.force_login(personas[name])
    response = client.post(reverse("meeting-reopen", args=[meeting.pk]), {"reason": "x"})
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.is_closed and not FrozenReport.objects.exists()
    assert client.get(reverse("meeting-version-pdf", args=[meeting.pk, 1])).status_code == 404
