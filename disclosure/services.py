"""Writes to the disclosure checklist: answers (from the form and from the workbook import),
their links and link checks. Carry-over (`carryover.py`) writes carried answers itself."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from disclosure.models import (
    GOOD_OUTCOMES,
    CheckRun,
    DisclosureItem,
    EvidenceLink,
    ItemStatus,
    ItemStatusChange,
    LinkCheck,
)
from disclosure.permissions import can_edit_item, can_run_checks
from disclosure.reminders import notify_broken_link
from disclosure.urlrules import normalise_url, off_site_reason
from indicators.models import OITItem
from ita_portal import jobs
from ita_portal.concurrency import ConcurrentEdit, save_if_version
from organizations import versions
from organizations.permissions import require

__all__ = ["ConcurrentEdit"]
ITEM = "ข้อมูลข้อนี้"
CHECK_LINKS = "disclosure.check_links"  # the job kind; its work is disclosure.tasks.check_links


def ensure_checklist(organization, year):
    """Create the organisation's answer rows for every OIT item of the year (idempotent)."""
    have = set(DisclosureItem.objects.filter(organization=organization, oit_item__year__year=year)
               .values_list("oit_item_id", flat=True))
    if DisclosureItem.objects.bulk_create([
            DisclosureItem(organization=organization, oit_item=item)
            for item in OITItem.objects.filter(year__year=year).exclude(pk__in=have)]):
        versions.touch(organization.pk)  # bulk writes send no signals


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
    data = dict(data)
    urls = clean_urls(data.pop("urls"), item.organization.domains)
    return item_write(item=item, by=by, fields={**data, "needs_confirmation": False},
                      urls=urls, expected_version=expected_version)


@transaction.atomic
def item_write(*, item, by, fields, urls, expected_version=None):
    """The one write of an answer: version check and bump, links, status history."""
    previous = item.status
    expected = item.version if expected_version is None else expected_version
    save_if_version(item, expected, ITEM, updated_by=by, updated_at=timezone.now(), **fields)
    versions.touch(item.organization_id)  # a queryset write: no model signal
    item.refresh_from_db()
    replace_links(item, urls)
    if previous != item.status:
        ItemStatusChange.objects.create(item=item, from_status=previous, to_status=item.status,
                                        by=by)
    return item


@transaction.atomic
def evidence_published(*, organization, oit_item, url, by):
    """A document published at `url` answers `oit_item`: the item gets the link (on the main
    website or not, as its address says) and is marked มี, with its history."""
    ensure_checklist(organization, oit_item.year.year)
    item = DisclosureItem.objects.select_for_update().get(organization=organization,
                                                           oit_item=oit_item)
    urls = [(link.url, link.off_site_reason) for link in item.links.filter(removed_at=None)]
    if url not in (u for u, _ in urls):
        urls.append((url, off_site_reason(url, organization.domains) or ""))
    return item_write(item=item, by=by, fields={"status": ItemStatus.PRESENT}, urls=urls)


@transaction.atomic
def evidence_withdrawn(*, organization, oit_item, url, by):
    """The document at `url` is withdrawn: its link leaves the item (kept as removed, with its
    check history); the item's answer otherwise stands."""
    item = (DisclosureItem.objects.select_for_update()
            .filter(organization=organization, oit_item=oit_item).first())
    if item is None:
        return None
    urls = [(link.url, link.off_site_reason)
            for link in item.links.filter(removed_at=None).exclude(url=url)]
    return item_write(item=item, by=by, fields={}, urls=urls)


def replace_links(item, urls):
    current = {link.url: link for link in item.links.filter(removed_at=None)}
    wanted = [url for url, _ in urls]
    if item.links.filter(removed_at=None).exclude(url__in=wanted).update(
            removed_at=timezone.now()):
        versions.touch(item.organization_id)
    for order, (url, reason) in enumerate(urls):
        link = current.get(url) or EvidenceLink(item=item, url=url)
        link.order, link.off_site_reason = order, reason
        link.save()


LINK_STATE = ("consecutive_failures", "failing_since", "is_broken", "last_outcome",
              "last_checked_at")


def apply_checks(checked, now=None):
    """Record checks [(link, result)] at once; flag a link broken only after failures
    persisting over days. The checks' own rows (LinkCheck) are the record of this machine-made
    change: the links' derived state is written in one statement, without an audit-trail entry
    per check."""
    now = now or timezone.now()
    LinkCheck.objects.bulk_create([LinkCheck(
        link=link, checked_at=now, outcome=result.outcome, http_status=result.http_status,
        final_url=result.final_url[:1000], redirects="\n".join(result.redirects),
        elapsed_ms=result.elapsed_ms, detail=result.detail[:300]) for link, result in checked])
    newly_broken = [link for link, result in checked if _next_state(link, result, now)]
    EvidenceLink.objects.bulk_update([link for link, _ in checked], LINK_STATE)
    for link in newly_broken:
        notify_broken_link(link)  # the owner hears once, when the link becomes broken
    return [link for link, _ in checked]


def apply_check(link, result, now=None):
    return apply_checks([(link, result)], now)[0]


def _next_state(link, result, now):
    """Move the link to its state after this check; True when it has just become broken."""
    was_broken = link.is_broken
    if result.outcome in GOOD_OUTCOMES:
        link.consecutive_failures, link.failing_since, link.is_broken = 0, None, False
    else:
        link.consecutive_failures += 1
        link.failing_since = link.failing_since or now
        grace = datetime.timedelta(hours=settings.LINKCHECK_BROKEN_AFTER_HOURS)
        link.is_broken = (link.consecutive_failures >= settings.LINKCHECK_BROKEN_AFTER_FAILURES
                          and now - link.failing_since >= grace)
    link.last_outcome, link.last_checked_at = result.outcome, now
    return link.is_broken and not was_broken


def active_links(organization, year):
    return (EvidenceLink.objects.filter(item__organization=organization,
                                        item__oit_item__year__year=year, removed_at=None)
            .select_related("item__organization"))


def check_run_create(*, organization, year, by=None):
    run = CheckRun.objects.create(organization=organization, year=year, requested_by=by,
                                  total=active_links(organization, year).count())
    versions.touch(organization.pk)  # the checklist shows the latest run
    return run


@transaction.atomic
def check_run_start(*, organization, year, by):
    """Queue a check of every link of the year after commit; while one is unfinished for the
    organisation and year, return it instead."""
    require(can_run_checks(by, organization),
            "เฉพาะเจ้าหน้าที่และผู้ดูแลระบบของหน่วยงานเท่านั้น")
    return check_run_queue(organization=organization, year=year, by=by)


def _unfinished_runs(year):
    """Runs of the year whose job (their own, or their batch's) has not finished."""
    waiting = jobs.unfinished_ids(CHECK_LINKS)
    return CheckRun.objects.filter(Q(pk__in=waiting) | Q(batch_id__in=waiting), year=year,
                                   finished_at__isnull=True)


@transaction.atomic
def check_run_queue(*, organization, year, by=None):
    """The unfinished check of the organisation's year, or a new one queued after commit."""
    running = _unfinished_runs(year).filter(organization=organization).first()
    if running is not None:
        return running
    run = check_run_create(organization=organization, year=year, by=by)
    jobs.enqueue(CHECK_LINKS, run.pk)
    return run


@transaction.atomic
def check_runs_queue(*, organizations, year):
    """The nightly check: a run per organisation (none where one is unfinished), queued in
    batches of LINKCHECK_BATCH organisations, one job per batch, so that workers share the
    load and each checks many websites at once. Returns the new runs."""
    busy = set(_unfinished_runs(year).values_list("organization_id", flat=True))
    runs = [check_run_create(organization=org, year=year)
            for org in organizations if org.pk not in busy]
    size = max(1, settings.LINKCHECK_BATCH)
    for start in range(0, len(runs), size):
        lead, *rest = runs[start:start + size]
        CheckRun.objects.filter(pk__in=[run.pk for run in rest]).update(batch=lead)
        jobs.enqueue(CHECK_LINKS, lead.pk)
    return runs
