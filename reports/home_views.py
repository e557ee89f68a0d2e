"""The home page: a member's organisation and its latest result; an overseer's organisations."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from disclosure.selectors import owned_open_items
from indicators.selectors import organization_results
from indicators.years import default_year
from measures.deadlines import WINDOWS
from measures.permissions import can_have_own_measures
from measures.selectors import my_measures
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
        "role": user.role, "work": _my_work(user), "due_soon_days": WINDOWS["due_soon"],
    })


def _my_work(user):
    """Counts for the links to the person's own work (staff and admins own work)."""
    if not can_have_own_measures(user):
        return None
    buckets, year = my_measures(user), default_year(user)
    return {"overdue": len(buckets["overdue"]), "due_soon": len(buckets["due_soon"]),
            "stale": len(buckets["stale"]), "year": year,
            "items": owned_open_items(user, year).count() if year else 0}


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
