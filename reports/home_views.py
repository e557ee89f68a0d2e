"""The home page: a member's organisation and its latest result; an overseer's organisations."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from indicators.selectors import organization_results
from organizations.models import Role
from organizations.scoping import visible_organizations


@login_required
def home(request):
    user = request.user
    if user.role == Role.OVERSEER or (user.is_superuser and user.organization_id is None):
        return _overseer_home(request)
    if user.organization_id is None:
        return render(request, "reports/home_no_org.html", status=403)
    results = organization_results(user.organization)
    return render(request, "reports/home.html", {
        "organization": user.organization,
        "latest": results[0] if results else None,
        "role": user.role,
    })


def _overseer_home(request):
    orgs = visible_organizations(request.user).only("name_th", "slug", "kind", "province")
    page = Paginator(orgs.order_by("province", "name_th"), 50).get_page(request.GET.get("page"))
    return render(request, "reports/home_overseer.html", {"page": page})
