"""Writes for committees and meetings.

Closing a meeting freezes its report as HTML in the same transaction (a tenth of a second for
200 measures); the PDF is rendered from that frozen HTML by a background task, so later edits
to measures cannot reach it and a large report (3 s) never holds up the request. The render
is a job (`reports.tasks.render_meeting_report`): its state and error are on the job row.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ita_portal import jobs
from reports.meeting_document import meeting_html
from reports.models import FrozenReport, Meeting, MeetingNote, MeetingStatus
from reports.permissions import require_meeting_manager
from reports.tasks import MEETING_PDF


def _require_open(meeting):
    if meeting.is_closed:
        raise ValidationError("การประชุมนี้ปิดแล้ว รายงานถูกตรึงไว้ แก้ไขไม่ได้")


@transaction.atomic
def meeting_close(*, meeting, by):
    """Freeze the report's content and close the meeting; its PDF is rendered after commit."""
    require_meeting_manager(by, meeting.organization)
    meeting = Meeting.objects.select_for_update().select_related("committee", "organization"
                                                                 ).get(pk=meeting.pk)
    _require_open(meeting)
    meeting.report_html = meeting_html(meeting)
    meeting.status, meeting.closed_at, meeting.closed_by = (MeetingStatus.CLOSED,
                                                            timezone.now(), by)
    meeting.save()
    jobs.enqueue(MEETING_PDF, meeting.pk)
    return meeting


def meeting_render_retry(*, meeting, by):
    """Render a closed meeting's frozen report again after a failure; its content is fixed."""
    require_meeting_manager(by, meeting.organization)
    job = meeting_pdf_job(meeting)
    if not meeting.is_closed or meeting.report_file or (job and not job.finished):
        raise ValidationError("รายงานของการประชุมนี้ไม่ต้องจัดทำใหม่")
    return jobs.enqueue(MEETING_PDF, meeting.pk)


def meeting_pdf_job(meeting):
    """The latest job rendering this meeting's frozen PDF (None before it is closed)."""
    return jobs.latest(MEETING_PDF, meeting.pk)


@transaction.atomic
def meeting_notes_save(*, meeting, notes, by):
    """Every resolution typed on the meeting page, saved together ({measure id: text}).

    The meeting row is locked first, as closing locks it: notes saved while a meeting closes
    are either in the frozen report or refused with the meeting closed, never lost."""
    require_meeting_manager(by, meeting.organization)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    measures = set(meeting.organization.measures.filter(pk__in=notes)
                   .values_list("pk", flat=True))
    if measures != set(notes):
        raise PermissionDenied("มาตรการนี้ไม่ใช่ของหน่วยงาน")
    for measure_id, text in notes.items():
        if text:
            MeetingNote.objects.update_or_create(meeting=meeting, measure_id=measure_id,
                                                 defaults={"note": text, "by": by})
        else:
            MeetingNote.objects.filter(meeting=meeting, measure_id=measure_id).delete()
    return meeting


@transaction.atomic
def meeting_note_save(*, meeting, measure, note, by):
    """One resolution; the meeting row is locked first, as closing locks it (review L1)."""
    require_meeting_manager(by, meeting.organization)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    if measure.organization_id != meeting.organization_id:
        raise PermissionDenied("มาตรการนี้ไม่ใช่ของหน่วยงาน")
    return MeetingNote.objects.update_or_create(
        meeting=meeting, measure=measure, defaults={"note": note, "by": by})[0]



@transaction.atomic
def meeting_reopen(*, meeting, reason, by):
    """An admin reopens a closed meeting, saying why. The frozen version (content, PDF and its
    SHA-256) is kept and stays downloadable; closing again freezes the next version."""
    require_meeting_manager(by, meeting.organization)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("กรุณาระบุเหตุผลที่เปิดการประชุมใหม่")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_closed:
        raise ValidationError("การประชุมนี้ยังเปิดอยู่")
    if not meeting.report_file:
        raise ValidationError("รอให้จัดทำไฟล์ PDF ของฉบับที่ตรึงไว้เสร็จก่อน จึงเปิดการประชุมใหม่ได้")
    FrozenReport.objects.create(
        meeting=meeting, version=meeting.version, html=meeting.report_html,
        file=meeting.report_file.name, sha256=meeting.report_sha256, closed_at=meeting.closed_at,
        closed_by=meeting.closed_by, reopened_by=by, reason=reason[:2000])
    meeting.status, meeting.closed_at, meeting.closed_by = MeetingStatus.OPEN, None, None
    meeting.report_file, meeting.report_sha256, meeting.report_html = "", "", ""
    meeting.version += 1
    meeting.save()
    return meeting


@transaction.atomic
def meeting_minutes_save(*, meeting, by, attendees, absentees, next_meeting_date):
    """Who attended, who did not, and the next meeting's date: part of the frozen report."""
    require_meeting_manager(by, meeting.organization)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    if next_meeting_date and next_meeting_date <= meeting.date:
        raise ValidationError("วันประชุมครั้งถัดไปต้องอยู่หลังวันประชุมครั้งนี้")
    meeting.attendees, meeting.absentees = attendees.strip()[:5000], absentees.strip()[:5000]
    meeting.next_meeting_date = next_meeting_date
    meeting.save(update_fields=["attendees", "absentees", "next_meeting_date"])
    return meeting
