from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ita_portal import files, jobs
from ita_portal.thai import thai_digits
from measures.models import Measure
from organizations.scoping import require_member
from reports.agenda import agenda_choices
from reports.exports import draft_start
from reports.forms import MeetingForm, MinutesForm
from reports.meeting_report import left_out, report_rows
from reports.models import Meeting
from reports.permissions import (
    can_manage_meetings,
    can_request_draft,
    get_meeting_for_user,
    require_meeting_manager,
)
from reports.services import (
    meeting_close,
    meeting_note_save,
    meeting_notes_save,
    meeting_pdf_job,
    meeting_render_retry,
)


@login_required
def meeting_list(request):
    organization = require_member(request.user)
    is_admin = can_manage_meetings(request.user, organization)
    if request.method == "POST":
        require_meeting_manager(request.user, organization)
    form = MeetingForm(request.POST or None, organization=organization) if is_admin else None
    if form is not None and request.method == "POST":
        if form.is_valid():
            meeting = form.save()
            messages.success(request, "เพิ่มการประชุมแล้ว")
            return redirect("meeting-detail", pk=meeting.pk)
    meetings = Meeting.objects.filter(organization=organization).select_related("committee")
    status = 400 if form is not None and form.errors else 200
    return render(request, "reports/meetings.html", {"meetings": meetings, "form": form},
                  status=status)


def _detail(request, meeting, typed=None, status=200, job=None):
    rows = report_rows(meeting)
    for row in rows:  # what the admin typed stays in the boxes when saving is refused
        row.typed = (typed or {}).get(row.measure.pk, row.note.note if row.note else "")
    is_admin = can_manage_meetings(request.user, meeting.organization)
    can_manage = is_admin and not meeting.is_closed
    return render(request, "reports/meeting_detail.html", {
        "meeting": meeting, "rows": rows, "job": job or meeting_pdf_job(meeting),
        "is_admin": is_admin, "can_manage": can_manage,
        "others": left_out(meeting, rows) if can_manage else [],
        "added": {c for c, change in agenda_choices(meeting).items() if change.action == "add"},
        "versions": meeting.versions.select_related("reopened_by", "closed_by"),
        "minutes_form": MinutesForm(instance=meeting) if can_manage else None,
        "can_draft": can_request_draft(request.user, meeting.organization),
        "unsaved": [row for row in rows if typed and row.typed]}, status=status)


@login_required
def meeting_detail(request, pk):
    meeting, _ = get_meeting_for_user(request, pk)
    job = meeting_pdf_job(meeting)
    if request.GET.get("format") == "json":
        return JsonResponse(jobs.status(job, file=reverse("meeting-pdf", args=[meeting.pk])
                                        if meeting.report_file else None))
    return _detail(request, meeting, job=job)


def _typed_notes(request, meeting):
    prefix = "note-"
    return {int(key[len(prefix):]): value.strip() for key, value in request.POST.items()
            if key.startswith(prefix) and key[len(prefix):].isdigit()}


@login_required
@require_POST
def meeting_notes(request, pk):
    """All resolutions of the meeting in one form; then, if asked, on to closing it."""
    meeting, _ = get_meeting_for_user(request, pk)
    typed = _typed_notes(request, meeting)
    try:
        meeting_notes_save(meeting=meeting, notes=typed, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0] + " มติที่พิมพ์ไว้ยังอยู่ในแบบฟอร์มด้านล่าง")
        meeting.refresh_from_db()
        return _detail(request, meeting, typed, status=409)
    messages.success(request, f"บันทึกมติแล้ว {thai_digits(len(typed))} รายการ")
    if request.POST.get("then") == "close":
        return redirect("meeting-close", pk=meeting.pk)
    return redirect("meeting-detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_note(request, pk, measure_pk):
    meeting, _ = get_meeting_for_user(request, pk)
    measure = get_object_or_404(Measure, pk=measure_pk, organization=meeting.organization)
    try:
        meeting_note_save(meeting=meeting, measure=measure, by=request.user,
                          note=request.POST.get("note", "").replace("\x00", "").strip())
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("meeting-detail", pk=meeting.pk)


@login_required
def meeting_close_view(request, pk):
    """GET: what closing will do, and a button to confirm; POST: close and freeze."""
    meeting, _ = get_meeting_for_user(request, pk)
    if request.method != "POST":
        require_meeting_manager(request.user, meeting.organization)
        rows = report_rows(meeting)
        return render(request, "reports/meeting_close.html", {
            "meeting": meeting, "rows": rows,
            "notes": sum(1 for row in rows if row.note)})
    try:
        meeting_close(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("meeting-detail", pk=meeting.pk)
    messages.success(request, "ปิดการประชุมและตรึงรายงานแล้ว ระบบกำลังจัดทำไฟล์ PDF")
    return redirect("meeting-detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_render_view(request, pk):
    meeting, _ = get_meeting_for_user(request, pk)
    try:
        meeting_render_retry(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("meeting-detail", pk=meeting.pk)


@login_required
def meeting_pdf_view(request, pk):
    meeting, _ = get_meeting_for_user(request, pk)
    name = f"meeting-{meeting.fiscal_year}-{meeting.number}.pdf"
    if meeting.is_closed and not meeting.report_file:
        job = meeting_pdf_job(meeting)
        messages.info(request, job.error if job and job.error else
                      "ระบบกำลังจัดทำไฟล์ PDF ที่ตรึงไว้ โปรดรอสักครู่แล้วลองอีกครั้ง")
        return redirect("meeting-detail", pk=meeting.pk)
    if not meeting.is_closed:  # a draft is rendered in the background: meeting-draft
        return redirect("meeting-detail", pk=meeting.pk)
    return files.download(meeting.report_file, name)


@login_required
@require_POST
def meeting_draft_view(request, pk):
    """Queue the draft PDF of an open meeting and follow it on the report's page."""
    meeting, _ = get_meeting_for_user(request, pk)
    try:
        export = draft_start(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("meeting-detail", pk=meeting.pk)
    return redirect("report-export", pk=export.pk)
