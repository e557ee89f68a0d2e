"""Who may manage meetings, start report exports and publish documents; the access helpers of
reports' views."""

from django.shortcuts import get_object_or_404

from organizations.permissions import is_member, is_org_admin, require
from organizations.scoping import require_member
from reports.models import Meeting, ReportExport


def can_manage_meetings(user, organization):
    """Add meetings, write resolutions, close a meeting, render its PDF again: the admins."""
    return is_org_admin(user, organization)


def require_meeting_manager(user, organization):
    require(can_manage_meetings(user, organization))


def can_start_exports(user, organization):
    return is_org_admin(user, organization)


def require_exporter(user, organization):
    require(can_start_exports(user, organization))


def can_publish_documents(user, organization):
    """Approve a document for the public pages, or withdraw it: the organisation's admins."""
    return is_org_admin(user, organization)


def require_publisher(user, organization):
    require(can_publish_documents(user, organization),
            "เฉพาะผู้ดูแลระบบของหน่วยงานเท่านั้นที่อนุมัติการเผยแพร่เอกสารได้")


def can_request_draft(user, organization):
    """A meeting's draft PDF: any member of the organisation (an overseer reads the page)."""
    return is_member(user) and user.organization_id == organization.pk


def require_draft_reader(user, organization):
    require(can_request_draft(user, organization), "เฉพาะสมาชิกของหน่วยงานเท่านั้น")


def get_meeting_for_user(request, pk):
    """(meeting, can_manage) for a meeting of the user's organisation; 404 for any other."""
    organization = require_member(request.user)
    meeting = get_object_or_404(Meeting.objects.select_related("committee", "organization"),
                                pk=pk, organization=organization)
    return meeting, can_manage_meetings(request.user, organization)


def get_export_for_user(request, pk):
    organization = require_member(request.user)
    return get_object_or_404(ReportExport, pk=pk, organization=organization)
