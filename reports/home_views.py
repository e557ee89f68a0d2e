"""The home page: a member's organisation, their own work and its latest result; an overseer's
table of agencies (reports.overseer_views)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from disclosure.selectors import owned_open_items
from indicators.selectors import organization_results
from indicators.years import default_year
from measures.deadlines import WINDOWS
from measures.permissions import can_have_own_measures
from measures.selectors import awaiting_my_approval, my_work_counts
from organizations.middleware import READING_KEY
from organizations.scoping import is_overseer, visible_organizations
from reports.overseer_views import overseer_home


@login_required
def home(request):
    user = request.user
    if is_overseer(user):
        return overseer_home(request)
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
    year = default_year(user)
    return {**my_work_counts(user), "year": year,
            "to_approve": awaiting_my_approval(user).count(),
            "items": owned_open_items(user, year).count() if year else 0}





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
