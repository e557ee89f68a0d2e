"""Server-rendered SVG charts (the same markup goes into pages and PDFs), numbers beside bars.

Pure functions: data in, SVG text out. Labels are escaped; colours are few and print well.
Every number is written in Thai digits, like the tables around the charts; a value label that
would cross the target line is drawn inside its bar instead.
"""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ita_portal.thai import thai_digits

GOOD, BAD, PREVIOUS, TARGET, INK = "#1e7b45", "#b3261e", "#9aa5b8", "#a86200", "#1d2433"
FONT = 'font-family="Sarabun, sans-serif"'


CHAR_WIDTH = 0.58  # of the font size: a generous average advance of Sarabun's digits


def _fmt(value):
    return "–" if value is None else thai_digits(f"{value:.2f}")


def _text(x, y, content, **attrs):
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(thai_digits(content))}</text>'


def text_width(content, size=13):
    return len(str(content)) * size * CHAR_WIDTH


def _value_label(score, end, target_x, y):
    """The score beside its bar, or inside it (white) when beside it would cross the target."""
    label = _fmt(score)
    beside = end + 6
    crosses = beside - 3 <= target_x <= beside + text_width(label) + 3
    if score is not None and crosses and end - text_width(label) - 8 > 0:
        return _text(end - 4, y, label, text_anchor="end", fill="#fff")
    return _text(beside, y, label, fill=INK)


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
        parts.append(_text(label_width - 8, y + 17, label, text_anchor="end", fill=INK))
        if previous is not None:
            parts.append(_bar(label_width, y + 3, x(previous) - label_width, 4, PREVIOUS,
                              f"ปีก่อน {_fmt(previous)}"))
        if score is not None:
            parts.append(_bar(label_width, y + 9, x(score) - label_width, 14,
                              GOOD if score >= target else BAD, _fmt(score)))
        parts.append(_value_label(score, x(score or 0), x(target), y + 21))
    parts.append(f'<line x1="{x(target):.1f}" x2="{x(target):.1f}" y1="4" y2="{height - 18}" '
                 f'stroke="{TARGET}" stroke-width="2" stroke-dasharray="5 3"/>')
    parts.append(_text(x(target), height - 4, f"เป้าหมาย {_plain(target)}",
                       text_anchor="middle", fill=TARGET) + "</svg>")
    return mark_safe("".join(parts))


def _point_label_y(cy, target_y):
    """A point's value above it, or below it when the text above (its box ~12 px over the
    baseline, 3 under) would be crossed by the target line."""
    above = cy - 9
    return cy + 22 if above - 14 <= target_y <= above + 5 else above


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
             _text(left - 6, y(target) + 4, _plain(target), text_anchor="end", fill=TARGET)]
    index = {year: k for k, (year, _) in enumerate(points)}
    coords = [(x(index[year]), y(total), total) for year, total in known]
    if len(coords) > 1:
        path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy, _ in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{INK}" stroke-width="2"/>')
    for cx, cy, total in coords:
        colour = GOOD if total >= target else BAD
        label_y = _point_label_y(cy, y(target))
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{colour}"/>'
                     + _text(cx, label_y, _fmt(total), text_anchor="middle"))
    for k, (year, _) in enumerate(points):
        parts.append(_text(x(k), height - 8, year, text_anchor="middle"))
    parts.append("</svg>")
    return mark_safe("".join(parts))


STATUS_COLOURS = {"not_started": "#9aa5b8", "in_progress": "#1f4e8c", "on_hold": "#a86200",
                  "done": "#1e7b45", "cancelled": "#5b6577"}


def status_bar(counts, labels, width=640, height=56, html_legend=False):
    """One stacked bar of measures by status, with counts in the legend: drawn in the SVG (a
    PDF), or as a list of the page's own text (a screen: readable at any width, a phone's)."""
    total = sum(counts.values()) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
             f'{22 if html_legend else height}" role="img" aria-label="มาตรการตามสถานะ" {FONT} '
             'font-size="13">']
    x = 0.0
    for status, count in counts.items():
        w = width * count / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="22" '
                     f'fill="{STATUS_COLOURS.get(status, INK)}"/>')
        x += w
    slot = width / max(len(counts), 1)  # one equal slot per status keeps the legend inside
    for k, (status, count) in enumerate(counts.items()):
        if not html_legend:
            parts.append(f'<rect x="{k * slot:.1f}" y="34" width="12" height="12" '
                         f'fill="{STATUS_COLOURS.get(status, INK)}"/>'
                         + _text(k * slot + 16, 45, f"{labels[status]} {count}", font_size=12))
    parts.append("</svg>")
    if html_legend:
        parts.append('<ul class="chart-legend">' + "".join(
            f'<li><span class="swatch status-{escape(status)}"></span>'
            f'{escape(thai_digits(f"{labels[status]} {count}"))}</li>'
            for status, count in counts.items()) + "</ul>")
    return mark_safe("".join(parts))
