"""A text layer that extracts exactly: /ActualText around the lines WeasyPrint maps wrongly.

WeasyPrint maps each glyph of a font to text once per document (the ToUnicode map). A Thai
cluster drawn with several glyphs (ำ is drawn as nikhahit + sara aa in Sarabun) or a glyph
shared by different texts then extracts and searches wrongly: ``ดำเนินการ`` → ``ดาเนินการ``
(Kozea/WeasyPrint#2841). Chromium marks such clusters with their text; we mark the line that
holds one with the line's text (a copy or search of part of such a line gives the line):

    /Span <</ActualText <FEFF…>>> BDC [<…>] TJ … EMC

``install()`` wraps ``weasyprint.draw.text.draw_first_line``: the span opens before the line
is drawn (inside its BT, before its text matrix) and closes after. Whether a line needs it is
decided before drawing (a glyph not yet mapped counts as wrong: marked to be safe), read from Pango's arrays: the texts the line's glyphs map to, joined, are not its text
(what a text extractor would read); the glyphs are never rewritten, so drawing is
WeasyPrint's own. (Marking each cluster instead cost 1.8 s on a 45-page report: cutting every
TJ string glyph by glyph in Python; a line costs one lookup.) The wrapper relies on the
internals of the version it was verified with, so it refuses any other version: upgrading
WeasyPrint means re-running tests/ita_portal/test_pdf_text.py.
"""

from itertools import repeat

import weasyprint
from weasyprint.draw import text as weasy_text
from weasyprint.text.ffi import ffi, pango

VERIFIED_VERSION = "70.0"
GLYPH_INFO_WORDS = ffi.sizeof("PangoGlyphInfo") // 4  # glyph id, geometry (3), attributes
UNMAPPED = "\ufffd"  # what a glyph not in the map stands for: never the text itself


def actual_text_operator(text):
    """``/Span <</ActualText <FEFF…>>> BDC``: the text as UTF-16BE with its byte-order mark."""
    return b"/Span <</ActualText <feff" + text.encode("utf-16-be").hex().encode() + b">>> BDC"


def install():
    if weasyprint.__version__ != VERIFIED_VERSION:
        raise RuntimeError(
            f"ita_portal.pdf_text is verified with WeasyPrint {VERIFIED_VERSION}, "
            f"not {weasyprint.__version__}: re-verify it before upgrading.")
    if getattr(weasy_text.draw_first_line, "actual_text", False):
        return
    original = weasy_text.draw_first_line

    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs):
        shortened = text_overflow == "ellipsis" or block_ellipsis != "none"  # by Pango, later
        text = not shortened and will_draw(textbox) and marked_text(stream, textbox)
        if text:
            stream.stream.append(actual_text_operator(text))  # inside BT, before Tm
        emojis = original(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs)
        if text:
            stream.end_marked_content()
        return emojis

    draw_first_line.actual_text = True
    draw_first_line.original = original
    weasy_text.draw_first_line = draw_first_line


def will_draw(textbox):
    """What draw_first_line checks before drawing anything; the layout as it will draw it."""
    if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
        return False
    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
    return True


def marked_text(stream, textbox):
    """The text of the textbox's first line when a glyph of it would extract wrongly, else
    "" (the ToUnicode map is right for every glyph: nothing to mark)."""
    layout = textbox.pango_layout
    line = pango.pango_layout_get_line_readonly(layout.layout, 0)
    utf8 = layout.text.encode()
    run = line.runs
    while run != ffi.NULL:
        if maps_wrongly(stream, run.data, utf8):
            return utf8[line.start_index:line.start_index + line.length].decode(
                errors="replace")
        run = run.next
    return ""


def maps_wrongly(stream, glyph_item, utf8):
    """Whether this run extracts otherwise than written: the texts its glyphs map to, one
    after the other, are not the run's text (a cluster of several glyphs mapped elsewhere
    first, a glyph shared by two texts, a glyph the font lacks, or one not mapped yet)."""
    glyph_string, count = glyph_item.glyphs, glyph_item.glyphs.num_glyphs
    if not count:
        return False
    ids = memoryview(ffi.buffer(glyph_string.glyphs, count * GLYPH_INFO_WORDS * 4)).cast(
        "I")[0::GLYPH_INFO_WORDS].tolist()
    to_unicode = stream.add_font(glyph_item.item.analysis.font)[0].to_unicode
    offset, length = glyph_item.item.offset, glyph_item.item.length
    mapped = "".join(map(to_unicode.get, ids, repeat(UNMAPPED)))
    return mapped != utf8[offset:offset + length].decode(errors="replace")
