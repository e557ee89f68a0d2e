"""The seed document, read: what the dry run must recognise, and what it must list."""

import datetime
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command

from imports.document.periods import parse_period
from imports.document.recognise import cadence_of
from imports.document.write import read_plan
from tests.imports.conftest import SEED, seed_docx

pytestmark = pytest.mark.django_db


def test_seed_scores_issues_and_measures(criteria, seed_bytes):
    plan = read_plan(seed_bytes, "seed.txt", 2565)
    assert plan.scores == {2: Decimal("74.15"), 4: Decimal("83.37"), 6: Decimal("83.71"),
                           9: Decimal("78.79")}
    assert Counter(i.indicator for i in plan.issues) == {2: 6, 4: 1, 6: 2, 9: 8}
    assert [i.owners for i in plan.issues if i.indicator == 6] == [
        ["ทุกสำนัก ทุกกอง รวมถึง พนักงานทุกคน"], ["เจ้าหน้าที่พัสดุ"]]
    assert plan.issues[9].title.startswith("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูลเป็นตัวชี้วัด")
    assert plan.issues[10].title == "การให้บริการในระบบ e-service"
    measures = {m.number: m for m in plan.measures}
    assert sorted(measures) == [1, 2, 3, 4]
    assert [len(measures[n].steps) for n in (1, 2, 3, 4)] == [2, 3, 1, 5]
    assert measures[1].period == (datetime.date(2021, 8, 1), datetime.date(2022, 1, 31))
    assert measures[2].period == (datetime.date(2022, 1, 1), datetime.date(2022, 6, 30))
    assert measures[3].period == measures[4].period == (datetime.date(2021, 10, 1),
                                                        datetime.date(2022, 9, 30))
    assert measures[1].owners == ["เจ้าหน้าที่งบประมาณ", "งานวิเคราะห์นโยบายและแผนงาน",
                                  "นักวิชาการคอมพิวเตอร์", "เจ้าหน้าที่พัสดุ"]
    assert measures[3].owners == ["ฝ่ายตรวจสอบภายใน", "กองคลัง"]
    assert (measures[2].cadence, measures[3].cadence) == ("yearly", "yearly")
    assert measures[4].indicators == [9] and measures[4].title.endswith("ดังนี้")
    assert (plan.assessment_year, plan.measures_year) == (2564, 2565)


def test_what_cannot_be_read_is_listed_with_reasons(criteria, seed_bytes):
    plan = read_plan(seed_bytes, "seed.txt", 2565)
    reasons = {u["line"]: u["reason"] for u in plan.unparsed}
    assert "ซ้ำ" in reasons[96] and "ซ้ำ" in reasons[97]  # the copy error under measure 1
    assert reasons[41] == "ข้อความนอกตาราง: ไม่ได้นำเข้า"  # the NACC's EIT recommendation
    read = {i.line for i in plan.issues} | {m.line for m in plan.measures}
    read |= {r["line"] for r in plan.recommendations}
    text_lines = [n for n, line in enumerate(SEED.read_text().splitlines(), 1) if line.strip()]
    steps_or_headers = {5, 13, 16, 19, 22, 93, 95, 99, 101, 102, 105, 107, 108, 109, 110, 111}
    steps_or_headers |= {31, 37, 39, 43, 47, 59, 91}  # section, tool and year headings
    assert set(text_lines) <= read | set(reasons) | steps_or_headers


def test_a_word_file_with_the_same_tables_reads_the_same(criteria, seed_bytes):
    from_text = read_plan(seed_bytes, "seed.txt", 2565).as_json()
    from_docx = read_plan(seed_docx(seed_bytes.decode()), "seed.docx", 2565).as_json()
    for key in ("scores", "issues", "measures"):
        strip = [{k: v for k, v in d.items() if k != "line"} for d in from_text[key]] \
            if key != "scores" else from_text[key]
        got = [{k: v for k, v in d.items() if k != "line"} for d in from_docx[key]] \
            if key != "scores" else from_docx[key]
        assert got == strip, key


@pytest.mark.parametrize(("text", "expected"), [
    ("สิงหาคม - ธันวาคม", ((2021, 8, 1), (2021, 12, 31))),
    ("กันยายน - มกราคม", ((2021, 9, 1), (2022, 1, 31))),
    ("ตุลาคม ๒๕๖๔ - กันยายน ๒๕๖๕", ((2021, 10, 1), (2022, 9, 30))),
    ("ตลอดปีงบประมาณ", ((2021, 10, 1), (2022, 9, 30))),
    ("มกราคม - มีนาคม ๒๕๖๕", ((2022, 1, 1), (2022, 3, 31))),
    ("มีนาคม", ((2022, 3, 1), (2022, 3, 31))),
    ("ต.ค. ๖๔ – ธ.ค. ๖๔", ((2021, 10, 1), (2021, 12, 31))),
    ("เมื่อพร้อม", None),
    ("", None),
])
def test_periods_become_dates_in_the_fiscal_year(text, expected):
    got = parse_period(text, 2565)
    assert got == (None if expected is None else tuple(datetime.date(*d) for d in expected))


@pytest.mark.parametrize(("text", "cadence"), [
    ("โดยให้รายงานความคืบหน้าทุกครั้งที่มีการประชุม จนกว่าจะเสร็จสิ้น", "every_meeting"),
    ("รายงานผลให้ผู้บริหารทราบอย่างน้อยปีละ ๑ ครั้ง", "yearly"),
    ("รายงานปีละ 2 ครั้ง", "twice_a_year"),
    ("รายงานผลให้ผู้บริหารทราบเป็นระยะ", None),
])
def test_monitoring_text_gives_a_cadence_only_when_it_says_so(text, cadence):
    assert cadence_of(text) == cadence


def test_command_dry_run_prints_json_and_writes_nothing(criteria, org, capsys):
    from measures.models import Measure

    call_command("import_ita_document", str(SEED), "--organization", org.slug, "--year",
                 "2565", "--dry-run", "--format", "json")
    result = json.loads(capsys.readouterr().out)
    assert result["scores"] == {"2": "74.15", "4": "83.37", "6": "83.71", "9": "78.79"}
    assert len(result["issues"]) == 17 and len(result["measures"]) == 4
    first = result["measures"][0]
    assert set(first) >= {"title", "steps", "owners", "start", "end", "monitoring", "cadence"}
    assert first["start"] == "2021-08-01" and first["end"] == "2022-01-31"
    assert result["unparsed"] and not Measure.objects.exists()


def test_measure_numbers_above_99_are_read_whole(criteria):
    header = "มาตรการ\tวิธีดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา\tการติดตาม"
    rows = [header] + [f"{n}. มาตรการ {n}\t๑. ทำ\tกองคลัง\tมีนาคม\t" for n in (99, 100, 123)]
    plan = read_plan("\n".join(rows).encode(), "x.txt", 2565)
    assert [m.number for m in plan.measures] == [99, 100, 123]
    assert [m.title for m in plan.measures] == ["มาตรการ 99", "มาตรการ 100", "มาตรการ 123"]
