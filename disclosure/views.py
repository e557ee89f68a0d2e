from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST

from disclosure import downloads
from disclosure.carryover import carry_over
from disclosure.forms import ItemForm
from disclosure.models import CheckRun, DisclosureItem
from disclosure.permissions import can_manage_checklist, can_run_checks, get_item_for_user
from disclosure.selectors import checklist_items, latest_check_run, predicted_result, sections
from disclosure.services import (
    CHECK_LINKS,
    ConcurrentEdit,
    check_run_start,
    ensure_checklist,
    item_update,
)
from indicators.models import AssessmentYear, OITItem
from indicators.selectors import year_rules
from indicators.years import default_year, visible_years, year_choices
from ita_portal import jobs
from ita_portal.confirm import confirm_post
from ita_portal.thai import thai_digits
from organizations.scoping import require_member


def _rules_or_404(user, year, years=None):
    """The year's rules, read when first used (the year is checked now, against `years` when
    the caller has read the years the user may choose)."""
    found = year in years if years is not None else visible_years(user).filter(year=year).exists()
    if not found:
        raise Http404("ไม่พบเกณฑ์ของปีนี้")
    return SimpleLazyObject(lambda: year_rules(year))


@login_required
def checklist_latest(request):
    require_member(request.user)
    year = default_year(request.user)
    if year is None:
        raise Http404("ยังไม่ได้โหลดเกณฑ์การประเมิน")
    return redirect("checklist", year=year)


@login_required
def checklist(request, year):
    organization = require_member(request.user)
    years = year_choices(request.user)
    rules = _rules_or_404(request.user, year, years)
    if request.GET.get("export") in ("csv", "xlsx"):
        return getattr(downloads, f"as_{request.GET['export']}")(
            checklist_items(organization, year), organization, year)
    # Read only when a kept page part is rendered again (the organisation's data changed).
    items = SimpleLazyObject(lambda: checklist_items(organization, year))
    return render(request, "disclosure/checklist.html", {
        "organization": organization, "year": year, "pdf_query": f"year={year}",
        "sections": SimpleLazyObject(lambda: sections(items, rules)),
        "predicted": SimpleLazyObject(lambda: predicted_result(organization, items, rules)),
        "years": years,
        "criteria": SimpleLazyObject(lambda: AssessmentYear.objects.get(year=year)),
        "can_run": can_run_checks(request.user, organization),
        "can_manage": can_manage_checklist(request.user, organization),
        "last_run": SimpleLazyObject(lambda: latest_check_run(organization, year)),
    })


@login_required
@require_http_methods(["GET", "POST"])
def item_start(request, year, code):
    """Open an item nobody has answered yet: the year's rows are created, then its page. A GET
    (the row's link opened without scripts) asks first."""
    organization = require_member(request.user)
    if not can_run_checks(request.user, organization):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่และผู้ดูแลระบบของหน่วยงานเท่านั้น")
    _rules_or_404(request.user, year)
    if request.method == "GET":
        oit = get_object_or_404(OITItem, year__year=year, code=code)
        return confirm_post(request, title=f"{oit.code} {oit.name_th}", button="เริ่มกรอกข้อมูล",
                            text="เริ่มกรอกหลักฐานของข้อนี้", back=reverse("checklist", args=[year]))
    ensure_checklist(organization, year)
    item = get_object_or_404(DisclosureItem, organization=organization,
                             oit_item__year__year=year, oit_item__code=code)
    return redirect("disclosure-item", pk=item.pk)


@login_required
def item_edit(request, pk):
    item, can_edit = get_item_for_user(request, pk)
    if not can_edit:
        raise PermissionDenied("ท่านไม่ได้เป็นผู้รับผิดชอบข้อมูลข้อนี้")
    form = ItemForm(request.POST or None, item=item)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("status", "explanation", "owner_department",
                                                  "owner_position", "due_date")}
        data["urls"] = form.cleaned_data["url_lines"]
        try:
            item_update(item=item, by=request.user, data=data,
                        expected_version=form.cleaned_data["version"])
        except ConcurrentEdit as error:
            messages.error(request, error.message)
            return _render_item(request, item, form, 409)
        except ValidationError as error:
            form.add_error("urls", error.message_dict.get("urls", error.messages))
            return _render_item(request, item, form, 400)
        messages.success(request, f"บันทึกข้อ {item.oit_item.code} แล้ว")
        return redirect(f"/disclosure/{item.oit_item.year.year}/#item-{item.pk}")
    return _render_item(request, item, form, 400 if request.method == "POST" else 200)


def _render_item(request, item, form, status):
    history = item.history.select_related("by").order_by("-at")
    links = item.links.order_by("removed_at", "order").prefetch_related("checks")
    return render(request, "disclosure/item_edit.html",
                  {"item": item, "form": form, "history": history, "links": links},
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
def run_checks(request, year):
    """Queue a check of the year's links (a POST); a GET (the link without scripts) asks."""
    organization = require_member(request.user)
    _rules_or_404(request.user, year)
    if request.method == "GET":
        if not can_run_checks(request.user, organization):
            raise PermissionDenied("เฉพาะเจ้าหน้าที่และผู้ดูแลระบบของหน่วยงานเท่านั้น")
        return confirm_post(request, title=f"ตรวจลิงก์ทั้งหมดของปี {thai_digits(year)}",
                            button="ตรวจลิงก์ทั้งหมด", back=reverse("checklist", args=[year]),
                            text="ตรวจทุกลิงก์หลักฐาน OIT ของปีนี้ในเบื้องหลัง (ใช้เวลาไม่กี่นาที)")
    run = check_run_start(organization=organization, year=year, by=request.user)
    return redirect("check-run", pk=run.pk)


@login_required
def run_status(request, pk):
    run = get_object_or_404(CheckRun, pk=pk, organization=require_member(request.user))
    job = jobs.latest(CHECK_LINKS, run.batch_id or run.pk)  # a nightly run: its batch's job
    if request.GET.get("format") == "json":
        return JsonResponse(jobs.status(job, total=run.total, done=run.done, failed=run.failed,
                                        detail=f"ล้มเหลว {run.failed} ลิงก์"))
    return render(request, "disclosure/run.html", {"run": run, "job": job})


@login_required
@require_POST
def carry_over_view(request, year):
    organization = require_member(request.user)
    if not can_manage_checklist(request.user, organization):
        raise PermissionDenied("เฉพาะผู้ดูแลระบบของหน่วยงานเท่านั้น")
    count = carry_over(organization, year)
    messages.success(request, f"ยกข้อมูลจากปี {year - 1} มาแล้ว {count} ข้อ กรุณายืนยันทุกข้อ")
    return redirect("checklist", year=year)
