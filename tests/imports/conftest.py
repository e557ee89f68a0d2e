import pytest
from django.conf import settings

SEED = settings.BASE_DIR / "fixtures" / "seed" / "arun_nikhom_o42.txt"


@pytest.fixture
def seed_bytes():
    return SEED.read_bytes()


def seed_docx(text):
    """A Word file with the seed's tables: one table per header row, <p> cells as paragraphs."""
    import io

    import docx

    from imports.document.source import read_text

    rows, free = read_text(text)
    document = docx.Document()
    table, previous = None, None
    for row in rows:
        header = "ประเด็นที่ต้องปรับปรุง" in row.text(1) or "วิธีดำเนินการ" in row.text(1)
        if table is None or header or row.line - previous > 2:
            document.add_paragraph("")
            table = document.add_table(rows=0, cols=5)
        cells = table.add_row().cells
        for cell, paragraphs in zip(cells, row.cells[:5], strict=False):
            cell.text = paragraphs[0] if paragraphs else ""
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
        previous = row.line
    for line in free:
        document.add_paragraph(line.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
