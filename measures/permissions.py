"""Who may read and who may change a measure."""

from django.db.models import Q

from measures.models import Measure
from organizations.models import Role
from organizations.scoping import can_see_organization


def owned_by_q(user):
    """Measures the user owns: by department, position, name, everyone's, or their division's."""
    through = Measure.owner_departments.through
    q = Q(owned_by_everyone=True)
    q |= Q(pk__in=Measure.owner_users.through.objects.filter(user_id=user.pk)
           .values("measure_id"))
    if user.department_id:
        q |= Q(pk__in=through.objects.filter(department_id=user.department_id)
               .values("measure_id"))
    if user.position_id:
        q |= Q(pk__in=Measure.owner_positions.through.objects.filter(position_id=user.position_id)
               .values("measure_id"))
    if user.heads_department_id:  # the head of a division owns every measure of it
        q |= division_q(user.heads_department_id)
    return q


def can_view_measure(user, measure):
    return can_see_organization(user, measure.organization)


def division_q(department_id):
    """Measures of a division: owned by the department or by one of its positions."""
    departments = Measure.owner_departments.through.objects.filter(department_id=department_id)
    positions = Measure.owner_positions.through.objects.filter(
        position__department_id=department_id)
    return (Q(pk__in=departments.values("measure_id"))
            | Q(pk__in=positions.values("measure_id")))


def can_edit_measure(user, measure):
    """Admins; staff who own it; the head of a division (ผู้อำนวยการกอง, หัวหน้าสำนักปลัด)
    for every measure of that division — they report on and approve it."""
    if not user.is_authenticated or user.organization_id != measure.organization_id:
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.STAFF:
        return False
    return Measure.objects.filter(pk=measure.pk).filter(owned_by_q(user)).exists()


def can_manage_measures(user, organization):
    """Create and edit issues, measures and owners: the organisation's admins."""
    return (user.is_authenticated and user.role == Role.ADMIN
            and user.organization_id == organization.pk)
