"""Start a list's PDF, follow its job, download the file (only the person who asked)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ita_portal import files, jobs, list_exports
from ita_portal.confirm import confirm_post
from ita_portal.models import ListExport


@login_required
@require_http_methods(["GET", "POST"])
def start(request, kind):
    """Queue a list's PDF (a POST); a GET (the list's link opened without scripts) asks."""
    if not list_exports.is_registered(kind):
        raise Http404("ไม่พบรายการนี้")
    if request.method == "GET":
        list_exports.check(kind, request.user)
        return confirm_post(request, title="สร้าง PDF ของรายการ", button="สร้าง PDF",
                            text="สร้างไฟล์ PDF ของรายการตามตัวกรองที่เลือก (ใช้เวลาไม่กี่วินาที)",
                            back=reverse("home"), fields=[
                                ("query", request.GET.get("query", "")[:list_exports.PARAMS_MAX])])
    export = list_exports.start(kind=kind, params=request.POST.get("query", ""),
                                by=request.user)
    return redirect("list-export", pk=export.pk)


def _own(request, pk):
    return get_object_or_404(ListExport, pk=pk, requested_by=request.user)


@login_required
def detail(request, pk):
    export = _own(request, pk)
    job = list_exports.job_of(export)
    if request.GET.get("format") == "json":
        return JsonResponse(jobs.status(job, pages=export.pages, file=reverse(
            "list-export-file", args=[export.pk]) if export.file else None))
    return render(request, "jobs/list_export.html", {"export": export, "job": job})


@login_required
def download(request, pk):
    export = _own(request, pk)
    if not export.file:
        raise Http404("ไฟล์นี้ยังสร้างไม่เสร็จ")
    return files.download(export.file, f"{export.filename or export.kind}.pdf")
