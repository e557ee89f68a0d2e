import pytest

from measures.models import MeasureStep
from measures.presenters import numbered_step


@pytest.mark.parametrize(("order", "text", "expected"), [
    (2, "จัดทำประกาศ", "๒. จัดทำประกาศ"),
    (1, "(๑) จัดทำประกาศ", "(๑) จัดทำประกาศ"),
    (3, "3) เผยแพร่", "3) เผยแพร่"),
    (4, "๔. รายงานผล", "๔. รายงานผล"),
    (12, "2566 เป็นปีแรก", "๑๒. 2566 เป็นปีแรก"),
])
def test_steps_are_numbered_once(order, text, expected):
    assert numbered_step(MeasureStep(order=order, text=text)) == expected
