"""The trail of every edit, kept by django-auditlog.

Each app registers its models in its AppConfig.ready() with `track(model, organization=...)`,
naming the path from the model to its organisation so every entry carries `organization_id`
in `additional_data`: the organisation-wide audit page is then one indexed table, whatever the
model. Criteria belong to no organisation (`organization=None`) and are read by platform staff.
Every tracked change also raises the organisation's data version (`organizations/versions.py`).
"""

from operator import attrgetter

from auditlog.cid import get_cid
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.utils.encoding import smart_str

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


def log_created(objects, actor=None, m2m=None):
    """The trail's "created" entries for rows written in bulk (bulk_create sends no signal):
    what auditlog writes for a save, in one statement. `m2m` maps a many-to-many field's name
    to the related objects of each row, in the rows' order."""
    objects = list(objects)
    if not objects:
        return
    content_type = ContentType.objects.get_for_model(objects[0])
    m2m = m2m or {}

    def changes(k, obj):
        found = model_instance_diff(None, obj, use_json_for_changes=True) or {}
        for name, related in m2m.items():
            if related[k]:
                found[name] = {"type": "m2m", "operation": "add",
                               "objects": [smart_str(o) for o in related[k]]}
        return found

    LogEntry.objects.bulk_create([LogEntry(
        content_type=content_type, object_pk=str(obj.pk), object_id=obj.pk,
        object_repr=smart_str(obj), action=LogEntry.Action.CREATE, changes=changes(k, obj),
        actor=actor, cid=get_cid(), additional_data=obj.get_additional_data())
        for k, obj in enumerate(objects)])
