"""Who may read, change and manage measures and issues; the access helper of measure views."""

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from ita_portal.fragments import kept
from measures.models import Measure
from organizations.permissions import is_org_admin, is_org_worker
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
    """Report progress, change status, tick steps: its organisation's admins; staff who own
    it; the head of a division (ผู้อำนวยการกอง, หัวหน้าสำนักปลัด) for every measure of that
    division — they report on and approve it."""
    if is_org_admin(user, measure.organization):
        return True
    if not is_org_worker(user, measure.organization):
        return False
    owned = getattr(measure, "owned_by_reader", None)  # read with the measure (below)
    if owned is not None:
        return owned
    return Measure.objects.filter(pk=measure.pk).filter(owned_by_q(user)).exists()


def can_approve_measure(user, measure):
    """Approve a finished measure or send it back: its organisation's admins, and the head of
    the division that owns it (ผู้อำนวยการกอง, หัวหน้าสำนักปลัด)."""
    if is_org_admin(user, measure.organization):
        return True
    head_of = getattr(user, "heads_department_id", None)
    if not head_of or not is_org_worker(user, measure.organization):
        return False
    return Measure.objects.filter(pk=measure.pk).filter(division_q(head_of)).exists()


def require_approver(user, measure):
    if not can_approve_measure(user, measure):
        raise PermissionDenied("เฉพาะหัวหน้ากองที่รับผิดชอบหรือผู้ดูแลระบบของหน่วยงานเท่านั้น")


def can_manage_measures(user, organization):
    """Create and edit issues, measures and owners; cancel a measure: the organisation's
    admins (measures.workflow says which transitions are theirs alone)."""
    return is_org_admin(user, organization)


def can_have_own_measures(user):
    """Staff and admins own measures (the "my work" page); committee members only read."""
    return user.is_authenticated and user.organization_id is not None and is_org_worker(
        user, user.organization)


ELSEWHERE = "elsewhere"  # a measure of another organisation than the reader's


def get_measure_for_user(request, pk):
    """(measure, can_edit) for a measure the user may read; 404 for anything else. Whether
    the user owns it is read in the same query. A page of the reader's own organisation keeps
    what it read while that organisation's data and the reader's place in it are unchanged;
    a write reads it afresh."""
    user, measure = request.user, None
    own = getattr(user, "organization", None) if request.method in ("GET", "HEAD") else None
    if own is not None:
        reader = (user.pk, user.role, user.department_id, user.position_id,
                  getattr(user, "heads_department_id", None))
        measure = kept("measure-for-reader", (pk, *reader, own.pk, own.data_version),
                       lambda: _read_measure(user, pk, only_of=own.pk))
    if measure is None or measure == ELSEWHERE:
        measure = _read_measure(user, pk)
    if not can_view_measure(user, measure):
        raise Http404("ไม่พบมาตรการ")
    return measure, can_edit_measure(user, measure)


def _read_measure(user, pk, only_of=None):
    owned = ExpressionWrapper(owned_by_q(user), output_field=BooleanField())
    measure = get_object_or_404(Measure.objects.select_related("organization")
                                .annotate(owned_by_reader=owned), pk=pk)
    return ELSEWHERE if only_of not in (None, measure.organization_id) else measure
