"""The public pages as a bundle of files, for main websites that take only uploads: the OIT
page of a year, the published documents page, the PDFs, the feed, the style sheet and its
fonts, linked to each other by relative addresses so the bundle reads the same offline."""

import json
import zipfile

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from disclosure.feed import feed, public_items
from reports.publishing import public_documents

FONTS = ("Sarabun-Regular.ttf", "Sarabun-Italic.ttf", "Sarabun-SemiBold.ttf", "Sarabun-Bold.ttf",
         "OFL.txt")


def bundle_name(organization, year):
    return f"ita-{organization.slug}-{year}"


def write_bundle(organization, year, target, absolute):
    """Write the bundle as a ZIP into the binary file `target`; `absolute(path)` gives the
    portal's full address of a path (the feed names its schema and the public page)."""
    items, total = public_items(organization, year)
    documents = list(public_documents(organization))
    context = {"organization": organization, "year": year, "items": items, "total": total,
               "documents": documents, "as_of": timezone.localdate(),
               "home": organization.domains[:1], "bundle": True}
    root = bundle_name(organization, year)
    static = settings.BASE_DIR / "static"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{root}/index.html", render_to_string("disclosure/public.html", context))
        archive.writestr(f"{root}/documents.html",
                         render_to_string("reports/public_documents.html", context))
        archive.writestr(f"{root}/oit-{year}.json", json.dumps(
            feed(organization, year, items, total, absolute), ensure_ascii=False, indent=1))
        archive.write(static / "css" / "portal.css", f"{root}/css/portal.css")
        for name in FONTS:
            archive.write(static / "fonts" / name, f"{root}/fonts/{name}",
                          compress_type=zipfile.ZIP_STORED)
        for document in documents:  # stored as they are: PDFs compress themselves
            entry = zipfile.ZipInfo(f"{root}/documents/{document.pk}.pdf",
                                    timezone.localtime().timetuple()[:6])
            with document.file.open("rb") as source, archive.open(entry, "w") as copy:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    copy.write(chunk)
    return target
