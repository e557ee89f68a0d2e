"""Hand-over of OIT checklist items assigned to a person (see organizations.handover)."""

from disclosure.models import DisclosureItem


def _owned(person):
    return DisclosureItem.objects.filter(organization_id=person.organization_id,
                                         owner_user=person)


def _count(person):
    return _owned(person).count()


def _move(person, to_user, to_position, by=None):
    items = list(_owned(person))
    for item in items:  # saved one by one so the audit trail records each
        item.owner_user = to_user
        if to_position is not None:
            item.owner_position = to_position
            item.owner_department_id = to_position.department_id or item.owner_department_id
        item.save(update_fields=["owner_user", "owner_position", "owner_department"])
    return len(items)


def register():
    from organizations import handover

    handover.register("ข้อ OIT", _count, _move)
