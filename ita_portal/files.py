"""Stored files handed to the person who may have them: evidence, reports and list PDFs."""

import logging

from django.http import FileResponse, Http404

log = logging.getLogger(__name__)


def download(field, filename, content_type="application/pdf", inline=False):
    """The file of a FileField as an attachment (or shown in the browser: `inline`); a file
    missing from storage (lost disk, a server not configured for the shared bucket) is a clear
    404 and an error in the log."""
    try:
        handle = field.open("rb")
    except OSError:
        log.error("stored file missing: %s", field.name)
        raise Http404("ไม่พบไฟล์ในที่เก็บไฟล์ของระบบ โปรดแจ้งผู้ดูแลระบบ") from None
    return FileResponse(handle, as_attachment=not inline, filename=filename,
                        content_type=content_type)
