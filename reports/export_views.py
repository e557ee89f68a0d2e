"""The admin exports the O42 and annual reports; members follow progress and download."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from ita_portal import files, jobs
from ita_portal.thai import fiscal_year_of
from measures.models import ImprovementIssue, Measure
from organizations.scoping import require_member
from reports.exports import export_job, export_list, export_start
from reports.forms import ExportForm
from reports.models import ReportExport
from reports.permissions import can_start_exports, get_export_for_user, require_exporter


def export_years(organization):
    years = set(Measure.objects.filter(organization=organization)
                .values_list("fiscal_year", flat=True).distinct())
    years |= set(ImprovementIssue.objects.filter(organization=organization)
                 .values_list("fiscal_year", flat=True).distinct())
    years.add(fiscal_year_of(timezone.localdate()))
    return sorted(years, reverse=True)


@login_required
def report_list(request):
    organization = require_member(request.user)
    is_admin = can_start_exports(request.user, organization)
    if request.method == "POST":
        require_exporter(request.user, organization)
    form = ExportForm(request.POST or None, years=export_years(organization)) if is_admin else None
    if form is not None and request.method == "POST" and form.is_valid():
        export = export_start(organization=organization, by=request.user,
                              **form.cleaned_data)
        return redirect("report-export", pk=export.pk)
    exports = export_list(ReportExport.objects.filter(organization=organization)
                          .select_related("requested_by"))
    status = 400 if form is not None and form.errors else 200
    return render(request, "reports/exports.html", {"exports": exports, "form": form},
                  status=status)


@login_required
def export_detail(request, pk):
    export = get_export_for_user(request, pk)
    job = export_job(export)
    if request.GET.get("format") == "json":
        return JsonResponse(jobs.status(job, pages=export.pages, file=reverse(
            "report-export-file", args=[export.pk]) if export.file else None))
    return render(request, "reports/export.html", {"export": export, "job": job})


@login_required
def export_file(request, pk):
    export = get_export_for_user(request, pk)
    if not export.file:
        raise Http404("รายงานนี้ยังสร้างไม่เสร็จ")
    return files.download(export.file, f"{export.kind}-{export.fiscal_year}.pdf")
