"""The home page: a member's organisation and its latest result; an overseer's organisations."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from indicators.selectors import organization_results
from organizations.middleware import READING_KEY
from organizations.scoping import is_overseer, visible_organizations


@login_required
def home(request):
    user = request.user
    if is_overseer(user):
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


@login_required
@require_POST
def read_organization(request, slug):
    """An overseer opens one organisation (read-only), or closes it with slug '-'."""
    if not is_overseer(request.user):
        raise Http404("ไม่พบหน่วยงาน")
    if slug == "-":
        request.session.pop(READING_KEY, None)
        return redirect("home")
    if not visible_organizations(request.user).filter(slug=slug).exists():
        raise Http404("ไม่พบหน่วยงาน")
    request.session[READING_KEY] = slug
    return redirect("dashboard")
