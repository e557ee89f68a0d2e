"""The admin imports an O42 document: upload or paste, preview, fix owners, confirm, undo."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from imports.forms import DocumentForm, OwnerMappingForm
from imports.models import BatchState, ImportBatch
from imports.services import apply, owner_choices, preview, undo
from imports.source import UnreadableDocument
from measures.models import Cadence
from organizations.scoping import require_member, require_org_admin


def _admin_organization(request):
    organization = require_member(request.user)
    require_org_admin(request.user, organization)
    return organization


@login_required
def import_start(request):
    organization = _admin_organization(request)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data, name = form.source()
        try:
            batch = preview(organization=organization, by=request.user, data=data,
                            filename=name, fiscal_year=form.cleaned_data["fiscal_year"])
        except (UnreadableDocument, ValidationError) as error:
            form.add_error(None, getattr(error, "messages", [str(error)])[0])
        else:
            return redirect("import-batch", pk=batch.pk)
    batches = ImportBatch.objects.filter(organization=organization).select_related(
        "created_by")[:20]
    status = 400 if form.errors else 200
    return render(request, "imports/start.html", {"form": form, "batches": batches},
                  status=status)


def with_labels(plan):
    labels = dict(Cadence.choices)
    for draft in plan["issues"] + plan["measures"]:
        draft["cadence_label"] = labels.get(draft["cadence"], "ไม่ระบุ (ทุกครั้งที่ประชุม)")
    return plan


def _batch(request, pk):
    organization = _admin_organization(request)
    return get_object_or_404(ImportBatch, pk=pk, organization=organization)


def _mapping_form(batch, data=None):
    unmatched = [name for name, match in owner_choices(batch).items() if match is None]
    return OwnerMappingForm(data, organization=batch.organization, names=unmatched)


@login_required
def batch_detail(request, pk):
    batch = _batch(request, pk)
    form = _mapping_form(batch, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            apply(batch=batch, mapping=form.mapping(), by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "นำเข้าแล้ว")
        return redirect("import-batch", pk=batch.pk)
    return render(request, "imports/batch.html", {
        "batch": batch, "plan": with_labels(batch.plan), "form": form,
        "matched": {n: m for n, m in owner_choices(batch).items() if m is not None},
        "is_preview": batch.state == BatchState.PREVIEW})


@login_required
@require_POST
def batch_undo(request, pk):
    batch = _batch(request, pk)
    try:
        undo(batch=batch, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "ยกเลิกการนำเข้าทั้งชุดแล้ว")
    return redirect("import-batch", pk=batch.pk)
