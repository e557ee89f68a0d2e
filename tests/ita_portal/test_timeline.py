import datetime
import re

from ita_portal.timeline import TimelineRow, chunks, fiscal_timeline

D = datetime.date
TEXT = re.compile(r"<text[^>]*>([^<]*)</text>")
RECT = re.compile(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="([^"]+)"')


def test_months_run_october_to_september_in_thai():
    svg = fiscal_timeline([], 2570, D(2026, 12, 2))
    months = [t for t in TEXT.findall(svg) if t.endswith(".") and " " not in t]
    assert months[0] == "ต.ค." and months[-1] == "ก.ย." and len(months) == 12
    assert "ปีงบประมาณ ๒๕๗๐" in TEXT.findall(svg)


def test_today_line_and_overdue_bar():
    late = TimelineRow("๑. เผยแพร่แผนจัดซื้อ", D(2025, 10, 1), D(2025, 11, 30), "in_progress",
                       overdue=True)
    svg = fiscal_timeline([late], 2569 + 1, D(2026, 12, 2))  # fiscal 2570: Oct 2026 – Sep 2027
    assert "วันนี้ ๒ ธ.ค." in svg
    svg = fiscal_timeline([late], 2569, D(2026, 1, 15))     # fiscal 2569, today inside
    bars = RECT.findall(svg)
    plan, overdue = bars
    assert overdue[2] == "#b3261e"
    assert abs(float(plan[0]) + float(plan[1]) - float(overdue[0])) < 0.2  # starts at the end
    assert "เลยกำหนด ๔๖ วัน" in svg
    today_x = float(re.search(r'<line x1="([\d.]+)"[^>]*stroke-width="2"', svg).group(1))
    assert abs(float(overdue[0]) + float(overdue[1]) - today_x) < 3


def test_no_arabic_digit_is_drawn_and_labels_are_escaped():
    row = TimelineRow("2. <ทดสอบ> 10 วัน", D(2026, 10, 1), D(2027, 9, 30), "done",
                      steps=[(D(2026, 10, 1), D(2026, 12, 31), True)])
    svg = fiscal_timeline([row], 2570, D(2026, 12, 2))
    assert not [t for t in TEXT.findall(svg) if re.search("[0-9]", t)]
    assert "&lt;ทดสอบ&gt;" in svg and len(RECT.findall(svg)) == 2


def test_long_lists_are_split_for_paper():
    assert [len(c) for c in chunks(list(range(60)), 25)] == [25, 25, 10]
    assert chunks([], 25) == [[]]


def test_the_today_label_keeps_off_the_months_and_inside_the_chart():
    """UX re-check: "วันนี้ ๒ ธ.ค." sat on the "ธ.ค." month label."""
    label = re.compile(r'<text x="([\d.]+)" y="([\d.]+)" fill="[^"]+"( text-anchor="end")?'
                       r'>วันนี้ ')
    months_y = min(float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" text-anchor='
                                                r'"middle">[^<]+</text>',
                                                fiscal_timeline([], 2570, D(2026, 12, 2))))
    for today in (D(2026, 10, 1), D(2026, 12, 2), D(2027, 9, 30)):
        x, y, end = label.search(fiscal_timeline([], 2570, today)).groups()
        assert float(y) + 3 < months_y - 11  # its text box ends above the months' boxes
        assert (float(x) <= 960 - 4) and (end or float(x) + 90 <= 960)
