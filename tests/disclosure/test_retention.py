"""Link-check history keeps every change of state and each link's latest checks."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure.models import LinkCheck
from disclosure.retention import prune_link_checks
from tests.disclosure.helpers import answer

pytestmark = pytest.mark.django_db


def history(link, outcomes, start_days_ago):
    now = timezone.now()
    for n, outcome in enumerate(outcomes):
        LinkCheck.objects.create(link=link, outcome=outcome,
                                 checked_at=now - timedelta(days=start_days_ago - n))


def test_old_repeats_go_changes_and_latest_stay(criteria, org):
    from disclosure.services import ensure_checklist

    ensure_checklist(org, 2565)
    link = answer(org, 2565, "O1").links.create(url="https://tambon-a.go.th/a")
    outcomes = ["ok"] * 100 + ["missing"] * 50 + ["ok"] * 60
    history(link, outcomes, start_days_ago=len(outcomes))
    deleted = prune_link_checks(days=30, keep_latest=10)
    kept = list(LinkCheck.objects.filter(link=link).order_by("checked_at")
                .values_list("outcome", "checked_at"))
    assert deleted == len(outcomes) - len(kept)
    # every change of state is still there, in order
    changes = [o for i, (o, _) in enumerate(kept) if i == 0 or kept[i - 1][0] != o]
    assert changes == ["ok", "missing", "ok"]
    # the last 30 days are untouched (checks are 1..210 days old)
    recent = timezone.now() - timedelta(days=30)
    assert sum(1 for _, at in kept if at >= recent) == 29  # ages 1..29 days
    assert deleted > 150
    call_command("prune_link_checks", "--days", "30")  # nothing left to prune
    assert LinkCheck.objects.filter(link=link).count() == len(kept)
