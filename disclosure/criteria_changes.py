"""Keep every checklist answer when the operator merges or drops an OIT item of a year.

The answers of the item going away move to the item that stays: where the organisation has
answered both, the links, explanation and history are gathered on the one that stays.
"""

from disclosure.models import DisclosureItem, ItemStatus


def move_answers(sender, old, new, **kwargs):
    for answer in DisclosureItem.objects.filter(oit_item=old).prefetch_related("links"):
        kept = DisclosureItem.objects.filter(organization_id=answer.organization_id,
                                             oit_item=new).first()
        if kept is None:
            answer.oit_item = new
            answer.carry_note = f"รวมจากข้อ {old.code} ตามการแก้ไขเกณฑ์"
            answer.save(update_fields=["oit_item", "carry_note"])
            continue
        _gather(answer, kept, old)


def _gather(answer, kept, old):
    urls = set(kept.links.values_list("url", flat=True))
    answer.links.exclude(url__in=urls).update(item=kept)
    answer.history.update(item=kept)
    if answer.explanation and answer.explanation not in kept.explanation:
        kept.explanation = "\n".join(t for t in (kept.explanation, answer.explanation) if t)
    if answer.status != ItemStatus.MISSING:
        kept.needs_confirmation = True
    kept.carry_note = f"รวมข้อมูลจากข้อ {old.code} ตามการแก้ไขเกณฑ์"
    kept.version += 1
    kept.save()
    answer.delete()
