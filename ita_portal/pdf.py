"""Thai PDF documents with WeasyPrint: our templates, our Sarabun, files read from disk."""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from ita_portal import pdf_svg, pdf_text

pdf_text.install()
pdf_svg.install()
STATIC_BASE = f"{settings.BASE_DIR / 'static'}/"


def lay_out(template, context):
    """The laid-out document (pages known), ready for write_pdf()."""
    return lay_out_html(render_to_string(template, context))


def lay_out_html(html):
    return HTML(string=html, base_url=STATIC_BASE).render()


def sha256(data):
    return hashlib.sha256(data).hexdigest()
