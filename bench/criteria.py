"""Criteria at national scale: a correction to a published year, and one roll-over.

1. Every organisation has a checklist for the newest year (half of the items answered, with a
   main-site URL each). The operator merges two items of the published year (a correction):
   the time until every answer has moved, then the time to recompute every organisation's
   predicted OIT from the corrected criteria.
2. One organisation (its fiscal year's measures from generate.py) moves into a new year
   started from the newest one: checklist through the crosswalk and every unfinished measure
   carried. Median of 3, each in a rolled-back transaction.

    python bench/criteria.py            # after generate.py; prints JSON
"""

import json
import statistics
import time

from common import setup_django


class Rollback(Exception):
    pass


def make_checklists(year, only=None):
    from disclosure.models import DisclosureItem, EvidenceLink
    from organizations.models import Organization

    items = list(year.oit_items.order_by("order"))
    orgs = Organization.objects.filter(pk=only.pk) if only else Organization.objects.all()
    orgs = list(orgs.values_list("pk", "slug"))
    for start in range(0, len(orgs), 500):
        chunk = orgs[start:start + 500]
        answers = DisclosureItem.objects.bulk_create([
            DisclosureItem(organization_id=pk, oit_item=item,
                           status="present" if k % 2 == 0 else "missing")
            for pk, _ in chunk for k, item in enumerate(items)])
        slugs = dict(chunk)
        EvidenceLink.objects.bulk_create([
            EvidenceLink(item=a, url=f"https://{slugs[a.organization_id]}.go.th/oit/{a.pk}")
            for a in answers if a.status == "present"])
    return len(orgs), len(items)


def correction(year, operator):
    from disclosure.selectors import predicted_oit_by_organization
    from indicators import editing
    from indicators.selectors import year_rules

    keep, other = year.oit_items.order_by("order")[1:3]
    started = time.perf_counter()
    editing.merge_items(keep=keep, others=[other], by=operator,
                        reason="bench: correction for every organisation")
    moved = time.perf_counter() - started
    started = time.perf_counter()
    predictions = predicted_oit_by_organization(year.year, year_rules(year.year))
    predicted = time.perf_counter() - started
    return moved, predicted, len(predictions)


def rollover_once(year, operator, org):
    from django.db import transaction

    from indicators import publishing
    from measures.models import Measure
    from reports import rollover

    new = publishing.start_year(source=year, year=year.year + 1, by=operator)
    Measure.objects.filter(organization=org).update(fiscal_year=year.year)
    make_checklists(year, only=org)
    started = time.perf_counter()
    with transaction.atomic():
        done = rollover.apply(org, new.year, by=operator, closing={})
    return time.perf_counter() - started, done


def timed_rollbacks(function, runs):
    from django.db import transaction

    out = []
    for _ in range(runs):
        try:
            with transaction.atomic():
                out.append(function())
                raise Rollback
        except Rollback:
            pass
    return out


def main():
    setup_django()
    from indicators.models import AssessmentYear, CriteriaStatus
    from organizations.models import Organization, User

    year = AssessmentYear.objects.order_by("-year").first()
    AssessmentYear.objects.filter(pk=year.pk).update(status=CriteriaStatus.PROVISIONAL)
    year.refresh_from_db()
    operator = User.objects.filter(role="admin").first()
    operator.is_staff = True
    org = Organization.objects.order_by("pk").first()

    def national():
        started = time.perf_counter()
        orgs, items = make_checklists(year)
        setup = time.perf_counter() - started
        return (orgs, items, setup, *correction(year, operator))

    orgs, items, setup, moved, predicted, count = timed_rollbacks(national, 1)[0]
    rollovers = timed_rollbacks(lambda: rollover_once(year, operator, org), 3)
    print(json.dumps({
        "year": year.year, "organisations": orgs, "items_per_checklist": items,
        "checklist_rows": orgs * items, "setup_s": round(setup, 2),
        "correction_move_answers_s": round(moved, 2),
        "recompute_every_prediction_s": round(predicted, 2), "predictions": count,
        "correction_total_s": round(moved + predicted, 2),
        "rollover_one_org_median_s": round(statistics.median(r[0] for r in rollovers), 3),
        "rollover_one_org": rollovers[0][1],
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
