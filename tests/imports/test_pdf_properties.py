"""PDFs, malformed or hostile: read or refused in Thai, never a 500, applied all or nothing,
and no file makes the reader use more than its memory bound."""

import functools
import resource
import time
import tracemalloc
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imports.document import pdf
from imports.document.write import owner_choices, read_plan
from imports.services import apply, preview
from imports.upload import UnreadableDocument
from measures.models import Measure
from tests.imports import corpus

pytestmark = pytest.mark.django_db
FAST = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@functools.cache
def good_pdf():
    return corpus.to_pdf(corpus.text("sections_2565.txt"))


def mutated(cut, flips, insert):
    data = bytearray(good_pdf()[:cut] if cut else good_pdf())
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    return bytes(data[:len(data) // 2]) + insert + bytes(data[len(data) // 2:])


PDFS = st.one_of(
    st.builds(mutated, st.integers(0, 60000),
              st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=20),
              st.binary(max_size=64)),
    st.binary(max_size=300).map(lambda tail: b"%PDF-1.7\n" + tail))


def read_or_refuse(data):
    try:
        return read_plan(data, "x.pdf", 2566)
    except UnreadableDocument as error:
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(error))  # said in Thai
    except ValidationError as error:
        assert error.messages
    return None


@FAST
@given(PDFS)
def test_any_pdf_bytes_are_read_or_refused_in_thai(criteria, data):
    read_or_refuse(data)


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PDFS)
def test_uploading_any_pdf_never_answers_500(client, criteria, org_admin, data):
    client.force_login(org_admin)
    response = client.post(reverse("import-start"), {
        "fiscal_year": 2566, "file": SimpleUploadedFile("x.pdf", data, "application/pdf")})
    assert response.status_code in (302, 400)


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PDFS)
def test_a_pdf_is_applied_all_or_nothing(criteria, org, org_admin, data):
    if read_or_refuse(data) is None:
        return
    with transaction.atomic():
        batch = preview(organization=org, fiscal_year=2566, data=data, filename="x.pdf",
                        by=org_admin)
        mapping = {n: "new" for n, m in owner_choices(batch).items() if m is None}
        apply(batch=batch, mapping=mapping, by=org_admin)
        assert Measure.objects.filter(organization=org).count() == len(
            {m["number"] for m in batch.plan["measures"]})
        transaction.set_rollback(True)


def test_a_failure_half_way_through_a_pdf_writes_nothing(criteria, org, org_admin,
                                                         monkeypatch):
    batch = preview(organization=org, fiscal_year=2566, data=good_pdf(), filename="x.pdf",
                    by=org_admin)
    monkeypatch.setattr("imports.document.write._write_measures",
                        lambda *args: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        apply(batch=batch, mapping={}, by=org_admin)
    assert not Measure.objects.exists()
    assert not batch.organization.indicator_scores.exists()


def bomb(expanded_bytes):
    """A one-page PDF whose content stream is a few hundred KB and inflates to `expanded`."""
    stream = zlib.compress(b" " * expanded_bytes, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
               + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o
                                                         for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_a_decompression_bomb_stays_within_the_memory_bound(criteria):
    data = bomb(600 * 1024 * 1024)  # 600 MB of content from well under the upload limit
    assert len(data) < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(UnreadableDocument) as refused:
        read_plan(data, "bomb.pdf", 2566)
    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert str(refused.value) in (pdf.NO_TEXT, pdf.TOO_HEAVY)
    assert elapsed < pdf.CPU_SECONDS + 10
    assert peak < 64 * 1024 * 1024  # this process never holds the expanded content
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert children_kb * 1024 <= pdf.MEMORY_BYTES


def test_a_scan_without_text_gets_a_clear_message(criteria):
    with pytest.raises(UnreadableDocument) as refused:
        read_plan(bomb(1000), "scan.pdf", 2566)
    assert "ไม่มีชั้นข้อความ" in str(refused.value) and "สแกน" in str(refused.value)
