"""Import time: the seed O42 document (read, preview, apply) and a synthetic 500-row measures
table in the same pasted-text format, on the database in DATABASE_URL.

    python bench/imports.py
"""

import json
import statistics
import time

from common import ROOT, setup_django

SEED = ROOT / "fixtures" / "seed" / "arun_nikhom_o42.txt"
HEADER = "มาตรการ/ แนวทาง\tวิธีดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา ดำเนินการ\tการติดตาม ประเมินผล"


def synthetic(rows):
    lines = [HEADER]
    for n in range(1, rows // 2 + 1):
        lines.append(f"{n}. มาตรการที่ {n} ส่งเสริมความโปร่งใส\t๑. จัดทำแผนและเผยแพร่\tกองคลัง"
                     "\tสิงหาคม - ธันวาคม\tรายงานทุกครั้งที่มีการประชุม")
        lines.append("\t๒. ติดตามและรายงานผล\tสำนักปลัด\tมกราคม - มิถุนายน\t")
    return "\n".join(lines).encode()


def timed(org, admin, data, fiscal_year, name):
    from django.db import transaction

    from imports.services import apply, owner_choices, preview

    timings = []
    for _ in range(3):
        with transaction.atomic():
            started = time.perf_counter()
            batch = preview(organization=org, fiscal_year=fiscal_year, data=data,
                            filename=name, by=admin)
            read = time.perf_counter() - started
            apply(batch=batch, mapping={n: "new" for n, m in owner_choices(batch).items()
                                        if m is None}, by=admin)
            timings.append((read, time.perf_counter() - started))
            transaction.set_rollback(True)
    return {"read_preview_s": round(statistics.median(t[0] for t in timings), 3),
            "read_and_apply_s": round(statistics.median(t[1] for t in timings), 3),
            "measures": len(batch.plan["measures"]), "issues": len(batch.plan["issues"])}


def main():
    setup_django()
    from indicators.criteria_loader import load_all
    from organizations.models import Organization, Role, User

    load_all()
    org, _ = Organization.objects.get_or_create(slug="bench-import",
                                                defaults={"name_th": "เทศบาลทดสอบนำเข้า"})
    admin, _ = User.objects.get_or_create(username="bench-import-admin",
                                          defaults={"organization": org, "role": Role.ADMIN})
    results = {"seed O42 document (17 issues, 4 measures)": timed(
                   org, admin, SEED.read_bytes(), 2565, "seed.txt"),
               "500-row measures table (250 measures × 2 steps)": timed(
                   org, admin, synthetic(500), 2565, "500.txt")}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
