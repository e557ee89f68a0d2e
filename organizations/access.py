"""Access helpers that every view starts with: scope by organisation, 404 outside it."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organizations.models import Organization
from organizations.scoping import can_see_organization


def get_organization_for_user(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    if not can_see_organization(request.user, organization):
        # 404, not 403: do not confirm that another municipality exists here.
        raise Http404("ไม่พบหน่วยงาน")
    return organization
