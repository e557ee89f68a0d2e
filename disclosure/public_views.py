"""The public ITA page of an organisation and year, readable without login, and its JSON.

It shows only what is disclosed: each item that counts (มี with a live main-website link) and
its links. Owners, due dates, work status, check history and the items not yet disclosed stay
inside. The page may be framed by the organisation's own main-website domains, and by no one
else, so a webmaster can embed it where the NACC looks (issue 17).
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt

from disclosure.selectors import checklist_items, item_passes, live_links
from disclosure.urlrules import encoded
from ita_portal.fragments import kept
from organizations.models import Organization


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


def _organization(slug, year):
    organization = get_object_or_404(Organization, slug=slug, is_active=True)
    items, total = kept("public-oit", [organization.pk, organization.data_version, year],
                        lambda: public_items(organization, year))
    if not total:
        raise Http404("ไม่พบข้อมูลของปีนี้")
    return organization, items, total


def frame_ancestors(organization):
    """Who may frame the public page: the organisation's main-website domains (and www.)."""
    hosts = [f"https://{d} https://www.{d}" if not d.startswith("www.") else f"https://{d}"
             for d in organization.domains]
    return " ".join(hosts) or "'none'"


@cache_control(public=True, max_age=300)
@xframe_options_exempt
def public_page(request, slug, year):
    organization, items, total = _organization(slug, year)
    response = render(request, "disclosure/public.html", {
        "organization": organization, "year": year, "items": items, "total": total,
        "as_of": timezone.localdate(), "home": organization.domains[:1]})
    return framed_by_own_websites(response, organization)


def framed_by_own_websites(response, organization):
    """A public response the organisation's own websites (and no one else) may frame."""
    response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", f"frame-ancestors {frame_ancestors(organization)}")
    return response


FEED_SCHEMA = Path(__file__).resolve().parent / "schema" / "oit-feed-v1.json"


@cache_control(public=True, max_age=300)
def public_json(request, slug, year):
    """The feed municipal CMS products import: version 1 of the shape in FEED_SCHEMA."""
    organization, items, total = _organization(slug, year)
    absolute = request.build_absolute_uri
    response = JsonResponse({
        "feed": "ita-portal/oit", "version": 1, "schema": absolute(reverse("public-feed-schema")),
        "organization": {"name": organization.name_th, "slug": organization.slug,
                         "province": organization.province, "websites": organization.domains,
                         "public_page": absolute(reverse("public-oit", args=[slug, year]))},
        "year": year, "as_of": timezone.localtime().isoformat(timespec="seconds"),
        "items_in_year": total, "items": items}, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@cache_control(public=True, max_age=3600)
def feed_schema(request):
    response = HttpResponse(FEED_SCHEMA.read_bytes(), content_type="application/schema+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response
