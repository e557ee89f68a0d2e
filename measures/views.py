from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from indicators.years import year_in_progress
from ita_portal import files
from ita_portal.bounds import YEAR_MAX, YEAR_MIN, int_param
from ita_portal.timeline import fiscal_timeline, measure_rows
from measures import downloads
from measures.deadlines import WINDOWS, is_overdue
from measures.filters import filtered_measures
from measures.forms import ApprovalForm, ProgressUpdateForm, StatusForm
from measures.manage_forms import IssueForm, MeasureForm, StepFormSet
from measures.models import Evidence, ImprovementIssue, Measure, MeasureStep, Status
from measures.permissions import (
    can_approve_measure,
    can_manage_measures,
    can_view_measure,
    get_measure_for_user,
    require_approver,
)
from measures.selectors import (
    fiscal_years_with_measures,
    issues_for,
    measure_detail,
    my_measures,
)
from measures.services import (
    ConcurrentEdit,
    UpdateInput,
    measure_approve,
    measure_return,
    measure_save_form,
    measure_set_status,
    progress_update_create,
    step_set_done,
)
from measures.tables import MeasureTable
from measures.workflow import aside_targets
from organizations.scoping import require_member


def _without(request, name):
    """The request without one query parameter (read and range-checked by the view)."""
    if name in request.GET:
        request.GET = request.GET.copy()
        request.GET.pop(name)
    return request


@login_required
def mine(request):
    require_member(request.user)
    buckets = SimpleLazyObject(lambda: my_measures(request.user))  # read when kept part renders
    return render(request, "measures/mine.html", {"buckets": buckets,
                                                  "due_soon_days": WINDOWS["due_soon"],
                                                  "stale_days": WINDOWS["stale"]})


@login_required
def measure_list(request):
    organization = require_member(request.user)
    if request.GET.get("export") in ("csv", "xlsx"):
        measure_filter, rows, _ = filtered_measures(request.user, request.GET, organization)
        year = measure_filter.form.cleaned_data.get("fiscal_year")
        return getattr(downloads, f"as_{request.GET['export']}")(rows, f"measures-{year or 'all'}")
    asked = request.GET.urlencode()
    per_page = int_param(request.GET, "per_page", 25, 1, 500)
    request = _without(request, "per_page")
    return render(request, "measures/list.html", {
        "organization": organization, "asked": asked, "query": request.GET.urlencode(),
        "can_manage": can_manage_measures(request.user, organization),
        # Read only when the kept part is rendered again (its data changed).
        "page": SimpleLazyObject(lambda: _list_page(request, organization, per_page)),
    })


def _list_page(request, organization, per_page):
    measure_filter, rows, years = filtered_measures(request.user, request.GET, organization)
    year = measure_filter.form.cleaned_data.get("fiscal_year")
    table = MeasureTable(rows)
    RequestConfig(request, paginate={"per_page": per_page}).configure(table)
    return {"filter": measure_filter, "table": table,
            **_timeline(rows, year or (years[0] if years else None))}


TIMELINE_ROWS = 60
TIMELINE_FIELDS = ("number", "title", "start_date", "end_date", "status")  # what a bar shows
TIMELINE_STEPS = MeasureStep.objects.only("measure", "start_date", "end_date", "done_at")


def _timeline(rows, year):
    """The filtered measures of one fiscal year on the October–September timeline."""
    if not str(year or "").isdigit():
        return {}
    year = int(year)
    lean = (rows.filter(fiscal_year=year).select_related(None).prefetch_related(None)
            .only(*TIMELINE_FIELDS).prefetch_related(Prefetch("steps", queryset=TIMELINE_STEPS)))
    shown = list(lean[:TIMELINE_ROWS + 1])
    today = timezone.localdate()
    return {"timeline_year": year, "timeline_more": len(shown) > TIMELINE_ROWS,
            "timeline": fiscal_timeline(measure_rows(shown[:TIMELINE_ROWS], today), year, today)}


def _detail_context(request, measure, can_edit, **forms):
    context = measure_detail(measure)
    today, manager = timezone.localdate(), can_manage_measures(request.user, measure.organization)
    context.update(can_edit=can_edit, today=today, **forms, can_manage=manager,
                   is_overdue=is_overdue(context["measure"], today))
    if (measure.status == Status.DONE and not measure.approved_at
            and can_approve_measure(request.user, measure)):
        context.setdefault("approval_form", ApprovalForm(initial={"version": measure.version}))
    context["fresh_forms"] = not forms  # unbound: the kept page holds them (made if it renders)
    context["approving"] = "approval_form" in context  # the kept page varies on it
    if can_edit:
        targets = set(aside_targets(measure.status, manager))
        context.setdefault("update_form", SimpleLazyObject(
            lambda: ProgressUpdateForm(measure=measure, is_admin=manager)))
        context.setdefault("status_form", SimpleLazyObject(
            lambda: StatusForm(initial={"version": measure.version})))
        context["status_targets"] = [c for c in Status.choices
                                     if c[0] in targets]  # beside the progress report
    return context


@login_required
def measure_detail_view(request, pk):
    measure, can_edit = get_measure_for_user(request, pk)
    return render(request, "measures/detail.html", _detail_context(request, measure, can_edit))


def _refuse_readers(can_edit):
    if not can_edit:
        raise PermissionDenied("ท่านไม่ได้เป็นผู้รับผิดชอบมาตรการนี้")


def _form_failed(request, measure, error, **forms):
    """Re-render the measure page with the user's input and the error, changing nothing."""
    status = 409 if isinstance(error, ConcurrentEdit) else 400
    if isinstance(error, ConcurrentEdit):
        messages.error(request, error.message)
        measure.refresh_from_db()
    context = _detail_context(request, measure, True, **forms)
    return render(request, "measures/detail.html", context, status=status)


@login_required
@require_POST
def progress_update(request, pk):
    measure, can_edit = get_measure_for_user(request, pk)
    _refuse_readers(can_edit)
    form = ProgressUpdateForm(request.POST, request.FILES, measure=measure,
                              is_admin=can_manage_measures(request.user, measure.organization))
    if not form.is_valid():
        return _form_failed(request, measure, None, update_form=form)
    data = UpdateInput(files=form.cleaned_data["files"], urls=form.cleaned_data["urls"],
                       **{k: form.cleaned_data[k] for k in
                          ("reported_on", "note", "percent", "status")})
    try:
        progress_update_create(measure=measure, by=request.user, data=data,
                               expected_version=form.cleaned_data["version"])
    except (ValidationError, ConcurrentEdit) as error:
        _add_errors(form, error)
        return _form_failed(request, measure, error, update_form=form)
    messages.success(request, "บันทึกรายงานความคืบหน้าแล้ว")
    return redirect("measure-detail", pk=measure.pk)


def _add_errors(form, error):
    if isinstance(error, ValidationError):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)


@login_required
@require_POST
def status_change(request, pk):
    measure, can_edit = get_measure_for_user(request, pk)
    _refuse_readers(can_edit)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _form_failed(request, measure, None, status_form=form)
    try:
        measure_set_status(measure=measure, by=request.user, status=form.cleaned_data["status"],
                           note=form.cleaned_data["note"],
                           expected_version=form.cleaned_data["version"])
    except (ValidationError, ConcurrentEdit) as error:
        _add_errors(form, error)
        return _form_failed(request, measure, error, status_form=form)
    messages.success(request, "เปลี่ยนสถานะแล้ว")
    return redirect("measure-detail", pk=measure.pk)


@login_required
@require_POST
def approval(request, pk):
    """The division head approves a finished measure or sends it back with a note."""
    measure, _ = get_measure_for_user(request, pk)
    require_approver(request.user, measure)
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        return _form_failed(request, measure, None, approval_form=form)
    act = measure_approve if form.cleaned_data["decision"] == "approve" else measure_return
    try:
        act(measure=measure, by=request.user, note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"])
    except (ValidationError, ConcurrentEdit) as error:
        _add_errors(form, error)
        return _form_failed(request, measure, error, approval_form=form)
    messages.success(request, "รับรองผลแล้ว" if act is measure_approve
                     else "ส่งกลับให้ผู้รับผิดชอบดำเนินการเพิ่มเติมแล้ว")
    return redirect("measure-detail", pk=measure.pk)


@login_required
@require_POST
def step_toggle(request, pk, step_pk):
    measure, can_edit = get_measure_for_user(request, pk)
    _refuse_readers(can_edit)
    step = get_object_or_404(MeasureStep, pk=step_pk, measure=measure)
    step_set_done(step=step, done=request.POST.get("done") == "1", by=request.user)
    return redirect("measure-detail", pk=measure.pk)


@login_required
def evidence_download(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("update__measure__organization"),
                                 pk=pk)
    if not evidence.file or not can_view_measure(request.user, evidence.update.measure):
        raise Http404("ไม่พบไฟล์")
    return files.download(evidence.file, evidence.original_name, evidence.content_type)


@login_required
def issue_list(request):
    require_member(request.user)
    years = fiscal_years_with_measures(request.user)
    year = int_param(request.GET, "year", None, YEAR_MIN, YEAR_MAX) or year_in_progress()
    return render(request, "measures/issues.html", {
        "issues": issues_for(request.user, year), "year": year, "years": years,
        "can_manage": can_manage_measures(request.user, request.user.organization)})


def _require_manager(request):
    organization = require_member(request.user)
    if not can_manage_measures(request.user, organization):
        raise PermissionDenied("เฉพาะผู้ดูแลระบบของหน่วยงานเท่านั้น")
    return organization


@login_required
def measure_edit(request, pk=None):
    organization = _require_manager(request)
    measure = get_object_or_404(Measure, pk=pk, organization=organization) if pk else None
    form = MeasureForm(request.POST or None, instance=measure, organization=organization)
    steps = StepFormSet(request.POST or None, instance=form.instance, prefix="steps")
    if request.method == "POST":
        if form.is_valid() and steps.is_valid():
            try:
                saved = measure_save_form(form=form, steps=steps, by=request.user)
            except ConcurrentEdit as error:
                messages.error(request, error.message)
                return render(request, "measures/edit.html", {"form": form, "steps": steps},
                              status=409)
            messages.success(request, "บันทึกมาตรการแล้ว")
            return redirect("measure-detail", pk=saved.pk)
        return render(request, "measures/edit.html", {"form": form, "steps": steps}, status=400)
    return render(request, "measures/edit.html", {"form": form, "steps": steps})


@login_required
def issue_edit(request, pk=None):
    organization = _require_manager(request)
    issue = get_object_or_404(ImprovementIssue, pk=pk, organization=organization) if pk else None
    form = IssueForm(request.POST or None, instance=issue, organization=organization)
    if request.method == "POST":
        if form.is_valid():
            saved = form.save()
            messages.success(request, "บันทึกประเด็นที่ต้องปรับปรุงแล้ว")
            return redirect(f"{reverse('issue-list')}?year={saved.fiscal_year}")
        return render(request, "measures/issue_edit.html", {"form": form}, status=400)
    return render(request, "measures/issue_edit.html", {"form": form})
