"""Each organisation's data version: raised in the same transaction as any change of its data,
so a page part rendered from that data can be kept until the version moves
(`ita_portal/fragments.py`, the `{% kept %}` tag).

Every model registered with `organizations.audit.track` is watched (saves, deletions and its
many-to-many owners); writes that bypass model signals (`bulk_create`, `QuerySet.update`) call
`touch(organization_id)` themselves. Criteria belong to every organisation: `touch(EVERYONE)`.
"""

import threading
from operator import attrgetter

from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

EVERYONE = "*"
everyone_changed = Signal()  # sent when every organisation's version is raised (the criteria)
_pending = threading.local()
SKIPPED_UPDATES = {frozenset({"last_login"})}  # signing in changes nothing anyone reads


def touch(organization_id):
    """Raise `organization_id`'s version (EVERYONE: all of them) in the current transaction:
    readers see the new version exactly when they see the change. Repeated touches inside one
    savepoint (a service's atomic block, a bulk import) write once."""
    if organization_id is None:
        return
    connection = transaction.get_connection()
    block = connection.savepoint_ids[-1] if connection.savepoint_ids else None
    if block is not None:  # savepoint names repeat only on another database connection
        seen = getattr(_pending, "seen", None)
        if seen and seen[0] is connection.connection and seen[1] == block:
            if organization_id in seen[2]:
                return
        else:
            seen = _pending.seen = (connection.connection, block, set())
        seen[2].add(organization_id)
    _raise(organization_id)


def _raise(organization_id):
    from organizations.models import Organization

    targets = Organization.objects.all()
    if organization_id != EVERYONE:
        targets = targets.filter(pk=organization_id)
    raised = targets.update(data_version=F("data_version") + 1)
    if organization_id == EVERYONE and raised:
        everyone_changed.send(sender=Organization)


def current(organization_id):
    """The organisation's data version as the database has it now."""
    from organizations.models import Organization

    return Organization.objects.values_list("data_version", flat=True).get(pk=organization_id)


def province_changes(province=None):
    """How many changes the organisations of `province` (None: the whole country) have had:
    moves with any change of their data or of which they are (`ProvinceVersion`, counted by
    the database at commit). A few rows read, not one per organisation."""
    sql = "SELECT COALESCE(SUM(changes), 0) FROM organizations_provinceversion"
    with connection.cursor() as cursor:
        if province is None:
            cursor.execute(sql)
        else:
            cursor.execute(sql + " WHERE province = %s", [province])
        return int(cursor.fetchone()[0])


def watch(model, organization, m2m_fields=()):
    """Touch the organisation at `organization` (a dotted path to its id, None: everyone)
    whenever a `model` row is saved or deleted or one of `m2m_fields` changes."""
    getter = attrgetter(organization) if organization else None

    def organization_of(instance):
        if getter is None:
            return EVERYONE
        try:
            return getter(instance)
        except Exception:  # noqa: BLE001 (a parent already deleted: its own signal touched)
            return None

    def changed(sender, instance, **kwargs):
        fields = kwargs.get("update_fields")
        if fields and frozenset(fields) in SKIPPED_UPDATES:
            return
        touch(organization_of(instance))

    uid = f"versions-{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-delete")
    for name in m2m_fields:
        through = model._meta.get_field(name).remote_field.through
        m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=f"{uid}-{name}")
