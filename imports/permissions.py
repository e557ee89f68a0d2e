"""Who may import: documents and workbooks (the organisation's admins), official scores."""

from organizations.permissions import is_org_admin, require


def can_import(user, organization):
    return is_org_admin(user, organization)


def require_importer(user, organization):
    require(can_import(user, organization))


def can_import_scores_for(user, organization):
    """Scores of one's own organisation, or of any for the platform operator; None is the
    command line (the view lets only admins and the operator upload)."""
    return user is None or user.is_superuser or user.organization_id == organization.pk
