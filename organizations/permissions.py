"""Who may act on an organisation as a whole (what they may see is organizations.scoping)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from organizations.models import Organization, Role
from organizations.scoping import can_see_organization


def is_member(user):
    """Signed in and belonging to an organisation (staff, committee or admin)."""
    return user.is_authenticated and user.organization_id is not None and (
        user.role != Role.OVERSEER)


def organization_in_view(user):
    """The organisation whose pages the user reads: their own, or the one an overseer opened."""
    reading = getattr(user, "reading_organization", None)
    return reading or (user.organization if is_member(user) else None)


def reads_an_organization(user):
    return user.is_authenticated and organization_in_view(user) is not None


def is_any_org_admin(user):
    """The admin of some organisation (the people, audit and import pages are theirs)."""
    return is_member(user) and user.role == Role.ADMIN


def is_org_admin(user, organization):
    """The admin of this very organisation."""
    return (user.is_authenticated and user.role == Role.ADMIN
            and user.organization_id == organization.pk)


def is_org_worker(user, organization):
    """Staff or admin of this organisation: those who carry out measures and OIT answers."""
    return (user.is_authenticated and user.organization_id == organization.pk
            and user.role in (Role.ADMIN, Role.STAFF))


ADMINS_ONLY = "เฉพาะผู้ดูแลระบบของหน่วยงานเท่านั้น"


def require(allowed, message=ADMINS_ONLY):
    """403 with a Thai message unless `allowed` (a predicate's answer)."""
    if not allowed:
        raise PermissionDenied(message)


def require_org_admin(user, organization):
    """403 unless the user is the admin of this very organisation."""
    require(is_org_admin(user, organization))


def get_organization_for_user(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    if not can_see_organization(request.user, organization):
        # 404, not 403: do not confirm that another municipality exists here.
        raise Http404("ไม่พบหน่วยงาน")
    return organization
