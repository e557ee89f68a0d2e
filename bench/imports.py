"""Import time on the database in DATABASE_URL: the seed O42 document (read, preview, apply),
a synthetic 500-row measures table in the same pasted-text format, a 500-row XLSX workbook
(new rows, then the same file again as updates) and a 1,000-organisation official scores CSV.

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

    from imports.document.write import owner_choices
    from imports.services import apply, preview

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


def pdf_document(pages):
    """A PDF as an agency saves one: the result with tool and indicator scores, then tables
    of issues and measures, rendered by WeasyPrint until it has `pages` pages."""
    from django.utils.html import escape

    from ita_portal.pdf import lay_out_html

    head = ("<p>ผลการประเมิน ITA ประจำปี 2565 มีผลคะแนน 86.41 คะแนน อยู่ในระดับ A</p>"
            "<p>1. การปฏิบัติหน้าที่</p><p>97.68 คะแนน</p><p>9. การเปิดเผยข้อมูล</p>"
            "<p>84.08 คะแนน</p><p>มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ 2566</p>")
    header = "".join(f"<td>{h}</td>" for h in HEADER.split("\t"))
    for measures in range(10, 400, 10):
        rows = "".join(
            f"<tr><td>{n}. มาตรการที่ {n} {escape('ส่งเสริมความโปร่งใสและการเปิดเผยข้อมูล')}</td>"
            f"<td>1. จัดทำแผนและเผยแพร่บนเว็บไซต์หลัก</td><td>กองคลัง</td>"
            f"<td>ตุลาคม 2565 - มีนาคม 2566</td><td>รายงานทุกครั้งที่มีการประชุม</td></tr>"
            f"<tr><td></td><td>2. ติดตามและรายงานผลต่อผู้บริหาร</td><td>สำนักปลัด</td>"
            f"<td>เมษายน - กันยายน 2566</td><td></td></tr>" for n in range(1, measures + 1))
        html = (f"<html><head><style>@font-face{{font-family:Sarabun;src:url(fonts/Sarabun-"
                f"Regular.ttf)}} body{{font-family:Sarabun;font-size:11pt}} td{{border:1px solid"
                f" #000;vertical-align:top;padding:3pt 5pt}}</style></head><body>{head}"
                f"<table><tr>{header}</tr>{rows}</table></body></html>")
        document = lay_out_html(html)
        if len(document.pages) >= pages:
            return document.write_pdf(), len(document.pages), measures
    raise RuntimeError("could not fill the pages")


def workbook(measures, steps_each):
    """An XLSX in the portal's layout: `measures` measures, each with `steps_each` steps."""
    import datetime
    import io

    from openpyxl import Workbook

    from imports.workbook import layout

    book = Workbook()
    rows = {"measures": [[n, f"มาตรการที่ {n} ส่งเสริมความโปร่งใสและการเปิดเผยข้อมูล", "2, 9",
                          "กองคลัง\nสำนักปลัด", "", datetime.date(2021, 10, 1),
                          datetime.date(2022, 9, 30), "ตลอดปีงบประมาณ",
                          "รายงานความก้าวหน้าทุกครั้งที่มีการประชุม", "ปีละ 2 ครั้ง"]
                         for n in range(1, measures + 1)],
            "steps": [[n, k, f"ขั้นตอนที่ {k} ของมาตรการที่ {n}: จัดทำ เผยแพร่ และรายงานผล",
                       "กองคลัง", "ตุลาคม - ธันวาคม"]
                      for n in range(1, measures + 1) for k in range(1, steps_each + 1)]}
    for sheet in (layout.MEASURES, layout.STEPS):
        ws = book.create_sheet(sheet.title)
        ws.append(sheet.headers)
        for row in rows[sheet.key]:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed_workbook(org, admin, data):
    """New rows (create) and, on top of them, the same file with every title changed."""
    from django.db import transaction

    from imports.services import apply, preview

    edited = data.replace("ส่งเสริม".encode(), "สนับสนุน".encode())
    timings = []
    for _ in range(3):
        with transaction.atomic():
            started = time.perf_counter()
            batch = preview(organization=org, fiscal_year=2565, data=data, filename="500.xlsx",
                            by=admin)
            read = time.perf_counter() - started
            apply(batch=batch, mapping={}, by=admin)
            created = time.perf_counter() - started
            again = time.perf_counter()
            apply(batch=preview(organization=org, fiscal_year=2565, data=edited,
                                filename="500b.xlsx", by=admin), mapping={}, by=admin)
            timings.append((read, created, time.perf_counter() - again))
            transaction.set_rollback(True)
    return {"read_preview_s": round(statistics.median(t[0] for t in timings), 3),
            "read_and_apply_s": round(statistics.median(t[1] for t in timings), 3),
            "same_file_edited_update_s": round(statistics.median(t[2] for t in timings), 3),
            "rows": sum(len(r) for r in batch.plan["rows"].values())}


def timed_scores(organizations):
    from django.db import transaction

    from imports.scores import import_scores
    from organizations.models import Organization

    Organization.objects.bulk_create([Organization(
        slug=f"bench-score-{n}", name_th=f"อบต.ทดสอบคะแนน {n}", kind="sao")
        for n in range(organizations)], ignore_conflicts=True)
    lines = ["หน่วยงาน,ปี,1,2,3,4,5,6,7,8,9,10,คะแนนรวม"]
    lines += [f"bench-score-{n},2564,90,90,90,90,90,80,80,80,70,70,79.00"
              for n in range(organizations)]
    data = "\n".join(lines).encode()
    with transaction.atomic():
        started = time.perf_counter()
        result = import_scores(data, "scores.csv", None)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    assert not result.errors, result.errors[:3]
    return {"rows": organizations, "scores_written": result.created,
            "check_and_write_s": round(elapsed, 2)}


def main():
    setup_django()
    from indicators.criteria_loader import load_all
    from organizations.models import Department, Organization, Role, User

    load_all()
    org, _ = Organization.objects.get_or_create(slug="bench-import",
                                                defaults={"name_th": "เทศบาลทดสอบนำเข้า"})
    for name in ("กองคลัง", "สำนักปลัด"):
        Department.objects.get_or_create(organization=org, name_th=name)
    admin, _ = User.objects.get_or_create(username="bench-import-admin",
                                          defaults={"organization": org, "role": Role.ADMIN})
    pdf, pages, measures = pdf_document(10)
    results = {"seed O42 document (17 issues, 4 measures)": timed(
                   org, admin, SEED.read_bytes(), 2565, "seed.txt"),
               f"{pages}-page PDF ({measures} measures in tables, {len(pdf) // 1024} KB)": timed(
                   org, admin, pdf, 2566, "ten-pages.pdf"),
               "500-row measures table (250 measures × 2 steps)": timed(
                   org, admin, synthetic(500), 2565, "500.txt"),
               "500-row XLSX workbook (250 measures + 250 steps)": timed_workbook(
                   org, admin, workbook(250, 1)),
               "official scores CSV, 1,000 organisations × 10 indicators": timed_scores(1000)}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
