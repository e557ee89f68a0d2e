"""Who may change a checklist item: the organisation's admins, and staff who own it."""

from organizations.models import Role


def can_edit_item(user, item):
    if not user.is_authenticated or user.organization_id != item.organization_id:
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.STAFF:
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
    return (user.is_authenticated and user.organization_id == organization.pk
            and user.role in (Role.ADMIN, Role.STAFF))


def can_manage_checklist(user, organization):
    return (user.is_authenticated and user.organization_id == organization.pk
            and user.role == Role.ADMIN)
