"""Reading our PDFs back the way a committee member's viewer does."""

import html
import re
import subprocess
from dataclasses import dataclass
from itertools import pairwise


@dataclass
class PdfFacts:
    fonts: str
    text: str  # pdftotext -raw: content-stream order, no joining of "E-" + next line
    pages: int


def read_pdf(data, tmp_path, name="report"):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)

    def run(*command):
        return subprocess.run([*command, str(path), *(["-"] if command[0] == "pdftotext"
                                                      else [])],
                              capture_output=True, text=True, check=True).stdout

    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo")).group(1))
    return PdfFacts(run("pdffonts"), run("pdftotext", "-raw"), pages)


def squash(text):
    return re.sub(r"\s+", "", html.unescape(text))


def missing_paragraphs(facts, paragraphs):
    """The source paragraphs whose text the PDF does not give back exactly."""
    extracted = squash(facts.text)
    return [p for p in paragraphs if p.strip() and squash(p) not in extracted]


def embeds_only_sarabun(facts):
    names = [line.split()[0] for line in facts.fonts.splitlines()[2:] if line.strip()]
    return bool(names) and all("Sarabun" in name for name in names)


# Layout checks on WeasyPrint's laid-out document (the boxes the PDF is drawn from).

MM_PER_PX = 25.4 / 96  # WeasyPrint lays out in CSS px


def _walk(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _walk(child)


def _tables(page):
    return [b for b in _walk(page._page_box) if type(b).__name__ == "TableBox"]


def boxes_past_margins(document):
    """Every box inside a table that reaches past the page's left or right margin, in mm."""
    past = []
    for number, page in enumerate(document.pages, 1):
        box = page._page_box
        left, right = box.margin_left, box.margin_width() - box.margin_right
        for table in _tables(page):
            for inner in _walk(table):
                start = inner.position_x
                end = start + inner.margin_width()
                over = max(left - start, end - right) * MM_PER_PX
                if over > 0.05:
                    past.append((number, type(inner).__name__, round(over, 1)))
    return past


def table_widths_mm(document):
    return sorted({round(t.margin_width() * MM_PER_PX, 1)
                   for page in document.pages for t in _tables(page)})


def _cell_lines(cell):
    """The wrapped lines of a table cell, in order, as texts."""
    return ["".join(b.text for b in _walk(line) if type(b).__name__ == "TextBox")
            for line in _walk(cell) if type(line).__name__ == "LineBox"]


THAI = re.compile(r"[\u0e01-\u0e4e]")


def _boundaries(text):
    """Offsets where a Thai line may end: word ends (PyThaiNLP's newmm over its word list) and
    syllable ends (its syllable dictionary); a compound like ประเมิน/ผล may wrap between
    syllables, ร้อยล/ะ may not."""
    from pythainlp.tokenize import syllable_tokenize, word_tokenize

    ends = set()
    for tokens in (word_tokenize(text, engine="newmm"), syllable_tokenize(text, engine="dict")):
        offset = 0
        for token in tokens:
            offset += len(token)
            ends.add(offset)
    return ends


def line_end_allowed(before, after):
    """May a line end between these two texts? Anywhere but inside a Thai syllable."""
    if not (before and after and THAI.match(before[-1]) and THAI.match(after[0])):
        return True
    return len(before) in _boundaries(before + after)


def syllables_broken_across_lines(document):
    """Line ends inside table cells that fall inside a Thai syllable."""
    broken = []
    for page in document.pages:
        for table in _tables(page):
            for cell in (b for b in _walk(table) if type(b).__name__ == "TableCellBox"):
                for before, after in pairwise(_cell_lines(cell)):
                    if not line_end_allowed(before, after):
                        broken.append(f"{before[-12:]}/{after[:12]}")
    return broken
