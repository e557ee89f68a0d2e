"""Writes for committees and meetings."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from organizations.scoping import require_org_admin
from reports.meeting_report import report_rows
from reports.models import Meeting, MeetingNote, MeetingStatus
from reports.pdf import render_pdf, sha256


def _require_open(meeting):
    if meeting.is_closed:
        raise ValidationError("การประชุมนี้ปิดแล้ว รายงานถูกตรึงไว้ แก้ไขไม่ได้")


def meeting_pdf(meeting):
    return render_pdf("reports/pdf/meeting.html", {
        "organization": meeting.organization, "meeting": meeting,
        "rows": report_rows(meeting)})


@transaction.atomic
def meeting_close(*, meeting, by):
    """Freeze the report: render it once, keep the PDF and its SHA-256, close the meeting."""
    require_org_admin(by, meeting.organization)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    pdf = meeting_pdf(meeting)
    meeting.report_file.save(f"meeting-{meeting.pk}.pdf", ContentFile(pdf), save=False)
    meeting.report_sha256 = sha256(pdf)
    meeting.status, meeting.closed_at, meeting.closed_by = (MeetingStatus.CLOSED,
                                                            timezone.now(), by)
    meeting.save()
    return meeting


def meeting_note_save(*, meeting, measure, note, by):
    require_org_admin(by, meeting.organization)
    _require_open(meeting)
    if measure.organization_id != meeting.organization_id:
        raise PermissionDenied("มาตรการนี้ไม่ใช่ของหน่วยงาน")
    return MeetingNote.objects.update_or_create(
        meeting=meeting, measure=measure, defaults={"note": note, "by": by})[0]

