from decimal import Decimal

from reports.charts import score_bars, status_bar, trend_line


def test_score_bars_show_numbers_target_and_colour_by_target():
    svg = score_bars([("2. การใช้งบประมาณ", Decimal("74.15"), Decimal("80")),
                      ("6. คุณภาพการดำเนินงาน", Decimal("91.2"), None),
                      ("7. <ไม่มีข้อมูล>", None, None)], target=Decimal("85.00"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "74.15" in svg and "91.20" in svg and "เป้าหมาย 85" in svg
    assert 'fill="#b3261e"' in svg and 'fill="#1e7b45"' in svg  # below and above the target
    assert "&lt;ไม่มีข้อมูล&gt;" in svg and "<ไม่มีข้อมูล>" not in svg


def test_trend_line_skips_missing_years():
    svg = trend_line([(2564, None), (2565, Decimal("81.45")), (2566, Decimal("88.1"))],
                     target=Decimal("85.00"))
    assert "81.45" in svg and "88.10" in svg and "2564" in svg
    assert svg.count("<circle") == 2


def test_status_bar_counts():
    svg = status_bar({"done": 3, "in_progress": 1}, {"done": "แล้วเสร็จ",
                                                     "in_progress": "กำลังดำเนินการ"})
    assert "แล้วเสร็จ 3" in svg and "กำลังดำเนินการ 1" in svg


def test_the_target_line_is_the_years_target_not_a_constant():
    svg = score_bars([("1. ตัวชี้วัด", Decimal("86"), None)], target=Decimal("90.00"))
    assert "เป้าหมาย 90" in svg and 'fill="#b3261e"' in svg  # 86 is below a target of 90
