"""The operator's pages for a year's criteria: start, edit, import, publish, export."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from indicators import criteria_import, publishing
from indicators.exchange import read_file, spec_json, spec_workbook
from indicators.forms import (
    BandFormSet,
    ImportForm,
    IndicatorFormSet,
    PublishForm,
    StartYearForm,
    SubFormSet,
    ToolFormSet,
    YearForm,
)
from indicators.models import AssessmentYear, Indicator, ResultBand, SubIndicator, Tool
from indicators.permissions import can_edit_criteria
from indicators.spec import year_spec
from ita_portal.spreadsheets import XLSX_TYPE

IMPORT_SESSION_KEY = "criteria_import"


def require_operator(user):
    if not can_edit_criteria(user):
        raise PermissionDenied("เฉพาะผู้ดูแลเกณฑ์ของแพลตฟอร์มเท่านั้น")


def _fail(request, error):
    for message in error.messages:
        messages.error(request, message)


@login_required
def manage(request):
    require_operator(request.user)
    return render(request, "indicators/manage.html", {
        "years": AssessmentYear.objects.order_by("-year"),
        "start_form": StartYearForm(), "import_form": ImportForm()})


@login_required
@require_POST
def start(request):
    require_operator(request.user)
    form = StartYearForm(request.POST)
    if form.is_valid():
        try:
            year = publishing.start_year(source=form.cleaned_data["source"],
                                         year=form.cleaned_data["year"], by=request.user)
        except ValidationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"เริ่มร่างเกณฑ์ปี {year.year} แล้ว")
            return redirect("criteria", year=year.year)
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect("criteria-manage")


@login_required
def edit_year(request, year):
    require_operator(request.user)
    year_obj = get_object_or_404(AssessmentYear, year=year)
    forms_ = _year_forms(request, year_obj)
    if request.method == "POST" and all(f.is_valid() for f in forms_.values()):
        try:
            _save_year(year_obj, forms_, request.user)
        except ValidationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"บันทึกเกณฑ์ปี {year} แล้ว")
            return redirect("criteria", year=year)
    status = 400 if request.method == "POST" else 200
    return render(request, "indicators/edit_year.html", {"year": year_obj, **forms_},
                  status=status)


def _year_forms(request, year_obj):
    data = request.POST if request.method == "POST" else None
    return {
        "form": YearForm(data, instance=year_obj),
        "tools": ToolFormSet(data, prefix="tool", queryset=Tool.objects.filter(year=year_obj)),
        "indicators": IndicatorFormSet(data, prefix="ind", queryset=Indicator.objects.filter(
            year=year_obj).order_by("number")),
        "bands": BandFormSet(data, prefix="band",
                             queryset=ResultBand.objects.filter(year=year_obj)),
        "subs": SubFormSet(data, prefix="sub", queryset=SubIndicator.objects.filter(
            indicator__year=year_obj).select_related("indicator")),
    }


@transaction.atomic
def _save_year(year_obj, forms_, by):
    changes = []
    for name in ("form", "tools", "indicators", "bands", "subs"):
        bound = forms_[name]
        for form in getattr(bound, "forms", [bound]):
            if form.has_changed():
                changes += [{"field": f"{form.instance} · {form.fields[f].label}",
                             "before": str(form.initial.get(f, "")),
                             "after": str(form.cleaned_data[f])}
                            for f in form.changed_data if f != "reason"]
                form.save()
    if changes:
        year_obj.refresh_from_db()
        publishing.record(year_obj, by=by, action="แก้ไขเกณฑ์ของปี",
                          reason=forms_["form"].cleaned_data.get("reason", ""),
                          changes=changes)


@login_required
@require_POST
def publish(request, year):
    require_operator(request.user)
    year_obj = get_object_or_404(AssessmentYear, year=year)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            publishing.publish(year=year_obj, status=form.cleaned_data["status"],
                               by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"เผยแพร่เกณฑ์ปี {year} แล้ว")
    return redirect("criteria", year=year)


@login_required
def export(request, year, fmt):
    if fmt not in ("json", "xlsx"):
        raise Http404("ส่งออกได้เป็น .json หรือ .xlsx")
    year_obj = get_object_or_404(AssessmentYear, year=year)
    spec = year_spec(year_obj)
    if fmt == "xlsx":
        response = HttpResponse(spec_workbook(spec), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(spec_json(spec), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="criteria-{year}.{fmt}"'
    return response


@login_required
def import_file(request):
    require_operator(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            raw = read_file(form.cleaned_data["file"].read())
        except ValidationError as error:
            form.add_error("file", error)
        else:
            result = criteria_import.preview(raw, form.cleaned_data["year"])
            if not result.errors:
                request.session[IMPORT_SESSION_KEY] = json.dumps(
                    {"spec": raw, "year": form.cleaned_data["year"]}, default=str)
    status = 400 if form.errors or (result and result.errors) else 200
    return render(request, "indicators/import.html", {"form": form, "result": result},
                  status=status)


@login_required
@require_POST
def import_confirm(request):
    require_operator(request.user)
    stored = request.session.pop(IMPORT_SESSION_KEY, None)
    if stored is None:
        messages.error(request, "ไม่พบไฟล์ที่ตรวจไว้ กรุณาเลือกไฟล์อีกครั้ง")
        return redirect("criteria-import")
    stored = json.loads(stored)
    result = criteria_import.preview(stored["spec"], stored["year"])
    try:
        year = criteria_import.apply(result, by=request.user,
                                     reason=request.POST.get("reason", ""))
    except ValidationError as error:
        request.session[IMPORT_SESSION_KEY] = json.dumps(stored)
        _fail(request, error)
        return redirect("criteria-import")
    messages.success(request, f"นำเข้าเกณฑ์ปี {year.year} แล้ว")
    return redirect("criteria", year=year.year)
