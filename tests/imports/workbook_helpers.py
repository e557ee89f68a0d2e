"""Build and edit workbooks the way a person does in Excel, for the spreadsheet tests."""

import io

from openpyxl import load_workbook

from disclosure.models import DisclosureItem
from disclosure.services import ensure_checklist
from imports.document.write import owner_choices
from imports.services import apply, preview
from imports.workbook import layout
from imports.workbook.checks import KEYS
from imports.workbook.export import workbook_bytes
from imports.workbook.read import read_workbook


def seeded(org, admin, seed_bytes, year=2565):
    """The seed document imported into `org`, plus two OIT answers with URLs."""
    batch = preview(organization=org, fiscal_year=year, data=seed_bytes, filename="seed.txt",
                    by=admin)
    apply(batch=batch, by=admin,
          mapping={n: "new" for n, m in owner_choices(batch).items() if m is None})
    ensure_checklist(org, year)
    for code, path in (("O1", "about"), ("O3", "contact")):
        item = DisclosureItem.objects.get(organization=org, oit_item__year__year=year,
                                          oit_item__code=code)
        item.links.create(url=f"https://{org.slug}.go.th/{path}")
        item.explanation = f"อยู่ที่หน้า {path}"
        item.save()


def export(org, year=2565, template=False):
    return workbook_bytes(org, year, template=template)


def values(data):
    """{sheet title: rows} as the importer reads them (typed dates and B.E. text alike),
    rows sorted by their keys and owner lists sorted, to compare two workbooks' content."""
    rows, problems = read_workbook(data)
    assert not problems, problems
    out = {}
    for sheet in layout.SHEETS:
        read = [{k: sorted(v) if k in ("owners", "indicators") else v
                 for k, v in values.items() if k not in ("status", "percent", "name")}
                for _, values in rows.get(sheet.key, [])]
        out[sheet.title] = sorted(read, key=lambda r, s=sheet.key: _key(s, r))
    return out


def _key(sheet, row):
    return tuple(str(row.get(k)) for k in KEYS[sheet]) + (str(row),)


class Editor:
    """Open a workbook, change cells by sheet title, row and column header, save."""

    def __init__(self, data):
        self.book = load_workbook(io.BytesIO(data))

    def column(self, title, header):
        ws = self.book[title]
        return ws, [c.value for c in ws[1]].index(header) + 1

    def set(self, title, row, header, value):
        ws, col = self.column(title, header)
        ws.cell(row=row, column=col).value = value

    def get(self, title, row, header):
        ws, col = self.column(title, header)
        return ws.cell(row=row, column=col).value

    def find(self, title, header, value):
        ws, col = self.column(title, header)
        return next(r for r in range(2, ws.max_row + 1)
                    if ws.cell(row=r, column=col).value == value)

    def append(self, title, by_header):
        ws = self.book[title]
        headers = [c.value for c in ws[1]]
        ws.append([by_header.get(h) for h in headers])

    def bytes(self):
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()
