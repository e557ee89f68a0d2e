"""The organisation's logo (set on its profile page) heads its PDFs, inlined: nothing fetched."""

import io
import subprocess

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from reports.documents import report_pdf
from tests.personas import make_org

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def images_in(pdf, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                             check=True).stdout
    return len(listing.strip().splitlines()) - 2  # two header lines


def test_logo_heads_the_pdf_only_when_set(criteria, tmp_path):
    org = make_org("logo-town", "เทศบาลตำบลมีตรา")
    assert images_in(report_pdf("o42", org, 2565), tmp_path) == 0
    org.logo.save("logo.png", ContentFile(png()))
    assert images_in(report_pdf("o42", org, 2565), tmp_path) == 1
    org.logo.storage.delete(org.logo.name)  # a lost file: the report still renders
    assert images_in(report_pdf("o42", org, 2565), tmp_path) == 0
