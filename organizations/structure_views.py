"""Departments, positions and the organisation's profile, for its admin."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from organizations import structure
from organizations.models import Department, Position
from organizations.people_forms import DepartmentForm, MergeForm, PositionForm, ProfileForm
from organizations.people_views import _admin_org

KINDS = {"department": (Department, DepartmentForm), "position": (Position, PositionForm)}


def structure_page(request):
    organization = _admin_org(request)
    return render(request, "organizations/structure.html", {
        "departments": Department.objects.filter(organization=organization),
        "positions": Position.objects.filter(organization=organization)
        .select_related("department"),
    })


def _form(kind, organization, data=None, instance=None):
    form_class = KINDS[kind][1]
    extra = {"organization": organization} if kind == "position" else {}
    return form_class(data, instance=instance, **extra)


def unit_edit(request, kind, pk=None):
    organization = _admin_org(request)
    model = KINDS[kind][0]
    unit = get_object_or_404(model, pk=pk, organization=organization) if pk else None
    form = _form(kind, organization, request.POST or None, unit)
    form.instance.organization = organization
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"บันทึก {form.instance} แล้ว")
        return redirect("structure")
    return render(request, "organizations/unit_form.html", {
        "form": form, "unit": unit, "kind": kind,
        "usage": structure.usage(unit) if unit else [],
        "merge": MergeForm(queryset=model.objects.filter(
            organization=organization, is_retired=False).exclude(pk=pk)) if unit else None,
    }, status=400 if form.errors else 200)


@require_POST
def unit_merge(request, kind, pk):
    organization = _admin_org(request)
    model = KINDS[kind][0]
    unit = get_object_or_404(model, pk=pk, organization=organization)
    form = MergeForm(request.POST, queryset=model.objects.filter(
        organization=organization, is_retired=False).exclude(pk=pk))
    if form.is_valid():
        structure.merge(unit, form.cleaned_data["into"])
        messages.success(request, f"รวม {unit} เข้ากับ {form.cleaned_data['into']} แล้ว")
    else:
        messages.error(request, "เลือกรายการที่จะรวมเข้าด้วย")
    return redirect("structure")


@require_POST
def unit_retire(request, kind, pk):
    organization = _admin_org(request)
    unit = get_object_or_404(KINDS[kind][0], pk=pk, organization=organization)
    try:
        structure.retire(unit)
        messages.success(request, f"เลิกใช้ {unit} แล้ว")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("structure")


def profile(request):
    organization = _admin_org(request)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "บันทึกข้อมูลหน่วยงานแล้ว")
        return redirect("org-profile")
    return render(request, "organizations/profile.html", {"form": form},
                  status=400 if form.errors else 200)
