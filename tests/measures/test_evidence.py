import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from measures.evidence import check_upload
from tests.measures.conftest import PDF, PNG


def zipped(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("a.pdf", PDF, "application/pdf"),
    ("รูป.PNG", PNG, "image/png"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20, "image/jpeg"),
    ("report.docx", zipped("word/"), "application/vnd.openxmlformats-officedocument"
                                     ".wordprocessingml.document"),
    ("sheet.xlsx", zipped("xl/"), "application/vnd.openxmlformats-officedocument"
                                  ".spreadsheetml.sheet"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 20, "application/msword"),
])
def test_allowed_types_are_recognised_by_content(name, content, expected):
    assert check_upload(SimpleUploadedFile(name, content)) == expected


@pytest.mark.parametrize(("name", "content", "message"), [
    ("setup.exe", b"MZ\x90\x00", "ชนิดที่ไม่รับ"),
    ("noextension", PDF, "ชนิดที่ไม่รับ"),
    ("fake.pdf", PNG, "ไม่ตรงกับชนิดไฟล์ .pdf"),
    ("fake.docx", zipped("xl/"), "ไม่ตรงกับชนิดไฟล์ .docx"),
    ("empty.pdf", b"", "ว่างเปล่า"),
])
def test_wrong_types_are_refused_in_thai(name, content, message):
    with pytest.raises(ValidationError, match=message):
        check_upload(SimpleUploadedFile(name, content))


def test_too_large_is_refused(settings):
    settings.EVIDENCE_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match="ใหญ่เกิน 1 MB"):
        check_upload(SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024)))
