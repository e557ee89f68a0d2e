"""The layout corpus: the same kind of document in the layouts agencies publish, each pinned to
what must be read (years, scores, total, grade or rating, issues, measures and their owners)."""

import subprocess
from decimal import Decimal

import pytest

from imports.document.write import read_plan
from tests.imports import corpus
from tests.imports.conftest import SEED

pytestmark = pytest.mark.django_db

SECTIONS = {
    "years": (2565, 2566), "total": "86.41", "result": "A",
    "tools": {"IIT": "93.20", "EIT": "88.93", "OIT": "79.54"},
    "scores": {1: "97.68", 2: "88.40", 3: "94.12", 4: "90.05", 5: "95.75", 6: "90.10",
               7: "87.55", 8: "89.14", 9: "84.08", 10: "75.00"},
    "issues": [9, 9, 10],
    "measures": {1: (["กองคลัง"], "every_meeting", 2),
                 2: (["สำนักปลัดเทศบาล", "หน่วยตรวจสอบภายใน"], "twice_a_year", 2)},
}
NUMBERED = {
    "years": (2565, 2566), "total": "81.30", "result": "B", "tools": {},
    "scores": {2: "78.79", 9: "70.50"},
    "issues": [2, 2, 9],
    "measures": {1: (["กองคลัง"], "twice_a_year", 2),
                 2: (["นักวิชาการคอมพิวเตอร์"], "yearly", 2)},
}
RATING = {
    "years": (2566, 2567), "total": "88.72", "result": "ผ่าน", "tools": {},
    "scores": {1: "95.31", 2: "90.02", 3: "92.47", 4: "89.90", 5: "93.18", 6: "84.12",
               7: "82.65", 8: "83.40", 9: "86.00", 10: "87.50"},
    "issues": [6, 7],
    "measures": {1: (["สำนักปลัดเทศบาล"], "every_meeting", 2),
                 2: (["นักวิชาการคอมพิวเตอร์"], "twice_a_year", 1)},
}
SEED_READ = {
    "years": (2564, 2565), "total": None, "result": None, "tools": {},
    "scores": {2: "74.15", 4: "83.37", 6: "83.71", 9: "78.79"},
    "issues": [2] * 6 + [4] + [6] * 2 + [9] * 8,
    "measures": {1: (["เจ้าหน้าที่งบประมาณ", "งานวิเคราะห์นโยบายและแผนงาน",
                      "นักวิชาการคอมพิวเตอร์", "เจ้าหน้าที่พัสดุ"], None, 2),
                 2: (None, "yearly", 3), 3: (["ฝ่ายตรวจสอบภายใน", "กองคลัง"], "yearly", 1),
                 4: (None, None, 5)},
}


def check(plan, expected, year=None):
    assert (plan.assessment_year, plan.measures_year) == expected["years"]
    assert plan.total == (expected["total"] and Decimal(expected["total"]))
    assert plan.result == expected["result"]
    assert plan.tools == {k: Decimal(v) for k, v in expected["tools"].items()}
    assert plan.scores == {k: Decimal(v) for k, v in expected["scores"].items()}
    assert [i.indicator for i in plan.issues] == expected["issues"]
    assert all(i.title for i in plan.issues)
    measures = {m.number: m for m in plan.measures}
    assert sorted(measures) == sorted(expected["measures"])
    for number, (owners, cadence, steps) in expected["measures"].items():
        if owners is not None:
            assert measures[number].owners == owners, number
        if cadence is not None:
            assert measures[number].cadence == cadence, number
        assert len(measures[number].steps) == steps, number


def read(data, name, fiscal_year):
    return read_plan(data, name, fiscal_year)


def test_the_seed(criteria):
    check(read(SEED.read_bytes(), "seed.txt", 2565), SEED_READ)


def test_the_seed_flattened_one_cell_per_line(criteria):
    plan = read(corpus.flattened(SEED.read_text()).encode(), "flat.txt", 2565)
    assert plan.scores == {k: Decimal(v) for k, v in SEED_READ["scores"].items()}
    assert sorted(m.number for m in plan.measures) == [1, 2, 3, 4]
    measures = {m.number: m for m in plan.measures}
    assert measures[1].owners[:2] == ["เจ้าหน้าที่งบประมาณ", "งานวิเคราะห์นโยบายและแผนงาน"]
    assert measures[3].owners == ["ฝ่ายตรวจสอบภายใน", "กองคลัง"]
    assert len(plan.issues) >= 10 and {i.indicator for i in plan.issues} == {2, 4, 6, 9}


def test_tool_sections_with_scores_on_their_own_lines(criteria):
    check(read(corpus.text("sections_2565.txt").encode(), "sections.txt", 2566), SECTIONS)


def test_numbered_paragraphs_and_bullets_without_tables(criteria):
    plan = read(corpus.text("numbered_2565.txt").encode(), "numbered.txt", 2566)
    check(plan, NUMBERED)
    assert [i.owners for i in plan.issues] == [["กองคลัง"], ["กองคลัง"], ["สำนักปลัด"]]
    assert plan.issues[1].approach.startswith("แต่งตั้งบุคลากรหมุนเวียน")
    assert [r["text"][:10] for r in plan.recommendations] == ["ควรตรวจสอบ", "ควรสื่อสาร"]
    assert [m.indicators for m in plan.measures] == [[2], [9]]


def test_a_2566_document_with_a_rating_and_typos_in_indicator_names(criteria):
    plan = read(corpus.text("rating_2566.txt").encode(), "rating.txt", 2567)
    check(plan, RATING)  # "คุณภารการดำเนินงาน", "การสือสาร", "การทํางาน" all matched


def test_thai_digits_throughout(criteria):
    source = corpus.in_thai_digits(corpus.text("sections_2565.txt"))
    assert "๘๖.๔๑" in source
    check(read(source.encode(), "thai.txt", 2566), SECTIONS)


def test_a_word_file(criteria):
    check(read(corpus.to_docx(corpus.text("rating_2566.txt")), "rating.docx", 2567), RATING)


def test_a_pdf_rendered_from_the_document(criteria):
    check(read(corpus.to_pdf(corpus.text("rating_2566.txt")), "rating.pdf", 2567), RATING)


def test_a_pdf_made_by_libreoffice_from_the_word_file(criteria, tmp_path):
    data = corpus.via_libreoffice(corpus.to_docx(corpus.text("sections_2565.txt")), tmp_path)
    (tmp_path / "made.pdf").write_bytes(data)
    info = subprocess.run(["pdfinfo", str(tmp_path / "made.pdf")], capture_output=True,
                          check=True, text=True).stdout
    assert "LibreOffice" in info  # really LibreOffice's PDF, not ours
    check(read(data, "libreoffice.pdf", 2566), SECTIONS)


def test_a_pdf_with_word_text_layer_faults(criteria, tmp_path):
    data = corpus.to_pdf(corpus.with_word_faults(corpus.text("sections_2565.txt")))
    path = tmp_path / "faults.pdf"
    path.write_bytes(data)
    layer = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                           text=True).stdout
    assert "\u0e4d\u0e32" in layer and "ท\u0e48\u0e35" in layer  # the faults are really there
    plan = read(data, "faults.pdf", 2566)
    check(plan, SECTIONS)
    assert plan.measures[0].title == "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างให้เป็นปัจจุบันทุกเดือน"


def test_the_command_reads_a_pdf_in_a_dry_run(criteria, org, tmp_path, capsys):
    import json

    from django.core.management import call_command

    from measures.models import Measure

    path = tmp_path / "rating.pdf"
    path.write_bytes(corpus.to_pdf(corpus.text("rating_2566.txt")))
    call_command("import_ita_document", str(path), "--organization", org.slug, "--year",
                 "2567", "--dry-run", "--format", "json")
    result = json.loads(capsys.readouterr().out)
    assert (result["assessment_year"], result["total"], result["result"]) == (2566, "88.72",
                                                                             "ผ่าน")
    assert result["scores"]["6"] == "84.12" and len(result["measures"]) == 2
    assert not Measure.objects.exists()


def test_years_other_than_the_import_are_pointed_out(criteria):
    plan = read(corpus.text("rating_2566.txt").encode(), "rating.txt", 2568)
    reasons = " ".join(u["reason"] for u in plan.unparsed)
    assert "มาตรการปีงบประมาณ 2567 แต่เลือกนำเข้าเป็นปี 2568" in reasons
    assert "ตัวชี้วัด | คะแนน" not in " ".join(u["text"] for u in plan.unparsed)


def check_o25(assessed, fiscal):
    from tests.imports.corpus.o25 import o25_document

    text, scores, band = o25_document(assessed, fiscal)
    plan = read(text.encode(), "o25.txt", fiscal)
    assert (plan.assessment_year, plan.measures_year) == (assessed, fiscal)
    assert (plan.total, plan.result) == (Decimal("92.18"), band)
    assert plan.scores == {n: Decimal(v) for n, v in scores.items()}
    assert [i.owners for i in plan.issues] == [["สำนักปลัด"], ["สำนักปลัด"]]
    assert plan.issues[1].approach.startswith("ประชาสัมพันธ์ช่องทางแจ้งเบาะแส")
    assert [(m.number, m.owners, m.cadence, len(m.steps)) for m in plan.measures] == [
        (1, ["สำนักปลัด", "กองคลัง"], "twice_a_year", 2), (2, ["สำนักปลัด"], "every_meeting", 1)]
    assert plan.measures[0].period[1].month == 3


def test_the_o25_wording_of_the_2569_era_on_2566_criteria(criteria):
    check_o25(2566, 2567)
