"""Any list page as an A4 PDF: the same rows as the page, in a table with repeated headers."""

from django.http import HttpResponse
from django.utils import timezone

from ita_portal.pdf import lay_out
from ita_portal.thai import thai_date


def list_document(*, organization, title, headers, rows, widths):
    """The laid-out document (pages and boxes known), ready for write_pdf()."""
    return lay_out("reports/pdf/table.html", {
        "organization": organization, "title": title,
        "columns": list(zip(headers, widths, strict=True)), "rows": list(rows),
        "printed": thai_date(timezone.localdate(), digits=True),
    })


def list_pdf(*, filename, **content):
    data = list_document(**content).write_pdf()
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
