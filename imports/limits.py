"""Limits on .docx and .xlsx files before any XML parser sees them (review H3, M6 10–15).

A 1 MB .docx could inflate to 1 GB (2 GB of memory); 186 KB of shared strings took 46 s.
Checked from the zip directory first (zipfile never inflates an entry past the size the
directory declares), then each XML part is streamed once: Office files never carry a DTD, so
any <!DOCTYPE or <!ENTITY is refused, and the shared-strings table is counted.
"""

import io
import zipfile

from imports.upload import UnreadableDocument

MAX_ENTRIES = 1000
MAX_ENTRY_BYTES = 25 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed, for entries over 5 MB
MAX_SHARED_STRINGS = 100_000
CHUNK = 64 * 1024
MB = 1024 * 1024


def check_archive(data):
    """Refuse (UnreadableDocument, Thai) a zip-based Office file that is too big inflated,
    has too many parts, or carries a DTD; a file that is not a zip is left to its reader."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return
    with archive:
        infos = archive.infolist()
        _check_directory(infos)
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                _scan(archive, info)


def _check_directory(infos):
    if len(infos) > MAX_ENTRIES:
        raise UnreadableDocument(f"ไฟล์มีส่วนประกอบมากเกินไป (เกิน {MAX_ENTRIES:,} ส่วน)")
    total = 0
    for info in infos:
        ratio_ok = (info.file_size <= 5 * MB
                    or info.file_size <= MAX_RATIO * max(info.compress_size, 1))
        if info.file_size > MAX_ENTRY_BYTES or not ratio_ok:
            raise UnreadableDocument(
                f"ไฟล์นี้ขยายตัวเกินกว่าที่ระบบรับได้เมื่อคลายการบีบอัด "
                f"(ส่วน “{info.filename[:60]}” {info.file_size // MB:,} MB)")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise UnreadableDocument(f"ไฟล์นี้ขยายตัวเกิน {MAX_TOTAL_BYTES // MB} MB "
                                 "เมื่อคลายการบีบอัด ระบบจึงไม่อ่าน")


def _scan(archive, info):
    shared = info.filename.lower().endswith("sharedstrings.xml")
    count, tail = 0, b""
    try:
        with archive.open(info) as part:
            while chunk := part.read(CHUNK):
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise UnreadableDocument(
                        "ไฟล์มีการประกาศ DTD/ENTITY ซึ่งไฟล์ Word/Excel ปกติไม่มี ระบบจึงไม่อ่าน")
                if shared:
                    count += chunk.count(b"<si>") + chunk.count(b"<si ")
                    if count > MAX_SHARED_STRINGS:
                        raise UnreadableDocument(
                            f"ไฟล์ Excel มีข้อความมากเกินไป (เกิน {MAX_SHARED_STRINGS:,} รายการ)")
                tail = window[-16:]
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        raise UnreadableDocument("อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหาย") from error
