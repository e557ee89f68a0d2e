"""Every PDF table inside the A4 margins and no Thai syllable split across lines.

Measured on WeasyPrint's laid-out boxes (what the PDF is drawn from): the 2.5 cm left and 2 cm
right margins of an official document, and each line end inside a table cell checked against
PyThaiNLP's word and syllable dictionaries.
"""

import pytest

from demo.loader import load_demo
from ita_portal.pdf import lay_out, lay_out_html
from ita_portal.pdf_lists import list_document
from measures.downloads import PDF_HEADERS, PDF_WIDTHS, pdf_rows
from measures.models import Measure
from measures.selectors import with_list_data
from reports.documents import DOCUMENTS
from tests.reports.pdfcheck import (
    boxes_past_margins,
    syllables_broken_across_lines,
    table_widths_mm,
)

pytestmark = pytest.mark.django_db
A4_TEXT_WIDTH_MM = 210 - 25 - 20


@pytest.fixture
def demo(criteria):
    return load_demo()[0]


def _checks(document):
    return boxes_past_margins(document), syllables_broken_across_lines(document)


@pytest.mark.parametrize("kind", ["o42", "annual"])
def test_report_tables_stay_inside_the_margins(demo, kind):
    template, context = DOCUMENTS[kind]
    document = lay_out(template, context(demo, 2565))
    assert _checks(document) == ([], [])
    assert table_widths_mm(document) == [A4_TEXT_WIDTH_MM]


def test_the_measures_list_keeps_its_right_margin_and_whole_syllables(demo):
    measures = with_list_data(Measure.objects.filter(organization=demo)).order_by("number")
    document = list_document(organization=demo, title="มาตรการ", headers=PDF_HEADERS,
                             rows=pdf_rows(measures), widths=PDF_WIDTHS)
    assert _checks(document) == ([], [])
    assert table_widths_mm(document) == [A4_TEXT_WIDTH_MM]


def test_the_checks_catch_what_the_review_saw(demo):
    """A column too narrow for ร้อยละ with `overflow-wrap: anywhere` and content-box widths:
    the old style sheet's defects are found by both checks."""
    html = ('<style>@page{size:A4;margin:2cm 2cm 2.2cm 2.5cm} body{margin:0}'
            'table{width:100%;table-layout:fixed;border-collapse:collapse}'
            'td{padding:3pt 4pt;overflow-wrap:anywhere;font:10pt Sarabun}</style><table><tr>'
            + '<td style="width:5%">ร้อยละ</td>' + '<td style="width:19%">ก</td>' * 5
            + "</tr></table>")
    over, broken = _checks(lay_out_html(html))
    assert over and over[0][2] > 5
    assert broken and broken[0].startswith("ร้อย")
