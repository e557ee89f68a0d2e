"""A text layer that extracts exactly: /ActualText around glyph clusters WeasyPrint maps wrongly.

WeasyPrint maps each glyph of a font to text once per document (the ToUnicode map). A Thai
cluster drawn with several glyphs (ำ is drawn as nikhahit + sara aa in Sarabun) or a glyph
shared by different texts then extracts and searches wrongly: ``ดำเนินการ`` → ``ดาเนินการ``
(Kozea/WeasyPrint#2841). Chromium marks such clusters with their text; so do we:

    /Span <</ActualText <FEFF…>>> BDC [<…>] TJ EMC

``install()`` wraps ``weasyprint.draw.text.draw_first_line`` and hands it a stream proxy that
splits its TJ strings at those clusters. WeasyPrint's drawing code itself is not copied or
changed. Its cost is kept near WeasyPrint's own: each line's glyphs and clusters are read from
Pango in bulk (buffers and lists, no object per glyph), a cluster's bytes are decoded once per
document, and a TJ string is cut only where a span begins or ends. The wrapper relies on the
internals of the version it was verified with, so it refuses any other version: upgrading
WeasyPrint means re-running tests/ita_portal/test_pdf_text.py.
"""

import re
import sys
import threading
import unicodedata
from array import array
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import ne, not_, sub

import weasyprint
from weasyprint.draw import text as weasy_text
from weasyprint.text.ffi import ffi, pango

VERIFIED_VERSION = "70.0"
GROUP = re.compile(r"<([0-9a-fA-F]*)>")  # a TJ string's glyph groups, numbers between them
GLYPH_INFO = ffi.sizeof("PangoGlyphInfo")  # its glyph id comes first, a 32-bit unsigned int
UNKNOWN = "????"  # a glyph the font lacks: WeasyPrint numbers it itself


def is_mark(text):
    """A vowel or tone mark that belongs to the character before it (ำ included)."""
    return text[:1] == "\u0e33" or unicodedata.category(text[:1] or "x").startswith("M")


class Known(dict):
    """What ``work`` gives for a key, worked out once per key (a document repeats few
    characters and clusters many times)."""

    def __init__(self, work):
        super().__init__()
        self.work = work

    def __missing__(self, key):
        if len(self) > 50_000:
            self.clear()
        self[key] = value = self.work(key)
        return value


TEXTS = Known(lambda data: data.decode(errors="replace"))  # a cluster's UTF-8 bytes → text
MARKS = Known(is_mark)  # a character → whether it is a mark


_documents = threading.local()  # the document being written in this thread


class Written:
    """What one document's lines have been read and written as so far. A report repeats most
    of its lines (headings, statuses, dates, names: 82–86 % of the 200-measure reports' lines
    are read again), and a repeated string at the same place of the same line is written the
    same way (a glyph's text, once WeasyPrint has mapped it, never changes)."""

    def __init__(self, fonts):
        self.fonts = fonts  # WeasyPrint's fonts of the document: one dict per document
        self.lines = {}  # what Line.kept reads → the Line
        self.operations = {}  # (line, where it is, string) → (operations, where it is after)


def written(fonts):
    """The document whose fonts are ``fonts``: the one being written, or a new one."""
    document = getattr(_documents, "current", None)
    if document is None or document.fonts is not fonts:
        document = _documents.current = Written(fonts)
    return document


@lru_cache(maxsize=4096)
def begin_span(text):
    return f"/Span <</ActualText <feff{text.encode('utf-16-be').hex()}>>> BDC"


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


class Line:
    """The glyphs Pango laid out for a textbox's first line, and their clusters (a glyph
    cluster with the marks that follow it) as parallel lists, made a glyph run at a time."""

    def __init__(self):
        self.hex = ""  # the glyphs, 4 hex digits each as WeasyPrint writes them
        self.narrow = []  # (first, end) glyphs of bitmap fonts, written with 2 digits
        self.firsts, self.lasts = [], []  # each cluster's first and last glyph
        self.texts = []
        self.singles = []  # its glyph when it is its only one, else None
        self.maps = []  # its font's glyph → text map (WeasyPrint fills it as it draws)

    @classmethod
    def kept(cls, fonts, textbox, known):
        """The line from ``known`` when a line of the same text was laid out with the same
        fonts, glyphs and clusters (everything ``of`` reads), else read."""
        layout = textbox.pango_layout
        key = [layout.text]
        run = pango.pango_layout_get_line_readonly(layout.layout, 0).runs
        while run != ffi.NULL:
            glyph_item = run.data
            item, glyph_string = glyph_item.item, glyph_item.glyphs
            key += (id(fonts(item.analysis.font)), item.offset, item.length,
                    item.analysis.level, glyph_ids(glyph_string).tobytes(),
                    ffi.buffer(glyph_string.log_clusters, glyph_string.num_glyphs * 4)[:])
            run = run.next
        key = tuple(key)
        line = known.get(key)
        if line is None:
            line = known[key] = cls.of(fonts, textbox)
        return line

    @classmethod
    def of(cls, fonts, textbox):
        """``fonts`` gives WeasyPrint's font for a Pango font."""
        line = cls()
        layout = textbox.pango_layout
        utf8 = layout.text.encode()
        run = pango.pango_layout_get_line_readonly(layout.layout, 0).runs
        while run != ffi.NULL:
            line.add_run(fonts, run.data, utf8)
            run = run.next
        line.lasts = list(map(sub, line.firsts[1:] + [len(line.hex) // 4], repeat(1)))
        return line

    def width(self, glyph):
        """Hex digits per glyph in the string that draws ``glyph``."""
        return 2 if self.narrow and any(first <= glyph < end for first, end in self.narrow) else 4

    def drew(self, drawn, glyph, width):
        """Whether ``drawn`` (hex) is the glyphs Pango laid out from ``glyph`` on."""
        if width == 2:
            drawn = re.sub("..", r"00\g<0>", drawn)
        want = self.hex[glyph * 4:glyph * 4 + len(drawn)]
        if drawn == want and not len(drawn) % 4:
            return True
        if len(drawn) % 4 or len(want) != len(drawn) or UNKNOWN not in want:
            return False
        return all(w in (d, "?") for w, d in zip(want, drawn, strict=True))

    def add_run(self, fonts, glyph_item, utf8):
        glyph_string = glyph_item.glyphs
        ids = glyph_ids(glyph_string).tolist()
        starts = every_start = ffi.unpack(glyph_string.log_clusters, glyph_string.num_glyphs)
        if pango.PANGO_GLYPH_EMPTY in ids:  # drawn as a move, not a glyph (U+200B and the like)
            drawn = list(map(ne, ids, repeat(pango.PANGO_GLYPH_EMPTY)))
            ids, starts = list(compress(ids, drawn)), list(compress(starts, drawn))
        font = fonts(glyph_item.item.analysis.font)
        base = len(self.hex) // 4
        if font.bitmap:
            self.narrow.append((base, base + len(ids)))
        self.hex += glyph_hex(ids)
        firsts = list(compress(range(len(ids)), map(ne, starts, [None] + starts[:-1])))
        item = glyph_item.item
        run, rtl = utf8[item.offset:item.offset + item.length], item.analysis.level % 2
        begins = list(map(starts.__getitem__, firsts))
        plain = not rtl and starts is every_start  # clusters end where the next one begins
        texts = list(map(TEXTS.__getitem__, cluster_bytes(
            run, begins, None if plain else every_start)))
        marks = mark_offsets(run)
        if marks:  # a cluster that begins with a mark joins the one drawn before it
            firsts, texts = join_marks(firsts, texts, [False, *map(marks.__contains__,
                                                                    begins[1:])])
        singles = list(map(ids.__getitem__, firsts))
        if len(firsts) < len(ids):  # some clusters have several glyphs
            for index in compress(range(len(firsts)), map(ne, map(
                    sub, firsts[1:] + [len(ids)], firsts), repeat(1))):
                singles[index] = None
        self.firsts += [first + base for first in firsts] if base else firsts
        self.texts += texts
        self.singles += singles
        self.maps += repeat(font.to_unicode, len(firsts))


def glyph_ids(glyph_string):
    """The glyph ids of a Pango glyph string, as a view of its glyph infos (not copied)."""
    infos = memoryview(ffi.buffer(glyph_string.glyphs, glyph_string.num_glyphs * GLYPH_INFO))
    return infos.cast("I")[::GLYPH_INFO // 4]


def glyph_hex(ids):
    """The glyphs in hex, 4 digits each."""
    try:
        packed = array("H", ids)
    except OverflowError:
        return "".join(UNKNOWN if glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG else f"{glyph:04x}"
                       for glyph in ids)
    if sys.byteorder == "little":
        packed.byteswap()
    return packed.tobytes().hex()


def mark_offsets(run):
    """Where the run's marks begin, in bytes (None when it has none)."""
    text = run.decode(errors="replace")
    marks = list(compress(range(len(text)), map(MARKS.__getitem__, text)))
    return {len(text[:mark].encode()) for mark in marks} if marks else None


def cluster_bytes(run, begins, every_start=None):
    """The run's UTF-8 bytes of each cluster beginning at ``begins``: up to the next cluster
    in the text, counting the glyphs drawn as moves (``every_start``; right to left, clusters
    are drawn backwards), or simply up to the next one in ``begins``."""
    if every_start is None:
        ends = begins[1:] + [len(run)]
    else:
        ordered = sorted(set(every_start))
        ends = list(map(dict(zip(ordered, ordered[1:] + [len(run)], strict=True)).__getitem__,
                        begins))
    return list(map(run.__getitem__, map(slice, begins, ends)))


def join_marks(firsts, texts, joined):
    """The clusters with each one marked in ``joined`` added to the one before it."""
    for index in reversed(list(compress(range(len(texts)), joined))):
        texts[index - 1] += texts[index]
    kept = list(map(not_, joined))
    return list(compress(firsts, kept)), list(compress(texts, kept))


class ActualTextStream:
    """Stands in for WeasyPrint's stream while one line of text is drawn."""

    def __init__(self, stream, textbox):
        self._stream = stream
        self._textbox = textbox
        self._line = None  # made when the line's first string is drawn
        self._drawn = 0  # the line's glyphs drawn so far
        self._next = 0  # the first cluster not yet begun
        self._open = None  # the marked cluster whose span is open
        self._broken = False
        self._fonts = {}
        self._document = None  # what the document's lines were read and written as

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def add_font(self, pango_font):
        """WeasyPrint asks for each run's font: kept for the line's clusters."""
        self._fonts[pango_font] = font_and_size = self._stream.add_font(pango_font)
        return font_and_size

    def _font(self, pango_font):
        if pango_font not in self._fonts:
            self.add_font(pango_font)
        return self._fonts[pango_font][0]

    def show_text(self, string):
        if self._broken:
            return self._give_up(string)
        document = self._document
        if document is None:
            document = self._document = written(self._stream._fonts)
        if self._line is None:
            self._line = Line.kept(self._font, self._textbox, document.lines)
        key = (self._line, self._drawn, self._next, self._open, string)
        known = document.operations.get(key)
        if known is None:
            operations = self._operations(string)
            if operations is None:
                return self._give_up(string)
            known = document.operations[key] = (
                operations.encode(), self._drawn, self._next, self._open)
        operations, self._drawn, self._next, self._open = known
        if operations:
            self._stream.stream.append(operations)

    def _operations(self, string):
        """``string`` as TJ, BDC and EMC operations around the marked clusters; None when its
        glyphs are not the ones Pango laid out."""
        pieces, line, at = GROUP.split(string), self._line, self._drawn
        drawn = "".join(pieces[1::2])
        width = line.width(at)
        if not line.drew(drawn, at, width):
            return None
        marks = self._marks(len(drawn) // width)
        self._drawn += len(drawn) // width
        if not marks:
            return f"[{string}] TJ" if drawn or string.strip("<>") else ""
        return cut(string, pieces, width, marks)

    def _marks(self, count):
        """(glyph in this string, BDC or EMC) where the spans begin and end, in order."""
        line, drawn, marks = self._line, self._drawn, []
        end = drawn + count
        if self._open is not None and line.lasts[self._open] < end:
            marks.append((line.lasts[self._open] + 1 - drawn, "EMC"))
            self._open = None
        begin, stop = self._next, bisect_left(line.firsts, end, self._next)
        self._next = stop
        mapped = map(dict.get, line.maps[begin:stop], line.singles[begin:stop])
        for index in compress(range(begin, stop), map(ne, mapped, line.texts[begin:stop])):
            last = line.lasts[index]
            marks.append((line.firsts[index] - drawn, begin_span(line.texts[index])))
            if last < end:
                marks.append((last + 1 - drawn, "EMC"))
            else:
                self._open = index
        return marks

    def _give_up(self, string):
        """The glyphs are not the ones Pango laid out: draw WeasyPrint's way, unmarked."""
        if not self._broken:
            self._broken = True
            self.finish()
        self._stream.show_text(string)

    def finish(self):
        if self._open is not None:
            self._stream.end_marked_content()
            self._open = None


def cut(string, pieces, width, marks):
    """The TJ string with BDC and EMC at the marks' glyphs. Each cut falls right after a
    glyph: the numbers that follow it (kerning, offsets) go with the next part, as do the
    glyphs that share its <…>."""
    hex_ends = list(accumulate(map(len, pieces[1::2])))
    piece_ends = list(accumulate(map(len, pieces)))
    operations, done, reopen = [], 0, ""
    for glyph, operation in marks:
        at, end, close, opened = glyph * width, 0, "", ""
        if at:
            group = bisect_left(hex_ends, at)  # the <…> holding the glyph before the cut
            before = hex_ends[group - 1] if group else 0
            end = piece_ends[2 * group] + 2 * group + 1 + at - before  # each piece's "<" ">"
            if at == hex_ends[group]:
                end += 1
            else:
                close, opened = ">", "<"
        text = reopen + string[done:end] + close
        if text.strip("<>"):
            operations.append(f"[{text}] TJ")
        operations.append(operation)
        done, reopen = end, opened
    text = reopen + string[done:]
    if text.strip("<>"):
        operations.append(f"[{text}] TJ")
    return "\n".join(operations)
