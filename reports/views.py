from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from organizations.scoping import require_member
from reports.dashboard import dashboard
from reports.models import Meeting, MeetingStatus


@login_required
def dashboard_view(request):
    organization = require_member(request.user)
    next_meeting = (Meeting.objects.filter(organization=organization, status=MeetingStatus.OPEN,
                                           date__gte=timezone.localdate())
                    .select_related("committee").order_by("date").first())
    context = dashboard(organization, next_meeting=next_meeting)
    context["meeting_mode"] = request.GET.get("meeting") == "1"
    return render(request, "reports/dashboard.html", context)
