"""The overseer's home: the table of every agency under them, filtered, sorted, paged or
downloaded as CSV; each row opens the agency read-only."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from indicators.models import OITItem
from indicators.templatetags.indicator_tags import score
from indicators.years import year_in_progress
from ita_portal.spreadsheets import csv_response
from ita_portal.thai import thai_date
from organizations.models import OrganizationKind
from reports.overseer import (
    SORTS,
    agencies,
    agencies_page_order,
    data_versions,
    official_results,
    overseen,
    summary,
    with_figures,
)
from reports.overseer_risk import below_target_summary

HEADERS = ["หน่วยงาน", "ประเภท", "จังหวัด", "ผลทางการ (ปี)", "คะแนนรวม", "ระดับ",
           "OIT ที่เผยแพร่", "ลิงก์เสีย", "มาตรการเลยกำหนด", "ความเคลื่อนไหวล่าสุด"]


def _filters(request):
    get = request.GET
    return {"sort": get.get("sort") if get.get("sort") in SORTS else "name",
            "kind": get.get("kind") if get.get("kind") in OrganizationKind.values else "",
            "province": get.get("province", "")[:80], "text": get.get("q", "").strip()[:100]}


def _csv_rows(orgs):
    for start in range(0, len(orgs), 500):
        chunk = orgs[start:start + 500]
        results = official_results(chunk)
        for org in chunk:
            official = results.get(org.pk)
            yield [org.name_th, org.get_kind_display(), org.province,
                   official.year if official else "",
                   score(official.total) if official and official.total is not None else "",
                   official.band if official else "", org.disclosed, org.broken, org.overdue,
                   thai_date(timezone.localtime(org.last_activity).date())
                   if org.last_activity else ""]


def overseer_home(request):
    year, today, filters = year_in_progress(), timezone.localdate(), _filters(request)
    sort = filters.pop("sort")
    chosen = overseen(request.user, **filters)
    if request.GET.get("export") == "csv":
        orgs = agencies(chosen, year=year, today=today, sort=sort)
        return csv_response(HEADERS, _csv_rows(list(orgs)), f"agencies-{year}")
    return render(request, "reports/home_overseer.html", {
        # The table is kept while no overseen organisation's data version moves (their sum
        # only grows): the figures below are read only when it is rendered again.
        "versions": data_versions(chosen), "asked": request.GET.urlencode(),
        "page": SimpleLazyObject(lambda: _page(chosen, request.GET.get("page"), year, today,
                                               sort)),
        "year": year, "filters": {**filters, "sort": sort},
        "filter_query": urlencode({"q": filters["text"], "kind": filters["kind"],
                                   "province": filters["province"]}),
        "summary": SimpleLazyObject(lambda: summary(chosen, year=year, today=today)),
        "risk": SimpleLazyObject(lambda: below_target_summary(chosen, year=year)),
        "kinds": OrganizationKind.choices,
        "items_total": SimpleLazyObject(lambda: OITItem.objects.filter(year__year=year).count()),
        "provinces": SimpleLazyObject(lambda: [] if request.user.oversight_province else list(
            chosen.model.objects.exclude(province="").order_by("province")
            .values_list("province", flat=True).distinct()))})


def _page(chosen, number, year, today, sort):
    """One page of 50 agencies with their figures and latest official result."""
    page = Paginator(agencies_page_order(chosen, year=year, today=today, sort=sort),
                     50).get_page(number)
    page.object_list = with_figures(list(page.object_list), year=year, today=today)
    results = official_results(page.object_list)
    for org in page.object_list:
        org.official = results.get(org.pk)
    return page
