"""The organisation's logo inlined as a data: URI, so PDFs (and frozen meeting reports)
carry it without fetching anything."""

import base64
import mimetypes

from django import template

register = template.Library()


@register.filter
def logo_data_uri(organization):
    logo = getattr(organization, "logo", None)
    if not logo:
        return ""
    content_type = mimetypes.guess_type(logo.name)[0] or "image/png"
    try:
        with logo.storage.open(logo.name, "rb") as source:
            data = source.read()
    except OSError:
        return ""  # a missing file must not stop a report
    return f"data:{content_type};base64,{base64.b64encode(data).decode()}"
