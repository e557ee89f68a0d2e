from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from indicators.years import visible_years, year_in_progress
from organizations.scoping import require_member
from reports.dashboard import dashboard
from reports.models import Meeting, MeetingStatus


@login_required
def dashboard_view(request):
    organization = require_member(request.user)
    next_meeting = (Meeting.objects.filter(organization=organization, status=MeetingStatus.OPEN,
                                           date__gte=timezone.localdate())
                    .select_related("committee").order_by("date").first())
    year = requested_year(request)
    context = dashboard(organization, year, next_meeting=next_meeting)
    context["years"] = sorted({*visible_years(request.user).values_list("year", flat=True),
                               year_in_progress()}, reverse=True)
    context["meeting_mode"] = request.GET.get("meeting") == "1"
    return render(request, "reports/dashboard.html", context)


def requested_year(request):
    """?year= when it is a year the user may see, else the year in progress (whose criteria
    may not be loaded yet: its measures are still shown)."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and visible_years(request.user).filter(year=int(raw)).exists():
        return int(raw)
    return year_in_progress()
