"""Server-rendered SVG charts (the same markup goes into pages and PDFs), numbers beside bars.

Pure functions: data in, SVG text out. Labels are escaped; colours are few and print well.
"""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

GOOD, BAD, PREVIOUS, TARGET, INK = "#1e7b45", "#b3261e", "#9aa5b8", "#a86200", "#1d2433"
FONT = 'font-family="Sarabun, sans-serif"'


def _fmt(value):
    return "–" if value is None else f"{value:.2f}"


def _bar(x, y, width, height, fill, title):
    return (f'<rect x="{x}" y="{y}" width="{width:.1f}" height="{height}" fill="{fill}">'
            f"<title>{escape(title)}</title></rect>")


def _plain(number):
    """A target of 90.00 as "90", 82.5 as "82.5"."""
    return f"{Decimal(str(number)).normalize():f}"


def score_bars(rows, *, target, width=640, row_height=30, label_width=230):
    """Horizontal bars of (label, score, previous score) on a 0–100 scale with a target line."""
    plot = width - label_width - 60
    height = row_height * len(rows) + 30
    x = lambda v: label_width + plot * float(v) / 100  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="คะแนนรายตัวชี้วัดเทียบเป้าหมาย {_plain(target)}" {FONT} '
             f'font-size="13">']
    for i, (label, score, previous) in enumerate(rows):
        y = 10 + i * row_height
        parts.append(f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" '
                     f'fill="{INK}">{escape(label)}</text>')
        if previous is not None:
            parts.append(_bar(label_width, y + 3, x(previous) - label_width, 4, PREVIOUS,
                              f"ปีก่อน {_fmt(previous)}"))
        if score is not None:
            parts.append(_bar(label_width, y + 9, x(score) - label_width, 14,
                              GOOD if score >= target else BAD, _fmt(score)))
        parts.append(f'<text x="{x(score or 0) + 6:.1f}" y="{y + 21}" fill="{INK}">'
                     f'{_fmt(score)}</text>')
    parts.append(f'<line x1="{x(target):.1f}" x2="{x(target):.1f}" y1="4" y2="{height - 18}" '
                 f'stroke="{TARGET}" stroke-width="2" stroke-dasharray="5 3"/>')
    parts.append(f'<text x="{x(target):.1f}" y="{height - 4}" text-anchor="middle" '
                 f'fill="{TARGET}">เป้าหมาย {_plain(target)}</text></svg>')
    return mark_safe("".join(parts))


def trend_line(points, *, target, width=640, height=220):
    """Totals over the years on record: [(year, total or None)], with the target line."""
    known = [(year, total) for year, total in points if total is not None]
    left, right, top, bottom = 50, 20, 20, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    x = lambda k: left + (plot_w * k / max(len(points) - 1, 1))  # noqa: E731
    y = lambda v: top + plot_h * (1 - float(v) / 100)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="คะแนนรวมรายปี" {FONT} font-size="13">',
             f'<line x1="{left}" x2="{width - right}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
             f'stroke="{TARGET}" stroke-dasharray="5 3"/>',
             f'<text x="{left - 6}" y="{y(target) + 4:.1f}" text-anchor="end" '
             f'fill="{TARGET}">{_plain(target)}</text>']
    index = {year: k for k, (year, _) in enumerate(points)}
    coords = [(x(index[year]), y(total), total) for year, total in known]
    if len(coords) > 1:
        path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy, _ in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{INK}" stroke-width="2"/>')
    for cx, cy, total in coords:
        colour = GOOD if total >= target else BAD
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{colour}"/>'
                     f'<text x="{cx:.1f}" y="{cy - 9:.1f}" text-anchor="middle">'
                     f"{_fmt(total)}</text>")
    for k, (year, _) in enumerate(points):
        parts.append(f'<text x="{x(k):.1f}" y="{height - 8}" text-anchor="middle">{year}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


STATUS_COLOURS = {"not_started": "#9aa5b8", "in_progress": "#1f4e8c", "on_hold": "#a86200",
                  "done": "#1e7b45", "cancelled": "#5b6577"}


def status_bar(counts, labels, width=640, height=56):
    """One stacked bar of measures by status, with counts in the legend."""
    total = sum(counts.values()) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="มาตรการตามสถานะ" {FONT} font-size="13">']
    x = 0.0
    for status, count in counts.items():
        w = width * count / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="22" '
                     f'fill="{STATUS_COLOURS.get(status, INK)}"/>')
        x += w
    slot = width / max(len(counts), 1)  # one equal slot per status keeps the legend inside
    for k, (status, count) in enumerate(counts.items()):
        parts.append(f'<rect x="{k * slot:.1f}" y="34" width="12" height="12" '
                     f'fill="{STATUS_COLOURS.get(status, INK)}"/><text x="{k * slot + 16:.1f}" '
                     f'y="45" font-size="12">{escape(labels[status])} {count}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
