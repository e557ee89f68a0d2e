import itertools

import pytest

from measures.models import Status
from measures.workflow import TRANSITIONS, allowed_targets, transition_problem

S = Status
ALLOWED = {
    (S.NOT_STARTED, S.IN_PROGRESS), (S.NOT_STARTED, S.ON_HOLD), (S.NOT_STARTED, S.DONE),
    (S.NOT_STARTED, S.CANCELLED), (S.IN_PROGRESS, S.ON_HOLD), (S.IN_PROGRESS, S.DONE),
    (S.IN_PROGRESS, S.CANCELLED), (S.ON_HOLD, S.IN_PROGRESS), (S.ON_HOLD, S.CANCELLED),
    (S.DONE, S.IN_PROGRESS), (S.CANCELLED, S.IN_PROGRESS),
}
PAIRS = [(a, b) for a, b in itertools.product(S.values, S.values) if a != b]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_pair_is_allowed_or_refused_for_an_admin_with_a_note(source, target):
    problem = transition_problem(source, target, is_admin=True, note="เหตุผล")
    assert (problem is None) == ((source, target) in ALLOWED)


def test_the_table_is_exactly_the_allowed_set():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("source", "target"), [
    (S.IN_PROGRESS, S.CANCELLED), (S.IN_PROGRESS, S.ON_HOLD), (S.DONE, S.IN_PROGRESS),
    (S.CANCELLED, S.IN_PROGRESS)])
def test_cancelling_holding_and_reopening_need_a_reason(source, target):
    assert "เหตุผล" in transition_problem(source, target, is_admin=True, note="  ")
    assert transition_problem(source, target, is_admin=True, note="งบประมาณไม่พอ") is None


def test_staff_cannot_cancel_or_revive_a_cancelled_measure():
    assert "เฉพาะผู้ดูแลระบบ" in transition_problem(S.IN_PROGRESS, S.CANCELLED, False, "x")
    assert "เฉพาะผู้ดูแลระบบ" in transition_problem(S.CANCELLED, S.IN_PROGRESS, False, "x")
    assert S.CANCELLED not in allowed_targets(S.IN_PROGRESS, is_admin=False)
    assert allowed_targets(S.CANCELLED, is_admin=False) == set()
    assert transition_problem(S.DONE, S.IN_PROGRESS, False, "พบว่าหลักฐานไม่ครบ") is None


def test_refusal_names_both_statuses_in_thai():
    assert transition_problem(S.DONE, S.ON_HOLD, True, "x") == (
        "เปลี่ยนสถานะจาก “ดำเนินการแล้วเสร็จ” เป็น “พักไว้” ไม่ได้")
