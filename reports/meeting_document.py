"""A meeting's progress report as a document: its HTML (what closing freezes) and its PDF
(the frozen content of a closed meeting, or the draft of an open one)."""

from django.template.loader import render_to_string

from ita_portal.pdf import lay_out_html
from reports.documents import paper_timelines
from reports.meeting_report import report_rows


def meeting_html(meeting):
    rows = report_rows(meeting)
    return render_to_string("reports/pdf/meeting.html", {
        "organization": meeting.organization, "meeting": meeting, "rows": rows,
        "timelines": paper_timelines([row.measure for row in rows], meeting.fiscal_year)})


def document_html(meeting):
    """The frozen content of a closed meeting, or the draft of an open one."""
    frozen = meeting.report_html if meeting.is_closed and meeting.report_html else None
    return frozen or meeting_html(meeting)


def meeting_pdf(meeting):
    """The draft of an open meeting, or the frozen content of a closed one, as PDF."""
    return lay_out_html(document_html(meeting)).write_pdf()
