import re
from decimal import Decimal
from pathlib import Path

import pytest

from reports.charts import score_bars, status_bar, text_width, trend_line

TEXT = re.compile(r'<text x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)</text>')
ARABIC = re.compile(r"[0-9]")
TARGET = Decimal("85.00")  # a year's target score, as the criteria give it


def texts(svg):
    return [(float(x), float(y), attrs, content) for x, y, attrs, content in TEXT.findall(svg)]


def test_score_bars_show_numbers_target_and_colour_by_target():
    svg = score_bars([("2. การใช้งบประมาณ", Decimal("74.15"), Decimal("80")),
                      ("6. คุณภาพการดำเนินงาน", Decimal("91.2"), None),
                      ("7. <ไม่มีข้อมูล>", None, None)], target=Decimal("85.00"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "๗๔.๑๕" in svg and "๙๑.๒๐" in svg and "เป้าหมาย ๘๕" in svg
    assert 'fill="#b3261e"' in svg and 'fill="#1e7b45"' in svg  # below and above the target
    assert "&lt;ไม่มีข้อมูล&gt;" in svg and "<ไม่มีข้อมูล>" not in svg


def test_every_number_drawn_in_a_chart_is_in_thai_digits():
    svgs = [score_bars([("2. การใช้งบประมาณ", Decimal("74.15"), Decimal("80"))], target=TARGET),
            trend_line([(2565, Decimal("81.45")), (2566, Decimal("88.1"))], target=TARGET),
            status_bar({"done": 3}, {"done": "แล้วเสร็จ"})]
    drawn = [content for svg in svgs for *_, content in texts(svg)]
    assert drawn and not [c for c in drawn if ARABIC.search(c)]
    assert "๒๕๖๕" in drawn and "แล้วเสร็จ ๓" in drawn


@pytest.mark.parametrize("score", [x / 4 for x in range(280, 400)])  # 70.00 … 99.75
def test_value_labels_never_cross_the_target_line(score):
    svg = score_bars([("๑. การปฏิบัติหน้าที่", Decimal(str(score)), None)], target=TARGET)
    target_x = float(re.search(r'<line x1="([\d.]+)"', svg).group(1))
    (x, _, attrs, label), = [t for t in texts(svg) if re.fullmatch(r"[๐-๙.]+", t[3])]
    start = x - text_width(label) if 'text-anchor="end"' in attrs else x
    assert not start - 2 <= target_x <= start + text_width(label) + 2


def test_trend_line_skips_missing_years():
    svg = trend_line([(2564, None), (2565, Decimal("81.45")), (2566, Decimal("88.1"))],
                     target=Decimal("85.00"))
    assert "๘๑.๔๕" in svg and "๘๘.๑๐" in svg and "๒๕๖๔" in svg
    assert svg.count("<circle") == 2


@pytest.mark.parametrize("total", [x / 4 for x in range(240, 400)])  # 60.00 … 99.75
def test_trend_value_labels_keep_off_the_target_line(total):
    """UX re-check: "๗๖.๑๐" was struck through by the 85 line (web and annual PDF)."""
    svg = trend_line([(2565, Decimal(str(total))), (2566, Decimal("85.5"))], target=TARGET)
    target_y = float(re.search(r'y1="([\d.]+)"', svg).group(1))
    for _, y, _, content in texts(svg):
        if re.fullmatch(r"[๐-๙]+\.[๐-๙]+", content):
            assert not y - 12 <= target_y <= y + 3  # the text's box: ~11 px above its baseline


def test_status_bar_counts():
    svg = status_bar({"done": 3, "in_progress": 1}, {"done": "แล้วเสร็จ",
                                                     "in_progress": "กำลังดำเนินการ"})
    assert "แล้วเสร็จ ๓" in svg and "กำลังดำเนินการ ๑" in svg


def test_the_target_line_is_the_years_target_not_a_constant():
    svg = score_bars([("1. ตัวชี้วัด", Decimal("86"), None)], target=Decimal("90.00"))
    assert "เป้าหมาย ๙๐" in svg and 'fill="#b3261e"' in svg  # 86 is below a target of 90


def test_on_screen_the_status_legend_is_page_text_in_its_colours():
    """UX re-check: on a 390 px phone the legend drawn inside the bar shrank to ~6 px text."""
    from reports.charts import STATUS_COLOURS

    html = status_bar({"done": 3, "in_progress": 12}, {"done": "แล้วเสร็จ",
                                                        "in_progress": "กำลังดำเนินการ"},
                      html_legend=True)
    svg, legend = html.split("</svg>")
    assert "<text" not in svg and 'viewBox="0 0 640 22"' in svg
    assert re.findall(r"<li>.*?</li>", legend) == [
        '<li><span class="swatch status-done"></span>แล้วเสร็จ ๓</li>',
        '<li><span class="swatch status-in_progress"></span>กำลังดำเนินการ ๑๒</li>']
    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css").read_text()
    for status, colour in STATUS_COLOURS.items():
        assert f".swatch.status-{status} {{ background: {colour}; }}" in css
