"""Keep every checklist answer when the operator merges or drops an OIT item of a year.

The answers of the item going away move to the item that stays: where an organisation has
answered both, the links, explanation and history are gathered on the one that stays. Written
in bulk, so a correction reaches every organisation of the country in one transaction.
"""

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus, ItemStatusChange

BATCH = 2000


def move_answers(sender, old, new, **kwargs):
    kept = {a.organization_id: a for a in DisclosureItem.objects.filter(oit_item=new)}
    going = list(DisclosureItem.objects.filter(oit_item=old))
    alone = [a.pk for a in going if a.organization_id not in kept]
    DisclosureItem.objects.filter(pk__in=alone).update(
        oit_item=new, carry_note=f"รวมจากข้อ {old.code} ตามการแก้ไขเกณฑ์")
    both = {a.pk: kept[a.organization_id] for a in going if a.organization_id in kept}
    if both:
        _gather(both, old)


def _gather(both, old):
    """`both` maps each answer going away to the same organisation's answer that stays."""
    have = set(EvidenceLink.objects.filter(item__in=[k.pk for k in both.values()])
               .values_list("item_id", "url"))
    links = [link for link in EvidenceLink.objects.filter(item_id__in=both)
             if (both[link.item_id].pk, link.url) not in have]
    for link in links:
        link.item_id = both[link.item_id].pk
    EvidenceLink.objects.bulk_update(links, ["item"], batch_size=BATCH)
    history = list(ItemStatusChange.objects.filter(item_id__in=both))
    for change in history:
        change.item_id = both[change.item_id].pk
    ItemStatusChange.objects.bulk_update(history, ["item"], batch_size=BATCH)
    for answer in DisclosureItem.objects.filter(pk__in=both):
        _merge_fields(both[answer.pk], answer, old)
    DisclosureItem.objects.bulk_update(
        list(both.values()), ["explanation", "needs_confirmation", "carry_note", "version"],
        batch_size=BATCH)
    DisclosureItem.objects.filter(pk__in=both).delete()


def _merge_fields(kept, answer, old):
    if answer.explanation and answer.explanation not in kept.explanation:
        kept.explanation = "\n".join(t for t in (kept.explanation, answer.explanation) if t)
    if answer.status != ItemStatus.MISSING:
        kept.needs_confirmation = True
    kept.carry_note = f"รวมข้อมูลจากข้อ {old.code} ตามการแก้ไขเกณฑ์"
    kept.version += 1
