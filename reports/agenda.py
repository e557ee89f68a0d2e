"""The secretary shapes an open meeting's agenda: a measure the rules leave out is added, one
they include is removed with the reason. Both are kept (AgendaChange) and can be undone."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from reports.models import AgendaChange, Meeting
from reports.permissions import require_meeting_manager

CLOSED = "การประชุมนี้ปิดแล้ว รายงานถูกตรึงไว้ แก้ไขไม่ได้"


def _open_meeting(meeting, measure, by):
    require_meeting_manager(by, meeting.organization)
    if measure.organization_id != meeting.organization_id:
        raise PermissionDenied("มาตรการนี้ไม่ใช่ของหน่วยงาน")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_closed:
        raise ValidationError(CLOSED)
    return meeting


@transaction.atomic
def agenda_add(*, meeting, measure, by):
    meeting = _open_meeting(meeting, measure, by)
    return AgendaChange.objects.update_or_create(
        meeting=meeting, measure=measure,
        defaults={"action": AgendaChange.Action.ADD, "reason": "", "by": by})[0]


@transaction.atomic
def agenda_remove(*, meeting, measure, reason, by):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("กรุณาระบุเหตุผลที่นำมาตรการออกจากวาระ")
    meeting = _open_meeting(meeting, measure, by)
    return AgendaChange.objects.update_or_create(
        meeting=meeting, measure=measure,
        defaults={"action": AgendaChange.Action.REMOVE, "reason": reason[:1000], "by": by})[0]


@transaction.atomic
def agenda_restore(*, meeting, measure, by):
    """Back to what the rules decide (the change is kept in the audit trail)."""
    meeting = _open_meeting(meeting, measure, by)
    AgendaChange.objects.filter(meeting=meeting, measure=measure).delete()


def agenda_choices(meeting):
    """{measure id: AgendaChange} of the meeting."""
    return {c.measure_id: c for c in meeting.agenda_changes.select_related("by")}
