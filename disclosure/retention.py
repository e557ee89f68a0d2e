"""Retention for link-check history: a national instance checks ~357,000 URLs a day, which
is ~130 million rows a year if every check is kept. Kept for good: every check whose outcome
differs from the link's previous check (a change of state) and each link's latest checks;
the rest goes once it is older than the retention period."""

from datetime import timedelta

from django.db.models import F, Window
from django.db.models.functions import Lag, RowNumber
from django.utils import timezone

from disclosure.models import LinkCheck

KEEP_LATEST = 10
BATCH = 5000


def prunable(days, keep_latest=KEEP_LATEST):
    """Ids of checks older than `days` that repeat the previous outcome and are not among
    the link's latest `keep_latest`."""
    ranked = LinkCheck.objects.annotate(
        previous=Window(Lag("outcome"), partition_by=[F("link_id")],
                        order_by=[F("checked_at").asc(), F("id").asc()]),
        newest_first=Window(RowNumber(), partition_by=[F("link_id")],
                            order_by=[F("checked_at").desc(), F("id").desc()]),
    )
    return (ranked.filter(checked_at__lt=timezone.now() - timedelta(days=days),
                          previous=F("outcome"), newest_first__gt=keep_latest)
            .values_list("id", flat=True))


def prune_link_checks(days=90, keep_latest=KEEP_LATEST):
    """Delete prunable checks in batches; return how many went."""
    ids, deleted = list(prunable(days, keep_latest)), 0
    for start in range(0, len(ids), BATCH):
        deleted += LinkCheck.objects.filter(id__in=ids[start:start + BATCH]).delete()[0]
    return deleted
