"""An open meeting's minutes (attendance, next date) and agenda choices; reopening a closed
meeting; the earlier frozen versions. Each view asks reports.permissions, each write a
service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ita_portal import files
from measures.models import Measure
from reports.agenda import agenda_add, agenda_remove, agenda_restore
from reports.forms import MinutesForm
from reports.permissions import get_meeting_for_user
from reports.services import meeting_minutes_save, meeting_reopen


def _done(request, meeting, action, success):
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("meeting-detail", pk=meeting.pk)


@login_required
@require_POST
def minutes_view(request, pk):
    meeting, _ = get_meeting_for_user(request, pk)
    form = MinutesForm(request.POST)
    if not form.is_valid():
        messages.error(request, "วันประชุมครั้งถัดไปไม่ถูกต้อง")
        return redirect("meeting-detail", pk=meeting.pk)
    return _done(request, meeting, lambda: meeting_minutes_save(
        meeting=meeting, by=request.user, **form.cleaned_data), "บันทึกผู้เข้าประชุมแล้ว")


@login_required
@require_POST
def agenda_view(request, pk):
    meeting, _ = get_meeting_for_user(request, pk)
    measure = get_object_or_404(Measure, pk=request.POST.get("measure") or 0,
                                organization=meeting.organization)
    action = request.POST.get("action")
    if action == "add":
        work = lambda: agenda_add(meeting=meeting, measure=measure, by=request.user)  # noqa: E731
    elif action == "remove":
        work = lambda: agenda_remove(meeting=meeting, measure=measure,  # noqa: E731
                                     reason=request.POST.get("reason"), by=request.user)
    else:
        work = lambda: agenda_restore(meeting=meeting, measure=measure,  # noqa: E731
                                      by=request.user)
    return _done(request, meeting, work, f"ปรับวาระของมาตรการที่ {measure.number} แล้ว")


@login_required
@require_POST
def reopen_view(request, pk):
    meeting, _ = get_meeting_for_user(request, pk)
    return _done(request, meeting, lambda: meeting_reopen(
        meeting=meeting, reason=request.POST.get("reason"), by=request.user),
        "เปิดการประชุมใหม่แล้ว รายงานฉบับที่ตรึงไว้ก่อนหน้ายังดาวน์โหลดได้")


@login_required
def version_pdf(request, pk, version):
    meeting, _ = get_meeting_for_user(request, pk)
    frozen = meeting.versions.filter(version=version).first()
    if frozen is None or not frozen.file:
        raise Http404("ไม่พบรายงานฉบับนี้")
    return files.download(frozen.file,
                          f"meeting-{meeting.fiscal_year}-{meeting.number}-v{version}.pdf")
