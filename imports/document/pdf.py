"""A PDF's text and tables, read with poppler's `pdftotext -bbox-layout`.

Why poppler: it is already installed for the portal's own PDFs (a system package, no new Python
dependency), it is fast (C; a 10-page document in well under a second), it honours /ActualText
(so PDFs that mark Thai clusters, as Chromium's and the portal's do, extract right), and
`-bbox-layout` gives every word with its box, from which lines, table columns, rows and cells
are rebuilt (`pdf_layout`); the character positions of `-layout` do not line up for Thai, whose
marks take no width. It runs in a child process with a memory, CPU-time and output bound, so a
decompression bomb or a malformed file costs at most that, never the web worker.
"""

import html
import re
import resource
import subprocess
import tempfile

from imports.document import pdf_layout
from imports.upload import UnreadableDocument

MEMORY_BYTES = 512 * 1024 * 1024  # address space of the pdftotext process
CPU_SECONDS = 20
MAX_OUTPUT = 16 * 1024 * 1024  # bytes of word boxes read back, at most
MAX_PAGES = 100
NOT_PDF = "ไฟล์นี้ไม่ใช่ PDF ที่อ่านได้ (ไฟล์อาจเสียหรือไม่ครบ)"
NO_TEXT = ("ไฟล์ PDF นี้ไม่มีชั้นข้อความ (อาจเป็นภาพสแกน) ระบบจึงอ่านเนื้อหาไม่ได้ "
           "โปรดใช้ไฟล์ Word (.docx) ต้นฉบับ หรือ PDF ที่บันทึกจาก Word หรือคัดลอกข้อความมาวางแทน")
TOO_HEAVY = "ไฟล์ PDF นี้ใช้หน่วยความจำหรือเวลาในการอ่านเกินกำหนด จึงไม่อ่าน"
LOCKED = "ไฟล์ PDF นี้มีรหัสผ่าน โปรดบันทึกเป็นไฟล์ที่ไม่มีรหัสผ่านก่อน"
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">'
                  r"([^<]*)</word>|<page ")


def is_pdf(data):
    return b"%PDF-" in data[:1024]


def _limits():
    """In the child: memory, CPU time and the size of what it may write are bounded."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_OUTPUT, MAX_OUTPUT))


def bbox_text(data):
    """poppler's XHTML of the PDF's words with their boxes (written to a bounded file, so
    a file that expands to gigabytes of text is stopped at MAX_OUTPUT)."""
    if not is_pdf(data):
        raise UnreadableDocument(NOT_PDF)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source, \
            tempfile.NamedTemporaryFile(suffix=".html") as output:
        source.write(data)
        source.flush()
        try:
            done = subprocess.run(
                ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-l", str(MAX_PAGES), "-q",
                 source.name, "-"], stdout=output, stderr=subprocess.PIPE,
                preexec_fn=_limits, timeout=CPU_SECONDS + 5, check=False)
        except subprocess.TimeoutExpired as error:
            raise UnreadableDocument(TOO_HEAVY) from error
        _check(done)
        output.seek(0)
        return output.read(MAX_OUTPUT).decode("utf-8", "replace")


def _check(done):
    if done.returncode == 3:
        raise UnreadableDocument(LOCKED)
    if done.returncode < 0 or b"alloc" in done.stderr.lower():
        raise UnreadableDocument(TOO_HEAVY)
    if done.returncode != 0:
        raise UnreadableDocument(NOT_PDF)


def page_words(xhtml):
    """[[Word, …] per page] as the PDF carries them (pdf_layout mends and puts the Thai
    right once the words of a line are together)."""
    pages = []
    for match in WORD.finditer(xhtml):
        if match.group(5) is None:
            pages.append([])
        elif pages:
            text = html.unescape(match.group(5))
            if text.strip():
                box = (float(match.group(i)) for i in range(1, 5))
                pages[-1].append(pdf_layout.Word(*box, text))
    return pages


def read_pdf(data):
    """(rows, free lines) of a PDF; a clear message for one without a text layer (a scan)."""
    pages = page_words(bbox_text(data))
    if not any(ch.isalnum() for page in pages for word in page for ch in word.text):
        raise UnreadableDocument(NO_TEXT)
    return pdf_layout.rows_and_lines(pages)
