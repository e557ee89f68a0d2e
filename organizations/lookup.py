"""Find an organisation by id or slug, as management commands accept either."""

from django.core.management.base import CommandError

from organizations.models import Organization


def organizations_by_key(key, queryset=None):
    """The organisations matching an id or a slug; CommandError (status 2) when none does."""
    orgs = Organization.objects.all() if queryset is None else queryset
    found = orgs.filter(pk=int(key)) if key.isdigit() else orgs.filter(slug=key)
    if not found.exists():
        raise CommandError(f"ไม่พบหน่วยงาน {key}", returncode=2)
    return found
