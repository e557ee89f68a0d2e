"""Documents as rows of cells: text pasted or saved from Word/PDF, a .docx or a PDF file.

A row is a list of cells; a cell is a list of paragraphs. Text: a line with a tab is a table
row, cells may hold HTML <p> fragments or be quoted over several lines; other lines are free
text. Every row and line keeps its line number, so what cannot be read can be named.
"""

import html
import io
import re
import zipfile
from dataclasses import dataclass

from imports.document.thai_text import normalise
from imports.upload import UnreadableDocument
from ita_portal.thai import arabic_digits

PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b]")  # PostgreSQL refuses NUL


@dataclass
class Row:
    line: int
    cells: list  # of lists of paragraphs

    def text(self, index):
        return " ".join(self.cells[index]) if index < len(self.cells) else ""

    def paragraphs(self, index):
        return self.cells[index] if index < len(self.cells) else []


@dataclass
class Line:
    line: int
    text: str


def clean(text):
    """One paragraph: tags gone, entities decoded, Thai text-layer faults put right
    (thai_text), white space single, digits kept as written."""
    return " ".join(normalise(CONTROL.sub("", html.unescape(TAG.sub(" ", text)))).split())


def paragraphs(cell):
    found = PARAGRAPH.findall(cell)
    parts = found if found else re.split(r"\n", cell)
    return [p for p in (clean(part) for part in parts) if p]


def _logical_lines(text):
    """Lines, joining a quoted cell that runs over several lines ("...\\n...")."""
    lines, buffer, start = [], None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        if buffer is not None:
            buffer += "\n" + line
            if buffer.count('"') % 2 == 0:
                lines.append((start, buffer))
                buffer = None
            continue
        if "\t" in line and line.count('"') % 2 == 1:
            buffer, start = line, number
            continue
        lines.append((number, line))
    if buffer is not None:
        lines.append((start, buffer))
    return lines


def _cell(raw):
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1].replace('""', '"')
    return paragraphs(raw)


def read_text(text):
    """(rows, free lines) of pasted or saved text."""
    rows, free = [], []
    for number, line in _logical_lines(text.replace("\r\n", "\n").replace("\r", "\n")):
        if "\t" in line:
            rows.append(Row(number, [_cell(c) for c in line.split("\t")]))
        elif clean(line):
            free.append(Line(number, clean(line)))
    return rows, free


def read_docx(data):
    """(rows, free lines) of a Word file; a table row counts as one line, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    from imports.limits import check_archive

    check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
        return _docx_lines(document, Paragraph, Table)
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, AttributeError) as error:
        raise UnreadableDocument("ไฟล์นี้ไม่ใช่ไฟล์ Word (.docx) ที่อ่านได้") from error


def _docx_lines(document, Paragraph, Table):  # noqa: N803 (the classes, imported lazily)
    rows, free, number = [], [], 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            number += 1
            if clean(block.text):
                free.append(Line(number, clean(block.text)))
        elif isinstance(block, Table):
            for row in block.rows:
                number += 1
                rows.append(Row(number, [[clean(p.text) for p in cell.paragraphs
                                          if clean(p.text)] for cell in row.cells]))
    return rows, free


def read_document(data, filename=""):
    from imports.document import pdf  # it reads rows and lines, as defined here

    if filename.lower().endswith(".pdf") or pdf.is_pdf(data):
        return pdf.read_pdf(data)
    if filename.lower().endswith(".docx") or data[:2] == b"PK":
        return read_docx(data)
    try:
        return read_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            "อ่านไฟล์ไม่ได้: รองรับไฟล์ PDF, Word (.docx) และข้อความ UTF-8 (.txt)") from error


def number_text(text):
    """Digits as Arabic for reading numbers: '๗๔.๑๕' → '74.15'."""
    return arabic_digits(text)
