"""The PDF text layer extracts exactly what was written (ita_portal/pdf_text.py)."""

import html
import re
import subprocess
import unicodedata

import pytest
import weasyprint
from django.conf import settings
from weasyprint.draw import text as weasy_text

from ita_portal import pdf_text
from ita_portal.pdf import STATIC_BASE

SEED = settings.BASE_DIR / "fixtures" / "seed" / "arun_nikhom_o42.txt"
PAGE = ('<style>@font-face {font-family: S; src: url(fonts/Sarabun-Regular.ttf)}'
        'body {font-family: S; font-size: 11pt} p {width: 7cm}</style>')


def seed_paragraphs():
    cells = re.split(r"\t|\n|</?p>", SEED.read_text(encoding="utf-8"))
    seen, paragraphs = set(), []
    for cell in cells:
        text = " ".join(html.unescape(cell).split())
        if re.search("[\u0e00-\u0e7f]", text) and text not in seen:
            seen.add(text)
            paragraphs.append(text)
    return paragraphs


def squash(text):
    return re.sub(r"\s+", "", text)


def render(paragraphs, tmp_path, name="t"):
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(weasyprint.HTML(string=PAGE + body, base_url=STATIC_BASE).write_pdf())
    return path


def pdftotext(path, *options):
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_every_thai_paragraph_of_the_seed_extracts_exactly(tmp_path):
    paragraphs = seed_paragraphs()
    assert len(paragraphs) > 100
    assert any("ำ" in p for p in paragraphs)
    # -raw: content-stream order and no joining of "E-" at a line end with the next line
    extracted = squash(pdftotext(render(paragraphs, tmp_path), "-raw"))
    position = 0
    for paragraph in paragraphs:
        found = extracted.find(squash(paragraph), position)
        assert found == position, paragraph
        position += len(squash(paragraph))
    assert position == len(extracted)


def test_words_with_sara_am_and_shared_glyphs(tmp_path):
    words = ["ดำเนินการ", "การดำเนินงาน", "น้ำท่วม", "ค่ำ", "ล้ำหน้า", "กำหนดการ", "ญี่ปุ่น", "ฎีกา"]
    assert pdftotext(render(words, tmp_path)).split() == words


def test_a_line_with_a_character_no_font_has_still_extracts_exactly(tmp_path):
    """WeasyPrint draws its own glyph for U+13000 (no installed font has it); the rest of the
    line keeps its marked clusters."""
    words = ["ดำเนินการ\U00013000น้ำ", "ค่ำ"]
    assert pdftotext(render(words, tmp_path)).split() == words


def test_zero_width_characters_stay_out_of_the_text(tmp_path):
    """U+200B (a word-break hint common in Thai text) and U+00AD are drawn as moves, not
    glyphs: the cluster before them keeps its own text (review of the text layer, finding 1)."""
    words = ["ดำเนิน\u200bงาน", "ก\u200bข", "ดำ\u00adเนิน"]
    assert pdftotext(render(words, tmp_path)).split() == ["ดำเนินงาน", "กข", "ดำเนิน"]


def test_right_to_left_marks_stay_with_their_letters(tmp_path):
    """Marks join the cluster drawn before them in right-to-left runs too (finding 2): the
    Hebrew word extracts as itself, its points in canonical order."""
    word = "שָׁלוֹם"
    extracted = squash(pdftotext(render([word], tmp_path), "-raw"))
    letters = "".join(c for c in extracted if unicodedata.category(c) != "Cf")
    assert unicodedata.normalize("NFC", letters) == unicodedata.normalize("NFC", word)


def test_without_the_fix_weasyprint_extracts_wrongly(tmp_path, monkeypatch):
    """The defect this module exists for: proves the test above can fail."""
    monkeypatch.setattr(weasy_text, "draw_first_line", weasy_text.draw_first_line.original)
    assert pdftotext(render(["ดำเนินการ", "การ"], tmp_path)).split() != ["ดำเนินการ", "การ"]


def test_the_pages_look_the_same_with_and_without_the_fix(tmp_path, monkeypatch):
    paragraphs = seed_paragraphs()[:20]
    fixed = render(paragraphs, tmp_path, "fixed")
    monkeypatch.setattr(weasy_text, "draw_first_line", weasy_text.draw_first_line.original)
    plain = render(paragraphs, tmp_path, "plain")
    for path in (fixed, plain):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(path.with_suffix(""))],
                       check=True)
    fixed_pages = sorted(tmp_path.glob("fixed-*.png"))
    plain_pages = sorted(tmp_path.glob("plain-*.png"))
    assert len(fixed_pages) == len(plain_pages) >= 1
    for a, b in zip(fixed_pages, plain_pages, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_refuses_a_weasyprint_it_was_not_verified_with(monkeypatch):
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(RuntimeError, match="70.0"):
        pdf_text.install()


def test_glyphs_other_than_pangos_are_drawn_unmarked():
    class Stream:
        def __init__(self):
            self.calls = []

        def show_text(self, text):
            self.calls.append(("TJ", text))

        def end_marked_content(self):
            self.calls.append(("EMC",))

    line = pdf_text.Line()
    line.hex, line.firsts, line.lasts = "00070008", [0], [1]
    line.texts, line.singles, line.maps = ["ำ"], [None], [{}]
    stream = Stream()
    stream._fonts = {}  # WeasyPrint's fonts of the document
    proxy = pdf_text.ActualTextStream(stream, textbox=None)
    proxy._line = line
    proxy.show_text("<00070009>")
    assert stream.calls == [("TJ", "<00070009>")]


def counting_lines(monkeypatch):
    """The lines the layer reads from Pango: (text, glyphs) each time it reads one."""
    read, of = [], pdf_text.Line.of.__func__

    def counted(cls, fonts, textbox):
        line = of(cls, fonts, textbox)
        read.append((textbox.pango_layout.text, line.hex))
        return line

    monkeypatch.setattr(pdf_text.Line, "of", classmethod(counted))
    return read


def test_a_repeated_line_is_read_once_a_document_and_extracts_exactly(tmp_path, monkeypatch):
    read = counting_lines(monkeypatch)
    lines = ["ดำเนินการ น้ำ", "ค่ำ office ffi"] * 10
    assert pdftotext(render(lines, tmp_path), "-raw").split() == " ".join(lines).split()
    assert sorted(text for text, _ in read) == sorted(set(lines))
    read.clear()  # another document: its fonts are its own, its lines read again
    assert pdftotext(render(lines[:2], tmp_path, "again")).split() == " ".join(lines[:2]).split()
    assert len(read) == 2


def test_the_same_text_drawn_with_other_glyphs_is_read_again(tmp_path, monkeypatch):
    """Letter spacing turns Sarabun's ffi and fl ligatures off: the same text, the same font,
    other glyphs: a line is taken again only when its glyphs and clusters are the same."""
    read = counting_lines(monkeypatch)
    body = "<p>office ffi fl</p><p style='letter-spacing:1px'>office ffi fl</p>" * 3
    path = tmp_path / "spaced.pdf"
    path.write_bytes(weasyprint.HTML(string=PAGE + body, base_url=STATIC_BASE).write_pdf())
    assert len(read) == 2 and read[0][1] != read[1][1]
    assert pdftotext(path, "-raw").split() == "office ffi fl".split() * 6


def test_a_tj_string_is_cut_after_glyphs_keeping_every_number_and_glyph():
    string = "<0001>-15<00020003>12<0004>"
    pieces = pdf_text.GROUP.split(string)
    span = pdf_text.begin_span("ำ")
    # a span around glyph 1 (ends a <…>): the kerning after a glyph goes with the next part
    assert pdf_text.cut(string, pieces, 4, [(1, span), (3, "EMC")]).split("\n") == [
        "[<0001>] TJ", span, "[-15<00020003>] TJ", "EMC", "[12<0004>] TJ"]
    # a cut inside a <…> closes it and opens it again
    assert pdf_text.cut(string, pieces, 4, [(0, span), (2, "EMC")]).split("\n") == [
        span, "[<0001>-15<0002>] TJ", "EMC", "[<0003>12<0004>] TJ"]
    assert span == "/Span <</ActualText <feff0e33>>> BDC"
