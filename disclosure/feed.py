"""What the public sees of an organisation's OIT year: the disclosed items as published, and
the feed's content (version 1, its JSON Schema in schema/oit-feed-v1.json)."""

from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from disclosure.selectors import checklist_items, item_passes, live_links
from disclosure.urlrules import encoded

FEED_SCHEMA = Path(__file__).resolve().parent / "schema" / "oit-feed-v1.json"


def public_items(organization, year):
    """(the disclosed items as published, how many items the year has)."""
    items = checklist_items(organization, year)
    out = [{"code": item.oit_item.code, "name": item.oit_item.name_th,
            "sub_indicator": item.oit_item.sub_indicator.code,
            "sub_indicator_name": item.oit_item.sub_indicator.name_th,
            "urls": [encoded(link.url) for link in live_links(item)],
            **({"explanation": item.explanation} if item.explanation else {})}
           for item in items if item_passes(item)]
    return out, len(items)


def feed(organization, year, items, total, absolute):
    """The feed's content (version 1); `absolute(path)` makes the portal's full addresses."""
    return {
        "feed": "ita-portal/oit", "version": 1, "schema": absolute(reverse("public-feed-schema")),
        "organization": {"name": organization.name_th, "slug": organization.slug,
                         "province": organization.province, "websites": organization.domains,
                         "public_page": absolute(reverse("public-oit",
                                                         args=[organization.slug, year]))},
        "year": year, "as_of": timezone.localtime().isoformat(timespec="seconds"),
        "items_in_year": total, "items": items}
