from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from indicators.forms import PublishForm
from indicators.models import OITItem
from indicators.permissions import can_edit_criteria
from indicators.selectors import organization_results
from indicators.validation import publish_errors
from indicators.years import default_year, visible_years
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
    year = default_year(request.user)
    if year is None:
        raise Http404("ยังไม่ได้โหลดเกณฑ์การประเมิน")
    return redirect("criteria", year=year)


@login_required
def criteria(request, year):
    year_obj = get_object_or_404(visible_years(request.user), year=year)
    items = (OITItem.objects.filter(year=year_obj)
             .select_related("sub_indicator__indicator").order_by("order"))
    operator = can_edit_criteria(request.user)
    return render(request, "indicators/criteria.html", {
        "year": year_obj, "years": visible_years(request.user).order_by("year"),
        "tools": year_obj.tools.prefetch_related("indicators").order_by("order"),
        "bands": year_obj.bands.order_by("order"), "items": items,
        "unverified": sum(1 for i in items if not i.verified),
        "revisions": year_obj.revisions.select_related("by")[:50],
        "can_edit": operator, "problems": publish_errors(year_obj) if operator else [],
        "publish_form": PublishForm() if operator else None,
    })
