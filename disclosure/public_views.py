"""The public ITA page of an organisation and year, readable without login, and its JSON.

It shows only what is disclosed: each item that counts (มี with a live main-website link) and
its links. Owners, due dates, work status, check history and the items not yet disclosed stay
inside. The page may be framed by the organisation's own main-website domains, and by no one
else, so a webmaster can embed it where the NACC looks (issue 17).
"""


from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt

from disclosure.feed import FEED_SCHEMA, feed, public_items
from ita_portal.fragments import kept
from organizations.models import Organization


def _organization(slug, year):
    organization = get_object_or_404(Organization, slug=slug, is_active=True)
    items, total = kept("public-oit", [organization.pk, organization.data_version, year],
                        lambda: public_items(organization, year))
    if not total:
        raise Http404("ไม่พบข้อมูลของปีนี้")
    return organization, items, total


def frame_ancestors(organization):
    """Who may frame the public page: the organisation's main-website domains (and www.), over
    HTTPS, on the default port and then on any port of those same hosts."""
    hosts = [h for d in organization.domains
             for h in ([d] if d.startswith("www.") else [d, f"www.{d}"])]
    sources = [f"https://{h}" for h in hosts] + [f"https://{h}:*" for h in hosts]
    return " ".join(sources) or "'none'"


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




@cache_control(public=True, max_age=300)
def public_json(request, slug, year):
    """The feed municipal CMS products import: version 1 of the shape in FEED_SCHEMA."""
    organization, items, total = _organization(slug, year)
    response = JsonResponse(feed(organization, year, items, total, request.build_absolute_uri),
                            json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@cache_control(public=True, max_age=3600)
def feed_schema(request):
    response = HttpResponse(FEED_SCHEMA.read_bytes(), content_type="application/schema+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response
