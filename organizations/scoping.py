"""Which organisations a user may see: the one rule every page and query goes through.

A member (staff, committee, admin) sees only their own organisation. An overseer sees the
organisations of one province, or all of them; a platform superuser sees all. New reader kinds
(a region, a ministry) are a new branch here, not a change in every view.
"""

from django.core.exceptions import PermissionDenied

from organizations.models import Organization, Role


def _is_member(user):
    return user.is_authenticated and user.role != Role.OVERSEER and not user.is_superuser


def is_overseer(user):
    """Reads many organisations: overseers, and platform superusers outside any organisation."""
    return user.is_authenticated and (
        user.role == Role.OVERSEER or (user.is_superuser and user.organization_id is None))


def visible_organizations(user):
    if not user.is_authenticated:
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    if user.role == Role.OVERSEER:
        orgs = Organization.objects.filter(is_active=True)
        if user.oversight_province:
            orgs = orgs.filter(province=user.oversight_province)
        return orgs
    if user.organization_id is None:
        return Organization.objects.none()
    return Organization.objects.filter(pk=user.organization_id)


def reading_organization(user):
    """The organisation an overseer has chosen to read (set by OverseerReadingMiddleware)."""
    return getattr(user, "reading_organization", None)


def as_reader_of(user, organization_id):
    """The user as they were when they asked for background work about this organisation:
    an overseer reads it again (if it is still under them); anyone deactivated reads nothing."""
    if not user.is_active:
        raise PermissionDenied("บัญชีผู้ใช้นี้ถูกปิดการใช้งานแล้ว")
    if is_overseer(user):
        user.reading_organization = (visible_organizations(user)
                                     .filter(pk=organization_id).first())
    organization = require_member(user)
    if organization.pk != organization_id or not organization.is_active:
        raise PermissionDenied("ผู้ใช้นี้อ่านข้อมูลของหน่วยงานนี้ไม่ได้แล้ว")
    return user


def scope_to_user(queryset, user, field="organization"):
    """Filter any queryset that has an organisation foreign key to what the user may see.
    An overseer reading one organisation sees that one, as its committee members do."""
    reading = reading_organization(user)
    if reading is not None:
        return queryset.filter(**{f"{field}_id": reading.pk})
    if _is_member(user):
        if user.organization_id is None:
            return queryset.none()
        return queryset.filter(**{f"{field}_id": user.organization_id})
    return queryset.filter(**{f"{field}__in": visible_organizations(user)})


def can_see_organization(user, organization):
    if _is_member(user):
        return user.organization_id is not None and organization.pk == user.organization_id
    return visible_organizations(user).filter(pk=organization.pk).exists()


def require_member(user):
    """The organisation of a member (or the one an overseer reads); 403 for those who
    belong to none."""
    reading = reading_organization(user)
    if reading is not None:
        return reading
    if not user.is_authenticated or user.organization_id is None:
        raise PermissionDenied("ผู้ใช้นี้ไม่ได้สังกัดหน่วยงานใด")
    return user.organization
