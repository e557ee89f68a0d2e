"""Keep every checklist answer when the operator merges or drops an OIT item of a year.

The answers of the item going away move to the item that stays: where an organisation has
answered both, the links, explanation and history are gathered on the one that stays. A fixed
number of statements whatever the number of organisations, so a correction reaches the whole
country in one short transaction.
"""

from django.db import connection
from django.db.models import Exists, F, OuterRef

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus, ItemStatusChange


def move_answers(sender, old, new, **kwargs):
    going = DisclosureItem.objects.filter(oit_item=old)
    kept_orgs = DisclosureItem.objects.filter(oit_item=new).values("organization_id")
    going.exclude(organization_id__in=kept_orgs).update(
        oit_item=new, carry_note=f"รวมจากข้อ {old.code} ตามการแก้ไขเกณฑ์")
    if going.exists():
        _gather(old, new, going)


def _gather(old, new, going):
    """Every remaining answer of `old` has a partner answer of `new` in its organisation."""
    for model in (EvidenceLink, ItemStatusChange):
        _repoint(model, old, new)
    kept = DisclosureItem.objects.filter(oit_item=new)
    kept.filter(organization_id__in=going.values("organization_id")).update(
        carry_note=f"รวมข้อมูลจากข้อ {old.code} ตามการแก้ไขเกณฑ์", version=F("version") + 1)
    kept.filter(organization_id__in=going.exclude(status=ItemStatus.MISSING)
                .values("organization_id")).update(needs_confirmation=True)
    partners = {a.organization_id: a for a in kept.filter(
        organization_id__in=going.exclude(explanation="").values("organization_id"))}
    for answer in going.exclude(explanation=""):
        partner = partners[answer.organization_id]
        if answer.explanation not in partner.explanation:
            partner.explanation = "\n".join(t for t in (partner.explanation,
                                                        answer.explanation) if t)
            partner.save(update_fields=["explanation"])
    earlier = EvidenceLink.objects.filter(item=OuterRef("item"), url=OuterRef("url"),
                                          pk__lt=OuterRef("pk"))
    EvidenceLink.objects.filter(item__oit_item=new).filter(Exists(earlier)).delete()
    going.delete()


def _repoint(model, old, new):
    """UPDATE model rows of `old`'s answers to the same organisation's answer of `new`."""
    table, items = model._meta.db_table, DisclosureItem._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET item_id = (SELECT k.id FROM {items} k JOIN {items} g"
            f" ON g.organization_id = k.organization_id WHERE g.id = {table}.item_id"
            f" AND k.oit_item_id = %s) WHERE item_id IN"
            f" (SELECT id FROM {items} WHERE oit_item_id = %s)", [new.pk, old.pk])
