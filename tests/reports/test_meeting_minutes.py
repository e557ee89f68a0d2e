"""Minutes that keep what people type: every resolution in one form, notes racing a close are
in the frozen report or refused with the text kept, closing asks first and says what happens,
the agenda holds the measures with news, and the meeting's year and number are checked."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from measures.models import Cadence, ProgressUpdate, Status
from reports.meeting_report import report_rows
from reports.models import Committee, Meeting, MeetingNote
from reports.services import meeting_close, meeting_notes_save
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def meeting(org):
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    for number in (1, 2, 3):
        make_measure(org, number)
    return Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                  number=1, date=TODAY)


def note_fields(meeting, texts):
    measures = {m.number: m.pk for m in meeting.organization.measures.all()}
    return {f"note-{measures[n]}": text for n, text in texts.items()}


def test_resolutions_of_several_measures_are_saved_at_once(client, org_admin, meeting):
    client.force_login(org_admin)
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert page.count("<form") >= 1 and page.count('name="note-') == 3
    response = client.post(reverse("meeting-notes", args=[meeting.pk]), note_fields(
        meeting, {1: "รับทราบ", 2: "ให้เร่งรัดการจัดทำคู่มือ", 3: ""}))
    assert response.status_code == 302
    saved = dict(MeetingNote.objects.values_list("measure__number", "note"))
    assert saved == {1: "รับทราบ", 2: "ให้เร่งรัดการจัดทำคู่มือ"}
    client.post(reverse("meeting-notes", args=[meeting.pk]), note_fields(
        meeting, {1: "รับทราบ", 2: "", 3: "ติดตามครั้งหน้า"}))
    saved = dict(MeetingNote.objects.values_list("measure__number", "note"))
    assert saved == {1: "รับทราบ", 3: "ติดตามครั้งหน้า"}


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee"])
def test_only_the_admin_writes_resolutions_and_closes(client, personas, meeting, name):
    client.force_login(personas[name])
    response = client.post(reverse("meeting-notes", args=[meeting.pk]),
                           note_fields(meeting, {1: "x"}))
    assert response.status_code == 403 and not MeetingNote.objects.exists()
    assert client.get(reverse("meeting-close", args=[meeting.pk])).status_code == 403


def test_another_municipality_cannot_write_notes(client, outsider, meeting):
    client.force_login(outsider)
    assert client.post(reverse("meeting-notes", args=[meeting.pk]),
                       note_fields(meeting, {1: "x"})).status_code == 404


def test_a_measure_of_another_organisation_is_refused(org_admin, meeting, other_org):
    foreign = make_measure(other_org, 1, department=None)
    with pytest.raises(Exception, match="ไม่ใช่ของหน่วยงาน"):
        meeting_notes_save(meeting=meeting, notes={foreign.pk: "x"}, by=org_admin)
    assert not MeetingNote.objects.exists()


def test_notes_saved_before_closing_are_in_the_frozen_report(client, org_admin, meeting,
                                                             django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meeting-notes", args=[meeting.pk]),
                    {**note_fields(meeting, {2: "มติที่บันทึกก่อนปิด"}), "then": "close"})
        confirm = client.get(reverse("meeting-close", args=[meeting.pk])).content.decode()
        assert "ตรึงรายงานความก้าวหน้าของ ๓ มาตรการ พร้อมมติที่ประชุม ๑ รายการ" in confirm
        assert "ยืนยัน ปิดการประชุมและตรึงรายงาน" in confirm
        meeting.refresh_from_db()
        assert not meeting.is_closed  # looking at the confirmation closes nothing
        client.post(reverse("meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.is_closed and "มติที่บันทึกก่อนปิด" in meeting.report_html


def test_notes_after_closing_are_refused_and_the_text_stays(client, org_admin, meeting):
    meeting_close(meeting=meeting, by=org_admin)
    client.force_login(org_admin)
    response = client.post(reverse("meeting-notes", args=[meeting.pk]),
                           note_fields(meeting, {1: "พิมพ์ระหว่างที่มีผู้ปิดการประชุม"}))
    body = response.content.decode()
    assert response.status_code == 409 and "ปิดแล้ว" in body
    assert "พิมพ์ระหว่างที่มีผู้ปิดการประชุม" in body and not MeetingNote.objects.exists()
    with pytest.raises(ValidationError):
        meeting_notes_save(meeting=meeting, notes={}, by=org_admin)


def test_the_agenda_holds_every_measure_with_news_or_overdue(org, org_admin, meeting, owner):
    meeting.date = TODAY - datetime.timedelta(days=10)
    meeting.save()
    later = Meeting.objects.create(organization=org, committee=meeting.committee,
                                   fiscal_year=2570, number=2,
                                   date=TODAY + datetime.timedelta(days=40))
    yearly = dict(cadence=Cadence.YEARLY)
    quiet = make_measure(org, 10, **yearly)
    news = make_measure(org, 11, **yearly)
    late = make_measure(org, 12, end_offset=20, **yearly)
    done = make_measure(org, 13, status=Status.DONE, **yearly)
    ProgressUpdate.objects.create(measure=news, reported_on=TODAY, percent=30, by=owner,
                                  status=Status.IN_PROGRESS, note="ส่งร่างคู่มือแล้ว")
    numbers = [row.measure.number for row in report_rows(later)]
    assert news.number in numbers and late.number in numbers  # news; past its end date
    if not 7 <= later.date.month <= 9:  # a yearly measure's cadence is due from July
        assert quiet.number not in numbers and done.number not in numbers


@pytest.mark.parametrize(("fiscal_year", "number", "message"), [
    (2026, 1, "พ.ศ."),          # the A.D. year the review typed
    (2571, 1, "ไม่ตรงกับวันประชุม"),
    (2570, 0, "ครั้งที่"),
])
def test_the_meeting_year_and_number_are_checked(client, org_admin, meeting, fiscal_year,
                                                 number, message):
    client.force_login(org_admin)
    response = client.post(reverse("meeting-list"), {
        "committee": meeting.committee.pk, "fiscal_year": fiscal_year, "number": number,
        "date": datetime.date(2026, 12, 15).isoformat(), "place": "", "agenda": ""})
    assert response.status_code == 400 and message in response.content.decode()
    assert Meeting.objects.count() == 1
