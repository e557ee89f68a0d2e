"""Generate synthetic national-scale data: organisations with departments, positions, users and
indicator scores for several years. Deterministic for a given --seed.

    python bench/generate.py --orgs 8300 --years 5
"""

import argparse
import random
import time

from common import setup_django
from generate_measures import make_measures

DEPARTMENTS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"]
POSITIONS = [("กองคลัง", "เจ้าหน้าที่พัสดุ"), ("กองคลัง", "ผู้อำนวยการกองคลัง"),
             ("สำนักปลัด", "นักวิชาการคอมพิวเตอร์"), ("สำนักปลัด", "นักทรัพยากรบุคคล")]
PROVINCES = ["ขอนแก่น", "สกลนคร", "เชียงใหม่", "นครราชสีมา", "สงขลา", "ชลบุรี", "อุดรธานี",
             "นครศรีธรรมราช", "เชียงราย", "บุรีรัมย์"]
KINDS = ["subdistrict_municipality"] * 3 + ["sao"] * 6 + ["town", "city", "pao"]


def ensure_years(count):
    """The criteria years on record, plus synthetic copies of the earliest to reach `count`."""
    from indicators.models import AssessmentYear, Indicator, ResultBand, Tool

    years = list(AssessmentYear.objects.order_by("year"))
    while len(years) < count:
        source = years[0]
        clone = AssessmentYear.objects.create(
            year=source.year - 1, title_th=f"(bench) {source.title_th}",
            result_kind=source.result_kind, source_note="synthetic, for benchmarks only")
        tools = {}
        for tool in Tool.objects.filter(year=source):
            tools[tool.pk] = Tool.objects.create(year=clone, code=tool.code, name_th=tool.name_th,
                                                 weight=tool.weight, order=tool.order)
        for ind in Indicator.objects.filter(year=source):
            Indicator.objects.create(year=clone, tool=tools[ind.tool_id], number=ind.number,
                                     name_th=ind.name_th)
        for band in ResultBand.objects.filter(year=source):
            ResultBand.objects.create(year=clone, label=band.label, min_total=band.min_total,
                                      min_each_tool=band.min_each_tool, order=band.order)
        years.insert(0, clone)
    return years[-count:]


def make_orgs(n, rng):
    from organizations.models import Organization

    orgs = [Organization(slug=f"org-{i:05d}", name_th=f"หน่วยงานทดสอบที่ {i}",
                         kind=rng.choice(KINDS), province=PROVINCES[i % len(PROVINCES)],
                         website_domains=f"org{i:05d}.go.th") for i in range(n)]
    return Organization.objects.bulk_create(orgs, batch_size=2000)


def make_structure(orgs):
    from organizations.models import Department, Position

    depts = Department.objects.bulk_create(
        [Department(organization=o, name_th=name, order=k)
         for o in orgs for k, name in enumerate(DEPARTMENTS)], batch_size=5000)
    by_key = {(d.organization_id, d.name_th): d for d in depts}
    Position.objects.bulk_create(
        [Position(organization=o, department=by_key[(o.pk, dept)], name_th=name)
         for o in orgs for dept, name in POSITIONS], batch_size=5000)
    return by_key


def make_users(orgs, by_key, password_hash):
    from organizations.models import Role, User

    users = []
    for o in orgs:
        for k, (role, dept) in enumerate([(Role.ADMIN, None), (Role.COMMITTEE, None),
                                          (Role.STAFF, "กองคลัง"), (Role.STAFF, "สำนักปลัด"),
                                          (Role.STAFF, "กองช่าง"), (Role.STAFF, "กองการศึกษา")]):
            users.append(User(username=f"{o.slug}-u{k}", organization=o, role=role,
                              department=by_key.get((o.pk, dept)), password=password_hash))
    User.objects.bulk_create(users, batch_size=5000)
    return len(users)


def make_scores(orgs, years, rng):
    from indicators.models import Indicator, IndicatorScore

    indicators = list(Indicator.objects.filter(year__in=years))
    batch, total = [], 0
    for o in orgs:
        for ind in indicators:
            batch.append(IndicatorScore(organization=o, indicator=ind,
                                        score=round(rng.uniform(45, 100), 2)))
        if len(batch) >= 20000:
            total += len(IndicatorScore.objects.bulk_create(batch))
            batch = []
    return total + len(IndicatorScore.objects.bulk_create(batch))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=8300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2565)
    parser.add_argument("--measures-per-org", type=int, default=50)
    parser.add_argument("--checklists", action="store_true",
                        help="every organisation's OIT checklist of the newest year too")
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    rng, started = random.Random(args.seed), time.perf_counter()
    with transaction.atomic():
        years = ensure_years(args.years)
        orgs = make_orgs(args.orgs, rng)
        by_key = make_structure(orgs)
        users = make_users(orgs, by_key, make_password("bench-password-2565"))
        scores = make_scores(orgs, years, rng)
        measures = make_measures(args.measures_per_org)
    print(f"generated {len(orgs)} organisations, {len(by_key)} departments, {users} users, "
          f"{scores} scores over years {[y.year for y in years]}, {measures} measures "
          f"in {time.perf_counter() - started:.1f} s")
    if args.checklists:
        from criteria import make_checklists

        orgs, items = make_checklists(years[-1])
        print(f"checklists: {orgs} organisations x {items} OIT items of {years[-1].year}")


if __name__ == "__main__":
    main()
