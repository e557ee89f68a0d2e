from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ita_portal.thai import fiscal_year_of
from organizations.scoping import require_member
from reports.dashboard import dashboard
from reports.models import Meeting, MeetingStatus


@login_required
def dashboard_view(request):
    organization = require_member(request.user)
    next_meeting = (Meeting.objects.filter(organization=organization, status=MeetingStatus.OPEN,
                                           date__gte=timezone.localdate())
                    .select_related("committee").order_by("date").first())
    context = dashboard(organization, _year(request), next_meeting=next_meeting)
    context["meeting_mode"] = request.GET.get("meeting") == "1"
    return render(request, "reports/dashboard.html", context)


def _year(request):
    """The fiscal year the page is about: ?year=2570, by default the one in progress."""
    text = request.GET.get("year", "")
    if text.isdigit() and 2500 <= int(text) <= 2700:
        return int(text)
    return fiscal_year_of(timezone.localdate())
