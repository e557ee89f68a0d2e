from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from indicators.models import AssessmentYear, OITItem
from indicators.selectors import organization_results
from organizations.permissions import get_organization_for_user


@login_required
def results(request, slug):
    organization = get_organization_for_user(request, slug)
    return render(request, "indicators/results.html", {
        "organization": organization,
        "results": organization_results(organization),
    })


@login_required
def criteria_latest(request):
    latest = AssessmentYear.objects.order_by("-year").first()
    if latest is None:
        raise Http404("ยังไม่ได้โหลดเกณฑ์การประเมิน")
    return redirect("criteria", year=latest.year)


@login_required
def criteria(request, year):
    year_obj = get_object_or_404(AssessmentYear, year=year)
    items = (OITItem.objects.filter(year=year_obj)
             .select_related("sub_indicator__indicator").order_by("order"))
    return render(request, "indicators/criteria.html", {
        "year": year_obj,
        "years": AssessmentYear.objects.order_by("year"),
        "tools": year_obj.tools.prefetch_related("indicators").order_by("order"),
        "bands": year_obj.bands.order_by("order"),
        "items": items,
    })
