"""Malformed documents: the importer never crashes, never writes partially, and always says
what it could not read."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imports.document.write import owner_choices, read_plan
from imports.services import apply, preview
from imports.upload import UnreadableDocument
from measures.models import ImprovementIssue, Measure
from tests.imports.conftest import SEED

pytestmark = pytest.mark.django_db
SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
FRAGMENTS = st.sampled_from(["\t", "<p>", "</p>", "ตัวชี้วัดที่ ๒", "คะแนนเฉลี่ย ๗๔.๑๕",
                             "97.68 คะแนน", "ประเด็นที่ต้องปรับปรุง", "แนวทาง", "วิธีดำเนินการ",
                             "ระยะเวลา", "สิงหาคม - ธันวาคม", "ตลอดปีงบประมาณ", "๑.", "(๒)",
                             '"', "\n", "ปีละ ๒ ครั้ง", "กองคลัง", "", "๙๙๙.๙๙"])
LINES = st.one_of(st.sampled_from(SEED_LINES),
                  st.lists(FRAGMENTS, max_size=8).map("".join),
                  st.text(max_size=60))
DOCUMENTS = st.lists(LINES, max_size=25).map("\n".join)
FAST = settings(max_examples=40, deadline=None, derandomize=True,  # the same cases each CI run
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def accounted_for(plan, text):
    """Every non-empty line is an issue, a measure, a step row, a header or listed as unread."""
    listed = {u["line"] for u in plan.unparsed}
    return all(u["reason"] for u in plan.unparsed) and (
        not text.strip() or listed or plan.issues or plan.measures or plan.scores
        or all("\t" in line for line in text.splitlines() if line.strip()))


@FAST
@given(DOCUMENTS)
def test_any_text_reads_without_crashing(criteria, text):
    plan = read_plan(text.encode("utf-8"), "x.txt", 2565)
    assert accounted_for(plan, text)
    assert all(0 <= v <= 100 for v in plan.scores.values())
    for measure in plan.measures:
        assert measure.period[0] <= measure.period[1]


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_in_thai(criteria, data):
    try:
        read_plan(data, "x.docx" if data[:2] == b"PK" else "x.txt", 2565)
    except UnreadableDocument as error:
        assert "ไฟล์" in str(error)


@FAST
@given(DOCUMENTS)
def test_apply_writes_all_or_nothing(criteria, org, org_admin, text):
    with transaction.atomic():
        batch = preview(organization=org, fiscal_year=2565, data=text.encode(),
                        filename="x.txt", by=org_admin)
        mapping = {n: "new" for n, m in owner_choices(batch).items() if m is None}
        apply(batch=batch, mapping=mapping, by=org_admin)
        assert Measure.objects.filter(organization=org).count() == len(
            {m["number"] for m in batch.plan["measures"]})
        assert ImprovementIssue.objects.filter(organization=org).count() <= len(
            batch.plan["issues"])
        transaction.set_rollback(True)


def test_control_characters_are_dropped_before_they_reach_the_database(criteria, org,
                                                                       org_admin):
    batch = preview(organization=org, fiscal_year=2565, data="\x00ตัวชี้วัด\x07".encode(),
                    filename="x.txt", by=org_admin)
    assert batch.plan["unparsed"][0]["text"] == "ตัวชี้วัด"
