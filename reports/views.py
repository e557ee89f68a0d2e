from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from indicators.years import visible_years, year_choices, year_in_progress
from measures import deadlines
from organizations.scoping import require_member
from reports.dashboard import dashboard
from reports.models import Meeting, MeetingStatus


@login_required
def dashboard_view(request):
    organization = require_member(request.user)
    year = requested_year(request)
    # Read only when the kept page part is rendered again (the organisation's data changed).
    board = SimpleLazyObject(lambda: dashboard(organization, year,
                                               next_meeting=_next_meeting(organization)))
    lazy = {name: SimpleLazyObject(lambda name=name: board[name])
            for name in ("results", "measures", "oit", "next_meeting", "horizon")}
    return render(request, "reports/dashboard.html", {
        **lazy, "organization": organization, "fiscal_year": year, "year": year,
        "today": timezone.localdate(), "horizon_days": deadlines.WINDOWS["horizon"],
        "years": sorted({*year_choices(request.user), year_in_progress()}, reverse=True),
        "meeting_mode": request.GET.get("meeting") == "1",
    })


def _next_meeting(organization):
    return (Meeting.objects.filter(organization=organization, status=MeetingStatus.OPEN,
                                   date__gte=timezone.localdate())
            .select_related("committee").order_by("date").first())


def requested_year(request):
    """?year= when it is a year the user may see, else the year in progress (whose criteria
    may not be loaded yet: its measures are still shown)."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and visible_years(request.user).filter(year=int(raw)).exists():
        return int(raw)
    return year_in_progress()
