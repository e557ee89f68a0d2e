"""Who may make and revoke API tokens, and what a token may read."""

from organizations.models import Organization
from organizations.permissions import is_org_admin, require
from organizations.scoping import is_overseer, visible_organizations


def can_manage_tokens(user):
    """An organisation's admin (tokens of their organisation) or an overseer (their own)."""
    return is_overseer(user) or (user.is_authenticated and user.organization_id is not None
                                 and is_org_admin(user, user.organization))


def require_token_manager(user):
    require(can_manage_tokens(user), "เฉพาะผู้ดูแลระบบของหน่วยงานหรือผู้กำกับติดตามเท่านั้น")


def tokens_of(user):
    """The tokens the user manages: their organisation's, or their own as an overseer."""
    from api.models import ApiToken

    if is_overseer(user):
        return ApiToken.objects.filter(overseer=user)
    return ApiToken.objects.filter(organization_id=user.organization_id)


def readable_organizations(token):
    """An organisation's token reads that organisation; an overseer's, what they oversee now."""
    if token.organization_id:
        return Organization.objects.filter(pk=token.organization_id, is_active=True)
    if not token.overseer.is_active:
        return Organization.objects.none()
    return visible_organizations(token.overseer).filter(is_active=True)
