"""Review H3 and M6 10–15: hostile .docx and .xlsx files get a Thai error, quickly and in
little memory, through the upload pages; nothing is written."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.document.source import read_document
from imports.models import ImportBatch
from tests.imports.workbook_helpers import export

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
DOCX_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
              '2006/content-types"/>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'


def zipped(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if callable(content):
                with archive.open(name, "w", force_zip64=True) as handle:
                    content(handle)
            else:
                archive.writestr(name, content)
    return buffer.getvalue()


def zero_megabytes(count):
    def write(handle):
        block = b" " * MB
        for _ in range(count):
            handle.write(block)
    return write


def docx(document):
    return zipped({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": document})


def workbook_with(name, content):
    """The portal's own workbook with one part replaced."""
    source = zipfile.ZipFile(io.BytesIO(export_bytes()))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[name] = content
    return zipped(parts)


_export = {}


def export_bytes():
    return _export["data"]


@pytest.fixture(autouse=True)
def template(criteria, org):
    _export["data"] = export(org, template=True)


def shared_strings(count):
    head = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">')
    return (head + "<si><t>ก</t></si>" * count + "</sst>").encode()


HOSTILE_DOCX = {
    "zip bomb": (lambda: docx(zero_megabytes(30)), "ขยายตัวเกิน"),
    "entity bomb": (lambda: docx(LAUGHS + "<w:document>&lol2;</w:document>"), "DTD/ENTITY"),
    "external entity": (lambda: docx(XXE + "<w:document>&xxe;</w:document>"), "DTD/ENTITY"),
    "not XML": (lambda: docx(b"\x00\x01 not xml at all"), "ไม่ใช่ไฟล์ Word"),
    "no w:document": (lambda: docx('<?xml version="1.0"?><root/>'), "ไม่ใช่ไฟล์ Word"),
}
HOSTILE_XLSX = {
    "4M shared strings": (lambda: workbook_with("xl/sharedStrings.xml", shared_strings(150_000)),
                          "ข้อความมากเกินไป"),
    "entity bomb": (lambda: workbook_with("xl/sharedStrings.xml",
                                          LAUGHS + "<sst>&lol2;</sst>"), "DTD/ENTITY"),
    "external entity": (lambda: workbook_with("xl/worksheets/sheet2.xml",
                                              XXE + "<worksheet>&xxe;</worksheet>"), "DTD/ENTITY"),
    "sheet bomb": (lambda: workbook_with("xl/worksheets/sheet2.xml", zero_megabytes(30)),
                   "ขยายตัวเกิน"),
    "not XML sheet": (lambda: workbook_with("xl/worksheets/sheet2.xml", b"<worksheet><<<"),
                      "อ่านไฟล์ Excel ไม่ได้"),
}


def warm_up(client):
    """Load the page and the readers once, so time and memory measure the file alone."""
    client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": SimpleUploadedFile("ok.docx", docx("<w:document/>"))})
    client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": SimpleUploadedFile("ok.xlsx", export_bytes())})


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCX))
def test_hostile_word_files_are_refused_in_thai(client, org_admin, name):
    build, message = HOSTILE_DOCX[name]
    data = build()
    assert len(data) < 1 * MB
    client.force_login(org_admin)
    warm_up(client)
    tracemalloc.start()
    started = time.monotonic()
    response = client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": SimpleUploadedFile("x.docx", data)})
    elapsed, peak = time.monotonic() - started, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert response.status_code == 400 and message in response.content.decode()
    assert elapsed < 10 and peak < 50 * MB
    assert not ImportBatch.objects.exclude(source_name__startswith="ok.").exists()


@pytest.mark.parametrize("name", sorted(HOSTILE_XLSX))
def test_hostile_workbooks_are_refused_in_thai(client, org_admin, name):
    build, message = HOSTILE_XLSX[name]
    data = build()
    client.force_login(org_admin)
    warm_up(client)
    tracemalloc.start()
    started = time.monotonic()
    response = client.post(reverse("import-start"), {
        "fiscal_year": 2565, "file": SimpleUploadedFile("ita.xlsx", data)})
    elapsed, peak = time.monotonic() - started, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert response.status_code == 400 and message in response.content.decode()
    assert elapsed < 10 and peak < 50 * MB
    assert not ImportBatch.objects.exclude(source_name__startswith="ok.").exists()
    scores = client.post(reverse("import-scores"), {
        "file": SimpleUploadedFile("scores.xlsx", data), "dry_run": "on"})
    assert scores.status_code == 400


def test_an_ordinary_word_file_still_reads(seed_bytes):
    from tests.imports.conftest import seed_docx

    rows, _ = read_document(seed_docx(seed_bytes.decode()), "seed.docx")
    assert rows
