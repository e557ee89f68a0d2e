"""The trail of every edit, kept by django-auditlog.

Each app registers its models in its AppConfig.ready() with `track(model, organization=...)`,
naming the path from the model to its organisation so every entry carries `organization_id`
in `additional_data`: the organisation-wide audit page is then one indexed table, whatever the
model. Criteria belong to no organisation (`organization=None`) and are read by platform staff.
Every tracked change also raises the organisation's data version (`organizations/versions.py`).
"""

from operator import attrgetter

from auditlog.registry import auditlog

from organizations import versions

NEVER_LOGGED = ["password", "last_login"]


def track(model, organization, m2m_fields=(), exclude_fields=()):
    """Register `model`; `organization` is a dotted attribute path to the organisation id."""
    getter = attrgetter(organization) if organization else None

    def get_additional_data(instance):
        try:
            org_id = getter(instance) if getter else None
        except AttributeError:
            org_id = None
        return {"organization_id": org_id}

    model.get_additional_data = get_additional_data
    auditlog.register(model, m2m_fields=set(m2m_fields),
                      exclude_fields=[*NEVER_LOGGED, *exclude_fields])
    versions.watch(model, organization, m2m_fields)  # and its organisation's pages refresh
