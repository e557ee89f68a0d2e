"""The fiscal-year timeline: every measure (and its dated steps) from October to September, with
today's line and the overdue part of each late measure in red. Server-rendered SVG, like the
other charts, so the dashboard, the measure list and the PDFs draw the same picture.

Pure: rows in, SVG text out. Lives here (not in reports) because measures draws it too.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ita_portal.thai import MONTHS_TH_SHORT, fiscal_year_bounds, thai_digits

COLOURS = {"done": "#1e7b45", "in_progress": "#1f4e8c", "on_hold": "#a86200",
           "not_started": "#9aa5b8", "cancelled": "#c4cad4"}
OVERDUE, TODAY, GRID, INK = "#b3261e", "#1d2433", "#d7dce5", "#1d2433"


@dataclass
class TimelineRow:
    label: str
    start: datetime.date
    end: datetime.date
    status: str
    overdue: bool = False
    steps: list = field(default_factory=list)  # [(start, end, done)]


@dataclass
class Frame:
    first: datetime.date
    last: datetime.date
    left: float
    right: float

    def x(self, day):
        day = min(max(day, self.first), self.last + datetime.timedelta(days=1))
        span = (self.last - self.first).days + 1
        return self.left + (self.right - self.left) * (day - self.first).days / span


def _months(frame, top, bottom):
    parts, day = [], frame.first
    while day <= frame.last:
        nxt = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        x0, x1 = frame.x(day), frame.x(nxt)
        parts.append(f'<line x1="{x0:.1f}" x2="{x0:.1f}" y1="{top}" y2="{bottom}" stroke="{GRID}"/>'
                     f'<text x="{(x0 + x1) / 2:.1f}" y="{top - 6}" text-anchor="middle">'
                     f'{MONTHS_TH_SHORT[day.month - 1]}</text>')
        day = nxt
    return parts


def _bar(frame, start, end, y, height, colour, title):
    x0, x1 = frame.x(start), frame.x(end + datetime.timedelta(days=1))
    return (f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 2):.1f}" height="{height}" '
            f'fill="{colour}"><title>{escape(title)}</title></rect>')


def _row(frame, row, y, today, label_chars):
    label = row.label if len(row.label) <= label_chars else row.label[:label_chars - 1] + "…"
    parts = [f'<text x="{frame.left - 8}" y="{y + 15}" text-anchor="end">'
             f"{escape(thai_digits(label))}</text>",
             _bar(frame, row.start, row.end, y + 4, 12, COLOURS.get(row.status, INK), row.label)]
    if row.overdue and today > row.end:
        parts.append(_bar(frame, row.end + datetime.timedelta(days=1), today, y + 4, 12,
                          OVERDUE, f"เลยกำหนด {thai_digits((today - row.end).days)} วัน"))
    for start, end, done in row.steps:
        parts.append(_bar(frame, start, end, y + 18, 3, COLOURS["done" if done else
                                                             "not_started"], "ขั้นตอน"))
    return parts


def fiscal_timeline(rows, fiscal_year, today, width=960, label_width=300, row_height=26):
    """One SVG for the fiscal year `fiscal_year` (B.E.) and the given rows."""
    first, last = fiscal_year_bounds(fiscal_year)
    frame, top = Frame(first, last, label_width, width - 10), 46  # title, today, months
    height = top + row_height * max(len(rows), 1) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="แผนเวลามาตรการ ปีงบประมาณ {thai_digits(fiscal_year)}" '
             f'font-family="Sarabun, sans-serif" font-size="13" fill="{INK}" '
             f'class="timeline-chart">',
             f'<text x="4" y="16" font-weight="700">ปีงบประมาณ {thai_digits(fiscal_year)}</text>']
    parts += _months(frame, top, height)
    label_chars = int(label_width / 8)
    for k, row in enumerate(rows):
        parts += _row(frame, row, top + 4 + k * row_height, today, label_chars)
    if first <= today <= last:
        x = frame.x(today)
        # on the title's line, above the months' (it sat on a month's name); inside the chart
        anchor = ' text-anchor="end"' if x > width - 110 else ""
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{height}" '
                     f'stroke="{TODAY}" stroke-width="2"/><text x="{x + (-4 if anchor else 4):.1f}"'
                     f' y="16" fill="{TODAY}"{anchor}>วันนี้ {thai_digits(today.day)} '
                     f"{MONTHS_TH_SHORT[today.month - 1]}</text>")
    parts.append("</svg>")
    return mark_safe("".join(parts))


def measure_rows(measures, today):
    """Timeline rows from measures (with steps prefetched when steps are wanted)."""
    return [TimelineRow(f"{m.number}. {m.title}", m.start_date, m.end_date, m.status,
                        overdue=m.end_date < today and m.status not in ("done", "cancelled"),
                        steps=[(s.start_date, s.end_date, s.done_at is not None)
                               for s in m.steps.all() if s.start_date and s.end_date])
            for m in measures]


def chunks(rows, size=25):
    return [rows[k:k + size] for k in range(0, len(rows), size)] or [[]]
