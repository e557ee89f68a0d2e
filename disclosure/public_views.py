"""The public ITA page of an organisation and year, readable without login, and its JSON.

It shows what the municipality publishes anyway: each item, whether it is disclosed, and
its links on the main website. Owners, due dates, work status and check history stay inside.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control

from disclosure.selectors import checklist_items, item_passes, live_links
from disclosure.urlrules import encoded
from organizations.models import Organization


def public_items(organization, year):
    out = []
    for item in checklist_items(organization, year):
        disclosed = item_passes(item)
        links = [encoded(link.url) for link in live_links(item)] if disclosed else []
        out.append({"code": item.oit_item.code, "name": item.oit_item.name_th,
                    "sub_indicator": item.oit_item.sub_indicator.code,
                    "sub_indicator_name": item.oit_item.sub_indicator.name_th,
                    "disclosed": disclosed, "urls": links,
                    "explanation": item.explanation if disclosed else ""})
    return out


def _organization(slug, year):
    organization = get_object_or_404(Organization, slug=slug, is_active=True)
    items = public_items(organization, year)
    if not items:
        raise Http404("ไม่พบข้อมูลของปีนี้")
    return organization, items


@cache_control(public=True, max_age=300)
def public_page(request, slug, year):
    organization, items = _organization(slug, year)
    return render(request, "disclosure/public.html",
                  {"organization": organization, "year": year, "items": items})


@cache_control(public=True, max_age=300)
def public_json(request, slug, year):
    organization, items = _organization(slug, year)
    response = JsonResponse({"organization": organization.name_th, "year": year,
                             "items": items}, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
