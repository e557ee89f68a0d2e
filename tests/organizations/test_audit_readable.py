"""The trail as people read it (UX review): no reverse relations, ใช่/ไม่ใช่ for yes and no,
names for foreign keys (an id marked ลบแล้ว once its object is gone), dates and moments in
Bangkok, Buddhist-era style; the page and the CSV alike, names looked up once per model."""

import csv
import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organizations import audit_trail
from reports.models import Committee, Meeting, MeetingNote
from tests.measures.conftest import make_measure

CLOSED_AT = datetime.datetime(2026, 12, 2, 9, 26, 27, 876946, tzinfo=datetime.UTC)


def hold_meetings(org, chair, count, first=1):
    """`count` meetings, each of its own committee, closed by `chair`, each with a note."""
    measure = make_measure(org, first)
    meetings = []
    for number in range(first, first + count):
        committee = Committee.objects.create(organization=org, name_th=f"คณะทำงานชุดที่ {number}")
        meeting = Meeting.objects.create(organization=org, committee=committee, number=number,
                                         fiscal_year=2570, date=datetime.date(2026, 12, 1))
        meeting.closed_at, meeting.closed_by = CLOSED_AT, chair
        meeting.save()
        MeetingNote.objects.create(meeting=meeting, measure=measure, note="มติ", by=chair)
        meetings.append(meeting)
    return meetings


def shown(obj, action):
    entry = LogEntry.objects.get_for_object(obj).filter(action=action).latest("pk")
    return {change.field: (change.before, change.after) for change in audit_trail.changes(entry)}


@pytest.mark.django_db
def test_a_created_meeting_reads_as_names_and_thai_dates(org, owner):
    meeting = hold_meetings(org, owner, 1)[0]
    created = shown(meeting, LogEntry.Action.CREATE)
    assert not {"agenda_changes", "versions", "notes", "drafts"} & created.keys()
    assert not [value for pair in created.values() for value in pair if value.endswith(".None")]
    assert created["คณะกรรมการ"] == ("", "คณะทำงานชุดที่ 1")
    assert created["หน่วยงาน"] == ("", "เทศบาลตำบลทดสอบเอ")
    assert created["วันประชุม"] == ("", "๑ ธ.ค. ๖๙")
    closed = shown(meeting, LogEntry.Action.UPDATE)
    assert closed == {"ปิดเมื่อ": ("", "๒ ธ.ค. ๖๙ ๑๖:๒๖ น."), "ปิดโดย": ("", str(owner))}
    note = shown(MeetingNote.objects.get(meeting=meeting), LogEntry.Action.CREATE)
    assert note["การประชุม"] == ("", str(meeting)) and note["โดย"] == ("", str(owner))


@pytest.mark.django_db
def test_yes_and_no_are_thai_words(owner):
    assert shown(owner, LogEntry.Action.CREATE)["ประธานคณะกรรมการ"] == ("", "ไม่ใช่")
    owner.is_active = False
    owner.save()
    assert shown(owner, LogEntry.Action.UPDATE) == {"ใช้งานได้": ("ใช่", "ไม่ใช่")}


@pytest.mark.django_db
def test_a_removed_object_shows_its_id_marked_removed(org, owner):
    meeting = hold_meetings(org, owner, 1)[0]
    meeting_id, committee_id = meeting.pk, meeting.committee_id
    MeetingNote.objects.filter(meeting=meeting).delete()
    meeting.delete()
    Committee.objects.filter(pk=committee_id).delete()
    entry = LogEntry.objects.get(content_type__model="meeting", object_pk=str(meeting_id),
                                 action=LogEntry.Action.CREATE)
    fields = {change.field: change.after for change in audit_trail.changes(entry)}
    assert fields["คณะกรรมการ"] == f"{committee_id} (ลบแล้ว)"


def page_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.content.decode("utf-8-sig")


@pytest.mark.django_db
def test_audit_page_reads_names_in_a_fixed_number_of_queries(client, org, org_admin, owner):
    client.force_login(org_admin)
    hold_meetings(org, owner, 2)
    few, _ = page_queries(client, reverse("audit"))
    hold_meetings(org, owner, 4, first=3)
    many, page = page_queries(client, reverse("audit"))
    assert many == few, "names are looked up per model, not per row"
    assert "คณะทำงานชุดที่ 6" in page and "๒ ธ.ค. ๖๙ ๑๖:๒๖ น." in page and "ไม่ใช่" in page
    assert ".None" not in page and "False" not in page and "agenda_changes" not in page


@pytest.mark.django_db
def test_csv_has_the_same_readable_values_and_iso_times(client, org, org_admin, owner):
    client.force_login(org_admin)
    hold_meetings(org, owner, 2)
    few, _ = page_queries(client, reverse("audit"), export="csv")
    hold_meetings(org, owner, 4, first=3)
    many, text = page_queries(client, reverse("audit"), export="csv")
    assert many == few
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header[0] == "เวลา" and all(datetime.datetime.fromisoformat(row[0]) for row in rows)
    changed = {(row[5], row[6], row[7]) for row in rows}
    assert {("คณะกรรมการ", "", "คณะทำงานชุดที่ 6"), ("ปิดเมื่อ", "", "๒ ธ.ค. ๖๙ ๑๖:๒๖ น."),
            ("ปิดโดย", "", str(owner)), ("ประธานคณะกรรมการ", "", "ไม่ใช่")} <= changed
    values = [value for row in rows for value in row[6:8]]
    assert not [v for v in values if v.endswith(".None") or v in ("True", "False")]
