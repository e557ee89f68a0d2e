"""A text layer that extracts exactly: /ActualText around glyph clusters WeasyPrint maps wrongly.

WeasyPrint maps each glyph of a font to text once per document (the ToUnicode map). A Thai
cluster drawn with several glyphs (ำ is drawn as nikhahit + sara aa in Sarabun) or a glyph
shared by different texts then extracts and searches wrongly: ``ดำเนินการ`` → ``ดาเนินการ``
(Kozea/WeasyPrint#2841). Chromium marks such clusters with their text; so do we:

    /Span <</ActualText <FEFF…>>> BDC [<…>] TJ EMC

``install()`` wraps ``weasyprint.draw.text.draw_first_line`` and hands it a stream proxy that
splits its TJ strings at those clusters. WeasyPrint's drawing code itself is not copied or
changed. The wrapper relies on the internals of the version it was verified with, so it refuses
any other version: upgrading WeasyPrint means re-running tests/ita_portal/test_pdf_text.py.
"""

import re
import unicodedata
from dataclasses import dataclass

import pydyf
import weasyprint
from weasyprint.draw import text as weasy_text
from weasyprint.text.ffi import ffi, pango

VERIFIED_VERSION = "70.0"
HEX_OR_NUMBER = re.compile(r"<([0-9a-fA-F]*)>|([^<>]+)")


@dataclass
class Cluster:
    text: str
    glyphs: list  # glyph ids, None for a glyph the font lacks (WeasyPrint renumbers it)
    font: object
    marked: bool = False  # decided when its first glyph is drawn

    def needs_actual_text(self):
        if len(self.glyphs) > 1 or None in self.glyphs:
            return True
        mapped = "".join(self.font.to_unicode.get(glyph, "") for glyph in self.glyphs)
        return mapped != self.text


def is_mark(text):
    """A vowel or tone mark that belongs to the character before it (ำ included)."""
    return text[:1] == "\u0e33" or unicodedata.category(text[:1] or "x").startswith("M")


class Utf16String(pydyf.String):
    """A PDF text string always written as UTF-16BE with its byte-order mark."""

    @property
    def data(self):
        return b"<feff" + self.string.encode("utf-16-be").hex().encode() + b">"


def install():
    if weasyprint.__version__ != VERIFIED_VERSION:
        raise RuntimeError(
            f"ita_portal.pdf_text is verified with WeasyPrint {VERIFIED_VERSION}, "
            f"not {weasyprint.__version__}: re-verify it before upgrading.")
    if getattr(weasy_text.draw_first_line, "actual_text", False):
        return
    original = weasy_text.draw_first_line

    def draw_first_line(stream, textbox, *args, **kwargs):
        proxy = ActualTextStream(stream, textbox)
        emojis = original(proxy, textbox, *args, **kwargs)
        proxy.finish()
        return emojis

    draw_first_line.actual_text = True
    draw_first_line.original = original
    weasy_text.draw_first_line = draw_first_line


def line_clusters(stream, textbox):
    """The clusters of the textbox's first line, in drawing order."""
    layout = textbox.pango_layout
    line, _ = layout.get_first_line()
    utf8 = layout.text.encode()
    clusters = []
    run = line.runs[0]
    while run != ffi.NULL:
        clusters.extend(run_clusters(stream, run.data, utf8))
        run = run.next
    return clusters


def run_clusters(stream, glyph_item, utf8):
    glyph_string = glyph_item.glyphs
    count = glyph_string.num_glyphs
    starts_at = [glyph_string.log_clusters[i] for i in range(count)]
    starts = sorted(set(starts_at))
    ends = dict(zip(starts, starts[1:] + [glyph_item.item.length], strict=True))
    font, _ = stream.add_font(glyph_item.item.analysis.font)
    offset = glyph_item.item.offset
    clusters, previous = [], None
    for i in range(count):
        glyph = glyph_string.glyphs[i].glyph
        if glyph == pango.PANGO_GLYPH_EMPTY:
            continue
        if glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG:
            glyph = None
        start = starts_at[i]
        if start != previous:
            text = utf8[offset + start:offset + ends[start]].decode(errors="replace")
            if clusters and is_mark(text):
                clusters[-1].text += text
            else:
                clusters.append(Cluster(text, [], font))
            previous = start
        clusters[-1].glyphs.append(glyph)
    return clusters


class ActualTextStream:
    """Stands in for WeasyPrint's stream while one line of text is drawn."""

    def __init__(self, stream, textbox):
        self._stream = stream
        self._textbox = textbox
        self._queue = None  # (cluster, glyph index) pairs still to be drawn
        self._open = False
        self._broken = False

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def show_text(self, string):
        if self._queue is None:
            self._queue = [(c, i) for c in line_clusters(self._stream, self._textbox)
                           for i in range(len(c.glyphs))]
        plan = None if self._broken else self._plan(string)
        if plan is None:
            return self._give_up(string)
        for operation, argument in plan:
            if operation == "TJ":
                self._stream.show_text(argument)
            elif operation == "BDC":
                self._stream.begin_marked_content(
                    "Span", pydyf.Dictionary({"ActualText": Utf16String(argument)}))
            else:
                self._stream.end_marked_content()

    def _plan(self, string):
        """The operations drawing ``string`` with marked clusters, None if glyphs differ."""
        plan, pieces, is_open = [], [], self._open
        for glyph_hex, number in HEX_OR_NUMBER.findall(string):
            if number:
                pieces.append(number)
                continue
            width = 2 if self._queue and self._queue[0][0].font.bitmap else 4
            for start in range(0, len(glyph_hex), width):
                glyph = glyph_hex[start:start + width]
                if not self._queue:
                    return None
                cluster, index = self._queue.pop(0)
                if cluster.glyphs[index] not in (None, int(glyph, 16)):
                    return None
                if index == 0:
                    cluster.marked = cluster.needs_actual_text()
                marked = cluster.marked
                if marked and index == 0:
                    flush(plan, pieces)
                    plan.append(("BDC", cluster.text))
                    is_open = True
                pieces.append(f"<{glyph}>")
                if marked and index == len(cluster.glyphs) - 1:
                    flush(plan, pieces)
                    plan.append(("EMC", None))
                    is_open = False
        flush(plan, pieces)
        self._open = is_open
        return plan

    def _give_up(self, string):
        """The glyphs are not the ones Pango laid out: draw WeasyPrint's way, unmarked."""
        self._broken = True
        self.finish()
        self._stream.show_text(string)

    def finish(self):
        if self._open:
            self._stream.end_marked_content()
            self._open = False


def flush(plan, pieces):
    if pieces:
        plan.append(("TJ", " ".join(pieces)))
        pieces.clear()
