"""Chart text in PDFs: shaped exactly like the body text and extracted exactly from the PDF."""

import subprocess
from decimal import Decimal

import pytest
from PIL import Image, ImageChops, ImageOps
from weasyprint import svg as weasy_svg

from ita_portal.pdf import lay_out_html
from reports import charts
from tests.reports.pdfcheck import read_pdf

PAGE = ('<style>@page{size:120mm 30mm;margin:4mm} body{margin:0}'
        '@font-face{font-family:Sarabun;src:url("fonts/Sarabun-Regular.ttf")}</style>')
WORDS = "การปฏิบัติหน้าที่ ที่นี่ น้ำใจ"


def _ink(html, tmp_path, name):
    """The page rendered at 300 dpi, cropped to its ink."""
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(lay_out_html(PAGE + html).write_pdf())
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-singlefile", "-png", str(pdf),
                    str(tmp_path / name)], check=True)
    image = ImageOps.invert(Image.open(tmp_path / f"{name}.png").convert("L"))
    return image.crop(image.getbbox())


def _svg_text(words):
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" '
            f'font-family="Sarabun" font-size="20"><text x="0" y="30">{words}</text></svg>')


def _same_drawing(a, b):
    if abs(a.width - b.width) > 2 or abs(a.height - b.height) > 2:
        return False
    size = (min(a.width, b.width), min(a.height, b.height))
    diff = ImageChops.difference(a.crop((0, 0, *size)), b.crop((0, 0, *size)))
    strong = sum(diff.point(lambda value: 1 if value > 128 else 0).histogram()[1:])
    return strong < 0.01 * size[0] * size[1]


def test_chart_text_is_drawn_like_the_body_text(tmp_path):
    body = _ink(f'<p style="font:20px/1 Sarabun;margin:0">{WORDS}</p>', tmp_path, "body")
    chart = _ink(_svg_text(WORDS), tmp_path, "chart")
    assert _same_drawing(body, chart)


def test_per_letter_drawing_is_what_the_review_saw(tmp_path, monkeypatch):
    """WeasyPrint's own per-letter path loses the marks' placement: the check notices."""
    original = weasy_svg.TAGS["text"].original
    monkeypatch.setitem(weasy_svg.TAGS, "text", original)
    monkeypatch.setattr(weasy_svg, "text", original)
    body = _ink(f'<p style="font:20px/1 Sarabun;margin:0">{WORDS}</p>', tmp_path, "body")
    chart = _ink(_svg_text(WORDS), tmp_path, "chart")
    assert not _same_drawing(body, chart)


@pytest.mark.django_db
def test_chart_labels_extract_exactly(tmp_path):
    rows = [("1. การปฏิบัติหน้าที่", 78.79, 70.0), ("3. การใช้อำนาจ", 90.0, None)]
    chart = charts.score_bars(rows, target=Decimal("85.00"))
    html = PAGE.replace("120mm 30mm", "A4") + f'<div style="width:160mm">{chart}</div>'
    facts = read_pdf(lay_out_html(html).write_pdf(), tmp_path)
    lines = [line.strip() for line in facts.text.splitlines() if line.strip()]
    assert lines == ["๑. การปฏิบัติหน้าที่ ๗๘.๗๙", "๓. การใช้อำนาจ ๙๐.๐๐", "เป้าหมาย ๘๕"]
