"""Analysis-and-measures documents in the layouts municipalities publish, written for the tests,
and the builders that turn one into another (flattened, Thai digits, .docx, PDF)."""

import io
from pathlib import Path

from ita_portal.thai import thai_digits

HERE = Path(__file__).parent


def text(name):
    return (HERE / name).read_text(encoding="utf-8")


def flattened(source):
    """Text copied out of a PDF: every table cell on a line of its own, empty cells gone."""
    from imports.document.source import paragraphs

    lines = []
    for line in source.splitlines():
        cells = line.split("\t") if "\t" in line else [line]
        lines += [" ".join(paragraphs(c.strip('"'))) for c in cells if paragraphs(c.strip('"'))]
    return "\n".join(lines)


def in_thai_digits(source):
    return thai_digits(source)


def blocks(source):
    """[("table", [[cell, …], …]) | ("p", line)] in document order."""
    found = []
    for line in source.splitlines():
        if "\t" in line:
            if not found or found[-1][0] != "table":
                found.append(("table", []))
            found[-1][1].append(line.split("\t"))
        elif line.strip():
            found.append(("p", line))
    return found


def to_docx(source):
    import docx

    document = docx.Document()
    for kind, content in blocks(source):
        if kind == "p":
            document.add_paragraph(content)
            continue
        width = max(len(row) for row in content)
        table = document.add_table(rows=0, cols=width)
        for row in content:
            for cell, value in zip(table.add_row().cells, row, strict=False):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_html(source):
    from django.utils.html import escape

    parts = ["<html><head><style>@font-face{font-family:Sarabun;src:url(fonts/Sarabun-Regular.ttf)}"
             "body{font-family:Sarabun;font-size:11pt} table{border-collapse:collapse}"
             "td{border:1px solid #000;vertical-align:top;padding:3pt 5pt}</style></head><body>"]
    for kind, content in blocks(source):
        if kind == "p":
            parts.append(f"<p>{escape(content)}</p>")
            continue
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                       for row in content)
        parts.append(f"<table>{rows}</table>")
    return "".join(parts) + "</body></html>"


def to_pdf(source):
    """The document as a PDF rendered by WeasyPrint (A4, Sarabun), as an agency might."""
    from ita_portal.pdf import lay_out_html

    return lay_out_html(to_html(source)).write_pdf()


def with_word_faults(source):
    """The text-layer faults of PDFs saved from Word: SARA AM as NIKHAHIT + SARA AA, a tone
    mark written before the vowel it sits on."""
    return source.replace("\u0e33", "\u0e4d\u0e32").replace("ที่", "ท\u0e48\u0e35")


def via_libreoffice(docx, tmp_path):
    """The .docx turned into a PDF by LibreOffice (Debian's libreoffice-writer-nogui), as
    agencies export their Word files: its own text layer, fonts and table drawing."""
    import subprocess

    source = tmp_path / "document.docx"
    source.write_bytes(docx)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (tmp_path / "document.pdf").read_bytes()
