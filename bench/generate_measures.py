"""Synthetic measures for every organisation: owners, steps and some progress updates."""

import datetime
import random

STATUSES = ["not_started", "in_progress", "in_progress", "on_hold", "done"]


def make_measures(per_org, fiscal_year=2570, seed=2565):
    from measures.models import Measure, MeasureStep, ProgressUpdate
    from organizations.models import Department, Organization, User

    rng = random.Random(seed)
    start = datetime.date(fiscal_year - 544, 10, 1)
    departments = {}
    for dept in Department.objects.only("pk", "organization_id"):
        departments.setdefault(dept.organization_id, []).append(dept.pk)
    authors = dict(User.objects.filter(role="admin").values_list("organization_id", "pk"))
    total = 0
    for org_ids in _chunks(list(Organization.objects.values_list("pk", flat=True)), 200):
        measures = Measure.objects.bulk_create([
            _measure(rng, org_id, n, fiscal_year, start) for org_id in org_ids
            for n in range(1, per_org + 1)])
        through = Measure.owner_departments.through
        through.objects.bulk_create([
            through(measure_id=m.pk, department_id=rng.choice(departments[m.organization_id]))
            for m in measures])
        MeasureStep.objects.bulk_create([
            MeasureStep(measure=m, order=k, text=f"ขั้นตอนที่ {k} ของมาตรการ {m.number}")
            for m in measures for k in (1, 2)])
        ProgressUpdate.objects.bulk_create([
            ProgressUpdate(measure=m, reported_on=m.start_date, note="รายงานความคืบหน้า",
                           percent=m.percent, status=m.status, by_id=authors[m.organization_id])
            for m in measures if m.number % 5 == 0])
        total += len(measures)
    return total


def _measure(rng, org_id, number, fiscal_year, start):
    from measures.models import Measure

    begin = start + datetime.timedelta(days=rng.randint(0, 200))
    status = rng.choice(STATUSES)
    return Measure(organization_id=org_id, fiscal_year=fiscal_year, number=number,
                   title=f"มาตรการส่งเสริมความโปร่งใสที่ {number}", start_date=begin,
                   end_date=begin + datetime.timedelta(days=rng.randint(30, 160)),
                   status=status, percent=100 if status == "done" else rng.randint(0, 90))


def _chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]
