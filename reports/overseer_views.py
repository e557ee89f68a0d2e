"""The overseer's home: the table of every agency under them, filtered, sorted, paged or
downloaded as CSV; each row opens the agency read-only."""

from functools import cache
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
from organizations.models import Organization, OrganizationKind
from organizations.versions import province_changes
from reports.overseer import (
    SORTS,
    agencies,
    current,
    official,
    ordered,
    overseen,
    rows,
    summary,
)

HEADERS = ["หน่วยงาน", "ประเภท", "จังหวัด", "ผลทางการ (ปี)", "คะแนนรวม", "ระดับ",
           "OIT ที่เผยแพร่", "ลิงก์เสีย", "มาตรการเลยกำหนด", "ความเคลื่อนไหวล่าสุด"]


def _filters(request):
    get = request.GET
    kind = get.get("kind", "")
    return {"sort": get.get("sort") if get.get("sort") in SORTS else "name",
            "kind": kind if kind and kind in OrganizationKind.values else "",
            "province": get.get("province", "")[:80], "text": get.get("q", "").strip()[:100]}


def _csv_rows(orgs):
    for org in orgs:
        result = official(org)
        yield [org.name_th, org.get_kind_display(), org.province,
               result.year if result else "",
               score(result.total) if result and result.total is not None else "",
               result.band if result else "", org.disclosed, org.broken, org.overdue,
               thai_date(timezone.localtime(org.last_activity).date())
               if org.last_activity else ""]


def overseer_home(request):
    year, today, filters = year_in_progress(), timezone.localdate(), _filters(request)
    sort = filters.pop("sort")
    chosen = cache(lambda: overseen(request.user, **filters))  # built only when read
    if request.GET.get("export") == "csv":
        orgs = agencies(current(chosen(), year=year, today=today), sort=sort)
        return csv_response(HEADERS, _csv_rows(orgs.iterator(chunk_size=2000)),
                            f"agencies-{year}")
    ready = cache(lambda: current(chosen(), year=year, today=today))  # once, when first read
    versions = province_changes(request.user.oversight_province or filters["province"] or None)
    totals = SimpleLazyObject(lambda: summary(ready(), year=year))
    page = SimpleLazyObject(lambda: _page(ready(), request.GET.get("page"), sort,
                                          count=totals["total"]))
    return render(request, "reports/home_overseer.html", {
        # The whole part is kept while the organisations of the province (or the country) are
        # unchanged; after a change there, the page's rows are kept while the page holds the
        # same agencies at the same versions. Figures are read only when rendered.
        "versions": versions, "asked": request.GET.urlencode(), "page": page,
        "rows_key": SimpleLazyObject(lambda: _rows_key(page)),
        "rows": SimpleLazyObject(lambda: rows([pk for pk, _ in page.object_list])),
        "year": year, "filters": {**filters, "sort": sort},
        "filter_query": urlencode({"q": filters["text"], "kind": filters["kind"],
                                   "province": filters["province"]}),
        "summary": totals,
        "kinds": SimpleLazyObject(lambda: OrganizationKind.choices),
        "items_total": SimpleLazyObject(lambda: OITItem.objects.filter(year__year=year).count()),
        "provinces": SimpleLazyObject(lambda: [] if request.user.oversight_province else list(
            Organization.objects.exclude(province="").order_by("province")
            .values_list("province", flat=True).distinct()))})


def _page(orgs, number, sort, *, count):
    """One page of 50 agencies: (id, version of its figures) in the order asked: the rows'
    key is what the rows are read from, never newer than them. `count`: how many agencies
    (the summary's, counted in its pass; not their join with the figures)."""
    paginator = Paginator(ordered(orgs, sort=sort).values_list("pk", "figures__version"), 50)
    paginator.count = count
    return paginator.get_page(number)


def _rows_key(page):
    """What the page's rows are made of: which agencies, at which versions, of how many."""
    shown = ",".join(f"{pk}.{version}" for pk, version in page.object_list)
    return f"{page.number}/{page.paginator.count}:{shown}"
