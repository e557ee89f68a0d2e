"""Start a year's checklist from the previous year's answers through the criteria crosswalk.

URLs, explanations and owners are kept; statuses of carried items are reset to
"กำลังจัดทำ" and marked to be confirmed again. A merged item gathers the URLs of all its
sources; each item of a split gets the URLs of the item it came from. Items already worked
on this year are left alone, so running it twice changes nothing.
"""

from dataclasses import dataclass

from django.db import transaction

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from disclosure.services import ensure_checklist
from indicators.models import AssessmentYear, CrosswalkRelation, ItemCrosswalk
from indicators.years import previous_year
from organizations import versions


@dataclass
class PlannedItem:
    item: object  # OITItem of the new year
    relation: str
    from_codes: list
    urls: int
    skipped: bool  # already worked on this year


def _inputs(organization, year):
    target = AssessmentYear.objects.get(year=year)
    source = previous_year(target)
    rows = (ItemCrosswalk.objects.filter(to_year=target, from_year=source)
            .select_related("from_item", "to_item").order_by("to_item__order", "pk"))
    previous = {a.oit_item_id: a for a in DisclosureItem.objects.filter(
        organization=organization, oit_item__year=source).prefetch_related("links")}
    sources = {}
    for row in rows:
        if row.to_item_id:
            sources.setdefault(row.to_item_id, []).append(row)
    return target, sources, previous


def _untouched(answer):
    return not (answer.version > 1 or answer.carried_from_id or answer.carry_note)


def plan(organization, year):
    """What carry_over would do, item by item, without writing anything."""
    target, sources, previous = _inputs(organization, year)
    current = {a.oit_item_id: a for a in DisclosureItem.objects.filter(
        organization=organization, oit_item__year=target)}
    out = []
    for item in target.oit_items.order_by("order"):
        rows = sources.get(item.pk, [])
        olds = [previous[r.from_item_id] for r in rows if r.from_item_id in previous]
        urls = {link.url for old in olds for link in old.links.all() if not link.removed_at}
        answer = current.get(item.pk)
        out.append(PlannedItem(item, rows[0].get_relation_display() if rows else "ข้อใหม่",
                               [r.from_item.code for r in rows if r.from_item], len(urls),
                               answer is not None and not _untouched(answer)))
    return out


@transaction.atomic
def carry_over(organization, year):
    ensure_checklist(organization, year)
    target, sources, previous = _inputs(organization, year)
    current = {a.oit_item_id: a for a in DisclosureItem.objects.filter(
        organization=organization, oit_item__year=target)}
    carried = 0
    for item_id, answer in current.items():
        if _untouched(answer):
            carried += _carry_into(answer, sources.get(item_id, []), previous)
    return carried


def _carry_into(answer, rows, previous):
    olds = [previous[r.from_item_id] for r in rows if r.from_item_id in previous]
    if not rows or rows[0].relation == CrosswalkRelation.NEW:
        answer.carry_note = "ข้อใหม่ในปีนี้"
        answer.save(update_fields=["carry_note"])
        return 0
    relation = CrosswalkRelation(rows[0].relation).label
    codes = ", ".join(r.from_item.code for r in rows if r.from_item)
    answer.carry_note = f"{relation} (จากข้อ {codes} ปีก่อน) {rows[0].note}".strip()
    if olds:
        _copy_answers(answer, olds)
    answer.save()
    return 1 if olds else 0


def _copy_answers(answer, olds):
    answer.carried_from = olds[0]
    answer.explanation = "\n".join(o.explanation for o in olds if o.explanation)
    answer.owner_department = olds[0].owner_department
    answer.owner_position = olds[0].owner_position
    answer.needs_confirmation = True
    had_any = any(o.status != ItemStatus.MISSING for o in olds)
    answer.status = ItemStatus.IN_PROGRESS if had_any else ItemStatus.MISSING
    urls = []
    for old in olds:
        urls += [link for link in old.links.all() if link.removed_at is None
                 and link.url not in (u.url for u in urls)]
    EvidenceLink.objects.bulk_create([
        EvidenceLink(item=answer, url=link.url, order=k, off_site_reason=link.off_site_reason)
        for k, link in enumerate(urls)])
    versions.touch(answer.organization_id)  # bulk writes send no signals
