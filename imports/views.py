"""The admin imports an O42 document: upload or paste, preview, fix owners, confirm, undo."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from imports.document import preview as document_preview
from imports.document.write import owner_choices
from imports.forms import DocumentForm, OwnerMappingForm, ScoresForm
from imports.models import BatchState, ImportBatch, Pipeline
from imports.permissions import require_importer
from imports.scores import import_scores
from imports.services import apply, preview, undo
from imports.upload import UnreadableDocument
from imports.workbook.export import workbook_bytes
from imports.workbook.preview import workbook_sections
from indicators.models import MAX_YEAR, MIN_YEAR
from indicators.selectors import require_assessed_year
from indicators.years import year_in_progress
from ita_portal.spreadsheets import XLSX_TYPE
from organizations.scoping import require_member


def _admin_organization(request):
    organization = require_member(request.user)
    require_importer(request.user, organization)
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
            for message in getattr(error, "messages", [str(error)]):
                form.add_error(None, message)
        else:
            return redirect("import-batch", pk=batch.pk)
    batches = ImportBatch.objects.filter(organization=organization).select_related(
        "created_by")[:20]
    status = 400 if form.errors else 200
    return render(request, "imports/start.html", {
        "form": form, "batches": batches, "year": year_in_progress(),
        "min_year": MIN_YEAR, "max_year": MAX_YEAR},
        status=status)


@login_required
def workbook_download(request):
    """The XLSX template (?template=1) or all the data of a fiscal year in the same layout."""
    organization = require_member(request.user)
    try:
        year = int(request.GET.get("year", ""))
        require_assessed_year(year)
    except (ValueError, ValidationError):
        return HttpResponseBadRequest("ระบุปีงบประมาณ พ.ศ. ที่มีเกณฑ์การประเมิน "
                                      f"เช่น ?year={year_in_progress()}")
    template = request.GET.get("template") == "1"
    data = workbook_bytes(organization, year, template=template)
    name = f"ita-{'template' if template else 'data'}-{organization.slug}-{year}.xlsx"
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _batch(request, pk):
    organization = _admin_organization(request)
    return get_object_or_404(ImportBatch, pk=pk, organization=organization)


def _mapping_form(batch, data=None):
    unmatched = [name for name, match in owner_choices(batch).items() if match is None]
    return OwnerMappingForm(data, organization=batch.organization, names=unmatched)


@login_required
def batch_detail(request, pk):
    batch = _batch(request, pk)
    if batch.kind == Pipeline.WORKBOOK:
        return _workbook_batch(request, batch)
    form = _mapping_form(batch, request.POST or None)
    shown = document_preview.rows(batch)
    if request.method == "POST" and form.is_valid():
        skip = set()
        if "select" in request.POST:  # the preview's ticks: an unticked row is not posted
            skip = document_preview.all_keys(shown) - set(request.POST.getlist("row"))
        try:
            apply(batch=batch, mapping=form.mapping(), by=request.user, skip=skip)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "นำเข้าแล้ว")
        return redirect("import-batch", pk=batch.pk)
    return render(request, "imports/batch.html", {
        "batch": batch, "plan": batch.plan, "rows": shown, "form": form,
        "matched": {n: m for n, m in owner_choices(batch).items() if m is not None},
        "is_preview": batch.state == BatchState.PREVIEW}, status=400 if form.errors else 200)


def _workbook_batch(request, batch):
    if request.method == "POST":
        try:
            apply(batch=batch, mapping={}, by=request.user)
        except ValidationError as error:
            for message in error.messages[:20]:
                messages.error(request, message)
        else:
            messages.success(request, "นำเข้าแล้ว")
        return redirect("import-batch", pk=batch.pk)
    return render(request, "imports/workbook_batch.html", {
        "batch": batch, "sheets": workbook_sections(batch.plan),
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


@login_required
def scores_import(request):
    """Official scores from CSV/XLSX: an organisation's admin for their own organisation,
    the platform superuser for any; every wrong row listed, nothing written."""
    if not request.user.is_superuser:
        _admin_organization(request)
    form = ScoresForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_scores(upload.read(), upload.name, request.user,
                                   dry_run=form.cleaned_data["dry_run"])
        except UnreadableDocument as error:
            form.add_error("file", str(error))
    status = 400 if form.errors or (result and result.errors) else 200
    return render(request, "imports/scores.html", {"form": form, "result": result},
                  status=status)
