"""Checks on uploaded evidence: the file's content must match an allowed type, within a size."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension -> (content type, magic prefix, folder a ZIP container must hold)
ALLOWED = {
    "pdf": ("application/pdf", b"%PDF-", None),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n", None),
    "jpg": ("image/jpeg", b"\xff\xd8\xff", None),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff", None),
    "doc": ("application/msword", OLE, None),
    "xls": ("application/vnd.ms-excel", OLE, None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             b"PK\x03\x04", "word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             b"PK\x03\x04", "xl/"),
}
ALLOWED_TEXT = "PDF, รูปภาพ (PNG, JPG), Word (DOC, DOCX) หรือ Excel (XLS, XLSX)"


def _zip_holds(upload, folder):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return any(name.startswith(folder) for name in archive.namelist())
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


def check_upload(upload):
    """The content type of a valid upload; ValidationError (Thai) for anything else."""
    name = upload.name or ""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(f"ไฟล์ “{name}” ใหญ่เกิน {limit // (1024 * 1024)} MB")
    if upload.size == 0:
        raise ValidationError(f"ไฟล์ “{name}” ว่างเปล่า")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(f"ไฟล์ “{name}” เป็นชนิดที่ไม่รับ (รับเฉพาะ {ALLOWED_TEXT})")
    content_type, magic, folder = ALLOWED[extension]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic or (folder and not _zip_holds(upload, folder)):
        raise ValidationError(f"เนื้อหาของไฟล์ “{name}” ไม่ตรงกับชนิดไฟล์ .{extension}")
    return content_type
