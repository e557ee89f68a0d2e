"""Thai PDF documents with WeasyPrint: our templates, our Sarabun, files read from disk."""

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from ita_portal import pdf_svg, pdf_text

pdf_text.install()
pdf_svg.install()
STATIC_BASE = f"{settings.BASE_DIR / 'static'}/"
STATIC_DIR = (settings.BASE_DIR / "static").resolve()


class OwnFilesOnly(URLFetcher):
    """WeasyPrint reads our static files (fonts, styles) and inline data: images (the logo);
    never the network or any other file, whatever the HTML asks (review L7)."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data" or (
                parts.scheme == "file"
                and Path(unquote(parts.path)).resolve().is_relative_to(STATIC_DIR)):
            return super().fetch(url, headers)
        raise ValueError(f"PDF ไม่อ่านไฟล์จากภายนอก: {url[:80]}")


def lay_out(template, context):
    """The laid-out document (pages known), ready for write_pdf()."""
    return lay_out_html(render_to_string(template, context))


def lay_out_html(html):
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=OwnFilesOnly()).render()


def sha256(data):
    return hashlib.sha256(data).hexdigest()
