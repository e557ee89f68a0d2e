"""Words with their boxes → lines, paragraphs and tables, as a reader sees the page.

A line is the words at one height; a gap wider than a third of the line's height splits it
into pieces. A run of lines with three pieces or more (or a known header) is a table: its
columns start where pieces start on the header or on two lines or more; every word goes to the
column it starts in; a row starts after a vertical gap or where the first cells begin an item.
Other lines make paragraphs (wrapped Thai joins without a space).
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from imports.document import thai_text, words
from imports.document.source import Line, Row, clean

HEADER_WORDS = re.compile(r"ประเด็นที่ต้องปรับปรุง|วิธีดำเนินการ|^ลำดับ\b|ตัวชี้วัด\s+คะแนน")
ROW_NUMBER = re.compile(r"[0-9๐-๙]{1,3}[.)]?")


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class VisualLine:
    number: int
    words: list = field(default_factory=list)

    # Read only once the line is complete (visual_lines), so each is worked out once.
    @cached_property
    def y0(self):
        return min(w.y0 for w in self.words)

    @cached_property
    def y1(self):
        return max(w.y1 for w in self.words)

    @cached_property
    def height(self):
        return max(self.y1 - self.y0, 1.0)

    def pieces(self):
        return self._pieces

    @cached_property
    def _pieces(self):
        """[[Word, …]] split at gaps wider than a third of the line's height."""
        found = [[self.words[0]]]
        for word in self.words[1:]:
            if word.x0 - found[-1][-1].x1 > self.height / 3:
                found.append([])
            found[-1].append(word)
        return found

    @cached_property
    def text(self):
        return " ".join(" ".join(w.text for w in piece) for piece in self.pieces())


def visual_lines(pages):
    lines, number = [], 0
    for page in pages:
        page_lines = []
        for word in sorted(page, key=lambda w: (round(w.y0), w.x0)):
            if page_lines and abs(word.y0 - page_lines[-1].words[0].y0) < 3:
                page_lines[-1].words.append(word)
                continue
            number += 1
            page_lines.append(VisualLine(number, [word]))
        for line in page_lines:
            line.words = mend(sorted(line.words, key=lambda w: w.x0))
        lines.append(page_lines)
    return lines


THAI = ("\u0e00", "\u0e7f")
MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


def _thai(char):
    return THAI[0] <= char <= THAI[1]


def mend(line_words):
    """Words of one line as typed, where a PDF writer cut them (LibreOffice, Word): a tone
    mark drawn as its own zero-width word goes back onto the word it sits on (the one whose
    right edge it is drawn at), and Thai pieces a hair apart are one word again
    (เปิ|ดเผย → เปิดเผย), so "ตัวชีว ้ ัดที่" reads "ตัวชี้วัดที่"."""
    height = max((w.y1 - w.y0 for w in line_words), default=1.0)
    kept = []
    for word in line_words:
        if MARKS.fullmatch(word.text) and kept:
            base = min(kept, key=lambda w: abs(w.x1 - word.x0))
            base = base if abs(base.x1 - word.x0) <= 1.0 else kept[-1]
            base.text += word.text
            continue
        kept.append(word)
    mended = kept[:1]
    for word in kept[1:]:
        left = mended[-1]
        if (word.x0 - left.x1 < height * 0.2 and _thai(left.text[-1])
                and _thai(word.text[0])):
            mended[-1] = Word(left.x0, min(left.y0, word.y0), max(left.x1, word.x1),
                              max(left.y1, word.y1), left.text + word.text)
        else:
            mended.append(word)
    for word in mended:
        word.text = thai_text.normalise(word.text)
    return mended


def rows_and_lines(pages):
    """Pages read as one stream: a table or a paragraph may run on over a page break (the
    next page's lines start higher, which is no gap)."""
    lines = [line for page in visual_lines(pages) for line in page]
    rows, free, index = [], [], 0
    while index < len(lines):
        end = _table_end(lines, index)
        if end > index:
            rows += table_rows(lines[index:end])
            index = end
        else:
            index = _paragraph(lines, index, free)
    return rows, free


def _header_line(line):
    return len(line.pieces()) >= 2 and bool(HEADER_WORDS.search(line.text))


def _table_end(page, index):
    if len(page[index].pieces()) < 3 and not _header_line(page[index]):
        return index
    end = index + 1
    while end < len(page) and not _header_line(page[end]):
        gap = page[end].y0 - page[end - 1].y1
        if gap > page[end - 1].height * 0.6 and len(page[end].pieces()) < 2:
            break
        end += 1
    return end


def _paragraph(page, index, free):
    text, end = page[index].text, index + 1
    while end < len(page):
        following = page[end].text
        gap = page[end].y0 - page[end - 1].y1
        if (gap > page[end - 1].height * 0.5 or words.is_item(following)
                or words.label_of(following) or words.section_of(following)):
            break
        text, end = join(text, following), end + 1
    free.append(Line(page[index].number, clean(text)))
    return end


def join(left, right):
    thai = "\u0e00" <= left[-1:] <= "\u0e7f" and "\u0e00" <= right[:1] <= "\u0e7f"
    return left + ("" if thai else " ") + right


def table_rows(block):
    columns = _columns(block)
    rows, cells, first, previous, header = [], None, None, None, False
    for line in block:
        placed = _place(line, columns)
        if cells is None or _starts_row(line, previous, placed, header):
            if cells is not None:
                rows.append(_row(first, cells))
            cells, first, header = [""] * len(columns), line.number, False
        if not rows:  # the first row: is it (so far) a known header?
            header = header or _is_header(cells, placed)
        for column, text in placed.items():
            cells[column] = join(cells[column], text) if cells[column] else text
        previous = line
    rows.append(_row(first, cells))
    return rows


def _row(number, cells):
    return Row(number, [[clean(c)] if c else [] for c in cells])


def _columns(block):
    """x where columns start: piece starts on the header lines, or on two lines or more."""
    starts = []
    header = True
    for line in block:
        pieces = line.pieces()
        header = header and not (starts and _starts_cell(pieces[0][0].text))
        starts += [(piece[0].x0, header) for piece in pieces]
    clusters = []
    for x, from_header in sorted(starts):
        if clusters and x - clusters[-1][0] <= 6:
            clusters[-1][1] += 1
            clusters[-1][2] = clusters[-1][2] or from_header
        else:
            clusters.append([x, 1, from_header])
    return [x for x, count, from_header in clusters if from_header or count >= 2]


def _place(line, columns):
    placed = {}
    for word in line.words:
        index = max([i for i, x in enumerate(columns) if x <= word.x0 + 4], default=0)
        placed[index] = f"{placed[index]} {word.text}" if index in placed else word.text
    return placed


def _starts_cell(text):
    return (words.is_item(text) or text.startswith("ตัวชี้วัด") and len(text) > 9
            or bool(ROW_NUMBER.fullmatch(text)))


def _is_header(cells, placed):
    """Whether the first row read so far (with this line) is a known table header."""
    from imports.document.recognise import header_kind

    merged = [join(c, placed[i]) if c and i in placed else c or placed.get(i, "")
              for i, c in enumerate(cells)]
    return bool(header_kind(Row(0, [[c] for c in merged])))


def _starts_row(line, previous, placed, header):
    if header:
        return any(_starts_cell(t.split()[0]) for t in placed.values())
    if previous is not None and line.y0 - previous.y1 > 3:
        return True
    head = placed.get(0, "") or placed.get(1, "")
    return bool(head) and _starts_cell(head.split()[0])
