"""The operator's pages for OIT items of a year and the crosswalk from the year before."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from indicators import crosswalk, editing
from indicators.criteria_views import require_operator
from indicators.forms import RELATIONS, ItemForm, MergeForm, RemoveForm
from indicators.models import AssessmentYear, OITItem
from indicators.years import previous_year


def _item_data(form):
    return {k: v for k, v in form.cleaned_data.items() if k != "reason"}


def _form_page(request, form, write, success, template, context):
    """Validate, call the service, and go back to the year; or show the form with errors."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = write(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success(saved))
            return redirect("criteria", year=context["year"].year)
    return render(request, template, {**context, "form": form},
                  status=400 if form.errors else 200)


@login_required
def item_edit(request, year, code):
    require_operator(request.user)
    item = get_object_or_404(OITItem.objects.select_related("year"), year__year=year, code=code)
    form = ItemForm(request.POST or None, instance=OITItem.objects.get(pk=item.pk),
                    year=item.year)
    return _form_page(
        request, form,
        lambda data: editing.update_item(item=item, data=_item_data(form), by=request.user,
                                         reason=data["reason"]),
        lambda _: f"บันทึกข้อ {item.code} แล้ว", "indicators/item_edit.html",
        {"year": item.year, "item": item, "remove_form": RemoveForm(item=item)})


@login_required
def item_new(request, year):
    require_operator(request.user)
    year_obj = get_object_or_404(AssessmentYear, year=year)
    form = ItemForm(request.POST or None, year=year_obj)
    return _form_page(
        request, form,
        lambda data: editing.add_item(year=year_obj, data=_item_data(form), by=request.user,
                                      reason=data["reason"]),
        lambda item: f"เพิ่มข้อ {item.code} แล้ว", "indicators/item_edit.html",
        {"year": year_obj})


@login_required
@require_POST
def item_remove(request, year, code):
    require_operator(request.user)
    item = get_object_or_404(OITItem, year__year=year, code=code)
    form = RemoveForm(request.POST, item=item)
    if form.is_valid():
        try:
            editing.remove_item(item=item, by=request.user, reason=form.cleaned_data["reason"],
                                replacement=form.cleaned_data["replacement"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("criteria-item", year=year, code=code)
        messages.success(request, f"นำข้อ {code} ออกแล้ว")
    return redirect("criteria", year=year)


@login_required
def merge(request, year):
    require_operator(request.user)
    year_obj = get_object_or_404(AssessmentYear, year=year)
    form = MergeForm(request.POST or None, year=year_obj)
    return _form_page(
        request, form,
        lambda data: editing.merge_items(keep=data["keep"], others=list(data["others"]),
                                         by=request.user, reason=data["reason"],
                                         name_th=data["name_th"]),
        lambda keep: f"รวมข้อเข้ากับข้อ {keep.code} แล้ว", "indicators/merge.html",
        {"year": year_obj})


@login_required
def crosswalk_edit(request, year):
    require_operator(request.user)
    year_obj = get_object_or_404(AssessmentYear, year=year)
    previous = previous_year(year_obj)
    if previous is None:
        messages.info(request, "ปีนี้เป็นปีแรกในระบบ ไม่มีตารางเทียบข้อ")
        return redirect("criteria", year=year)
    rows = crosswalk.suggest(previous, year_obj)
    if request.method == "POST":
        rows = [_posted_row(request.POST, row) for row in rows]
        try:
            crosswalk.confirm(previous=previous, year=year_obj, rows=rows, by=request.user,
                              reason=request.POST.get("reason", ""))
        except ValidationError as error:
            messages.error(request, " · ".join(error.messages))
        else:
            messages.success(request, f"ยืนยันตารางเทียบข้อ {previous.year} → {year} แล้ว")
            return redirect("criteria", year=year)
    return render(request, "indicators/crosswalk.html", {
        "year": year_obj, "previous": previous, "rows": rows, "relations": RELATIONS,
        "dropped": crosswalk.dropped(previous, rows)},
        status=400 if request.method == "POST" else 200)


def _posted_row(post, row):
    key = row.to_item.code
    codes = [c.strip().upper() for c in post.get(f"from-{key}", "").replace(",", " ").split()]
    return crosswalk.Row(row.to_item, codes, post.get(f"relation-{key}", row.relation),
                         post.get(f"note-{key}", "")[:300], True)
