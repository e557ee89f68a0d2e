"""Every write to the disclosure checklist."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from disclosure.models import (
    GOOD_OUTCOMES,
    DisclosureItem,
    EvidenceLink,
    ItemStatusChange,
    LinkCheck,
)
from disclosure.permissions import can_edit_item
from disclosure.reminders import notify_broken_link
from disclosure.urlrules import normalise_url, off_site_reason
from indicators.models import OITItem


class ConcurrentEdit(Exception):
    message = ("มีผู้อื่นบันทึกข้อมูลข้อนี้ก่อนท่าน ระบบจึงยังไม่บันทึกข้อมูลของท่าน "
               "ข้อความที่ท่านกรอกยังอยู่ในแบบฟอร์ม กรุณาตรวจสอบแล้วบันทึกอีกครั้ง")


def ensure_checklist(organization, year):
    """Create the organisation's answer rows for every OIT item of the year (idempotent)."""
    have = set(DisclosureItem.objects.filter(organization=organization, oit_item__year__year=year)
               .values_list("oit_item_id", flat=True))
    DisclosureItem.objects.bulk_create([
        DisclosureItem(organization=organization, oit_item=item)
        for item in OITItem.objects.filter(year__year=year).exclude(pk__in=have)])


def clean_urls(lines, domains):
    """[(normalised url, off-site reason or "")]; ValidationError listing every bad line."""
    cleaned, errors = [], []
    for line in lines:
        try:
            url = normalise_url(line)
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        if url not in (u for u, _ in cleaned):
            cleaned.append((url, off_site_reason(url, domains) or ""))
    if errors:
        raise ValidationError({"urls": errors})
    return cleaned


@transaction.atomic
def item_update(*, item, by, data, expected_version):
    """Save an item's answer; URLs no longer listed are kept as removed, with their history."""
    if not can_edit_item(by, item):
        raise PermissionDenied("ท่านไม่ได้เป็นผู้รับผิดชอบข้อมูลข้อนี้")
    urls = clean_urls(data.pop("urls"), item.organization.domains)
    previous = item.status
    changed = DisclosureItem.objects.filter(pk=item.pk, version=expected_version).update(
        version=F("version") + 1, updated_by=by, needs_confirmation=False,
        updated_at=timezone.now(), **data)
    if not changed:
        raise ConcurrentEdit()
    item.refresh_from_db()
    replace_links(item, urls)
    if previous != item.status:
        ItemStatusChange.objects.create(item=item, from_status=previous, to_status=item.status,
                                        by=by)
    return item


def replace_links(item, urls):
    current = {link.url: link for link in item.links.filter(removed_at=None)}
    wanted = [url for url, _ in urls]
    item.links.filter(removed_at=None).exclude(url__in=wanted).update(removed_at=timezone.now())
    for order, (url, reason) in enumerate(urls):
        link = current.get(url) or EvidenceLink(item=item, url=url)
        link.order, link.off_site_reason = order, reason
        link.save()


def apply_check(link, result, now=None):
    """Record one check; flag the link broken only after failures persisting over days."""
    now = now or timezone.now()
    was_broken = link.is_broken
    LinkCheck.objects.create(link=link, checked_at=now, outcome=result.outcome,
                             http_status=result.http_status, final_url=result.final_url[:1000],
                             redirects="\n".join(result.redirects), elapsed_ms=result.elapsed_ms,
                             detail=result.detail[:300])
    if result.outcome in GOOD_OUTCOMES:
        link.consecutive_failures, link.failing_since, link.is_broken = 0, None, False
    else:
        link.consecutive_failures += 1
        link.failing_since = link.failing_since or now
        grace = datetime.timedelta(hours=settings.LINKCHECK_BROKEN_AFTER_HOURS)
        link.is_broken = (link.consecutive_failures >= settings.LINKCHECK_BROKEN_AFTER_FAILURES
                          and now - link.failing_since >= grace)
    link.last_outcome, link.last_checked_at = result.outcome, now
    link.save(update_fields=["consecutive_failures", "failing_since", "is_broken",
                             "last_outcome", "last_checked_at"])
    if link.is_broken and not was_broken:
        notify_broken_link(link)  # the owner hears once, when the link becomes broken
    return link
