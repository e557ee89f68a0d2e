"""Who may change a checklist item, run link checks and manage the checklist; the access
helper of the item views."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from disclosure.models import DisclosureItem
from organizations.permissions import is_org_admin, is_org_worker
from organizations.scoping import require_member


def can_edit_item(user, item):
    """Its organisation's admins, and staff who own it (or anyone's while it has no owner)."""
    if is_org_admin(user, item.organization):
        return True
    if not is_org_worker(user, item.organization):
        return False
    owned_by_position = item.owner_position_id and item.owner_position_id == user.position_id
    owned_by_department = (item.owner_department_id
                           and item.owner_department_id == user.department_id)
    unassigned = not item.owner_position_id and not item.owner_department_id
    named = item.owner_user_id and item.owner_user_id == user.pk
    return bool(owned_by_position or owned_by_department or unassigned or named
                or _heads_owner_division(user, item))


def _heads_owner_division(user, item):
    head_of = user.heads_department_id
    if not head_of:
        return False
    if item.owner_department_id == head_of:
        return True
    return bool(item.owner_position_id and item.owner_position.department_id == head_of)


def can_run_checks(user, organization):
    return is_org_worker(user, organization)


def can_manage_checklist(user, organization):
    """Start a year from the previous one: the organisation's admins."""
    return is_org_admin(user, organization)


def get_item_for_user(request, pk):
    """(item, can_edit) for an item of the user's organisation; 404 for any other."""
    item = get_object_or_404(DisclosureItem.objects.select_related(
        "organization", "oit_item__sub_indicator"), pk=pk)
    if item.organization_id != require_member(request.user).pk:
        raise Http404("ไม่พบข้อมูล")
    return item, can_edit_item(request.user, item)
