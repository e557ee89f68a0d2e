"""Render time and peak memory of the meeting report, the annual report and the O42 document,
for the demo municipality and for a large one (200 measures, each with steps, two progress
updates and a status change), on the database in DATABASE_URL.

    python bench/reports.py            # prepares the data, then one child process per render

Each render runs in a fresh process: "cold" is the first render (fonts and templates loaded),
"warm" the median of the next three; peak RSS is the child's maximum resident set.
"""

import argparse
import datetime
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from common import setup_django

LARGE = "bench-large-200"
ROUNDS = 9  # text layer: (without, with) rounds, the median difference
KINDS = ("meeting", "close", "annual", "o42", "text-layer")


def prepare():
    from demo.loader import load_demo
    from indicators.criteria_loader import load_all

    load_all()
    demo = load_demo()[0]
    return {"demo (เทศบาลตำบลอรุณนิคม, 4 measures)": demo.slug,
            "large (200 measures, 400 updates)": large_organization(demo).slug}


def large_organization(demo):
    from measures.models import Measure, MeasureEvent, MeasureStep, ProgressUpdate
    from organizations.models import Organization, User
    from reports.models import Committee, Meeting

    org, created = Organization.objects.get_or_create(
        slug=LARGE, defaults={"name_th": "เทศบาลเมืองทดสอบขนาดใหญ่", "kind": demo.kind})
    if not created:
        return org
    admin = User.objects.create(username=f"{LARGE}-admin", organization=org, role="admin")
    day = datetime.date(2021, 10, 1)
    measures = Measure.objects.bulk_create([Measure(
        organization=org, fiscal_year=2565, number=n, start_date=day,
        end_date=day + datetime.timedelta(days=300), status="in_progress", percent=50,
        title=f"มาตรการที่ {n} ส่งเสริมการเปิดเผยข้อมูลและการดำเนินงานอย่างโปร่งใส ตรวจสอบได้",
        monitoring="รายงานความคืบหน้าให้คณะกรรมการทราบทุกครั้งที่มีการประชุม จนกว่าจะแล้วเสร็จ",
        owner_text="กองคลัง") for n in range(1, 201)])
    MeasureStep.objects.bulk_create([MeasureStep(
        measure=m, order=k, text=f"ขั้นตอนที่ {k}: จัดทำและเผยแพร่ข้อมูลบนเว็บไซต์หลักของหน่วยงาน")
        for m in measures for k in (1, 2, 3)])
    ProgressUpdate.objects.bulk_create([ProgressUpdate(
        measure=m, reported_on=day + datetime.timedelta(days=30 * k), percent=25 * k,
        status="in_progress", by=admin,
        note="ดำเนินการตามแผนแล้ว เผยแพร่ประกาศทางเว็บไซต์และบอร์ดประชาสัมพันธ์ของเทศบาล")
        for m in measures for k in (1, 2)])
    MeasureEvent.objects.bulk_create([MeasureEvent(
        measure=m, from_status="not_started", to_status="in_progress", by=admin)
        for m in measures])
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    Meeting.objects.create(organization=org, committee=committee, fiscal_year=2565, number=1,
                           date=datetime.date(2022, 3, 1))
    return org


def text_layer(slug):
    """The meeting report and the annual report, laid out afresh for each of ROUNDS rounds,
    then written without and with the /ActualText text layer (ita_portal/pdf_text.py) in turns
    (garbage collected before each write and not during it; CPU time of this process): what
    the layer costs is the median of the rounds' differences (this machine's speed drifts
    within minutes; a round's two writes are neighbours). A fresh layout each round: the layer
    keeps what it read per document, and a report is written once."""
    import gc

    from ita_portal.pdf import lay_out_html
    from ita_portal.pdf_text import weasy_text
    from organizations.models import Organization
    from reports.documents import report_html
    from reports.meeting_document import document_html

    org = Organization.objects.get(slug=slug)
    wrapped, results = weasy_text.draw_first_line, {}
    for name, html in (("meeting", document_html(first_meeting(org))),
                       ("annual", report_html("annual", org, 2565))):
        rounds = []
        for _ in range(ROUNDS):
            document, took = lay_out_html(html), {}
            for label, draw in (("without_s", wrapped.original), ("with_s", wrapped)):
                weasy_text.draw_first_line = draw
                gc.collect()
                gc.disable()  # a collection inside one write and not the other is noise
                started = time.process_time()
                document.write_pdf()
                took[label] = time.process_time() - started
                gc.enable()
            rounds.append(took)
        weasy_text.draw_first_line = wrapped
        costs = sorted(r["with_s"] - r["without_s"] for r in rounds)
        results[name] = {"pages": len(document.pages),
                         "without_s": round(min(r["without_s"] for r in rounds), 3),
                         "with_s": round(min(r["with_s"] for r in rounds), 3),
                         "text_layer_s": round(costs[ROUNDS // 2], 3),
                         "rounds_s": [round(cost, 3) for cost in costs]}
    print(json.dumps(results))


def child(kind, slug):
    """Render one report four times in this process; print the timings and peak memory."""
    if kind == "text-layer":
        return text_layer(slug)
    from organizations.models import Organization
    from reports.documents import report_pdf
    from reports.meeting_document import meeting_pdf

    org = Organization.objects.get(slug=slug)
    if kind == "meeting":
        meeting = first_meeting(org)

        def render():
            return meeting_pdf(meeting)
    elif kind == "close":
        meeting = first_meeting(org)

        def render():
            return close_and_roll_back(meeting)
    else:
        def render():
            return report_pdf(kind, org, 2565)
    timings, size = [], 0
    for _ in range(4):
        started = time.perf_counter()
        size = len(render())
        timings.append(time.perf_counter() - started)
    pages = _pages(render()) if kind != "close" else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cold_s": round(timings[0], 2),
                      "warm_s": round(statistics.median(timings[1:]), 2),
                      "pages": pages, "bytes": size, "peak_rss_mb": round(peak, 1)}))


def first_meeting(org):
    from reports.models import Committee, Meeting

    meeting = Meeting.objects.filter(organization=org, fiscal_year=2565).first()
    if meeting is None:
        committee = Committee.objects.filter(organization=org).first()
        meeting = Meeting.objects.create(organization=org, committee=committee,
                                         fiscal_year=2565, number=1,
                                         date=datetime.date(2022, 3, 1))
    return meeting


def close_and_roll_back(meeting):
    """What the close request does (freeze the report as HTML, close), rolled back; the PDF
    itself is rendered afterwards by the background task and measured as "meeting"."""
    from django.db import transaction

    from organizations.models import User
    from reports.services import meeting_close

    admin = User.objects.filter(organization=meeting.organization, role="admin").first()
    with transaction.atomic():
        closed = meeting_close(meeting=meeting, by=admin)
        transaction.set_rollback(True)
    return closed.report_html.encode()


def _pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        info = subprocess.run(["pdfinfo", pdf.name], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SLUG"))
    args = parser.parse_args()
    setup_django()
    if args.child:
        return child(*args.child)
    results = {}
    for label, slug in prepare().items():
        for kind in KINDS:
            out = subprocess.run([sys.executable, __file__, "--child", kind, slug],
                                 capture_output=True, text=True, check=True).stdout
            results[f"{kind} · {label}"] = json.loads(out.strip().splitlines()[-1])
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
