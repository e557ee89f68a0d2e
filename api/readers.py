"""What the API reads for one organisation, through the apps' own selectors."""

from collections import Counter

from django.utils import timezone

from disclosure.selectors import checklist_items, item_passes
from indicators.selectors import organization_results
from measures.deadlines import is_overdue
from measures.models import Measure
from reports.publishing import public_documents


def results(organization):
    return [{"year": r.year.year, "total": r.result.total, "band": r.result.band,
             "target": r.year.target_score,
             "below_target": None if r.result.total is None
             else r.result.total < r.year.target_score,
             "indicators": [{"number": i.number, "name": i.name_th, "score": score}
                            for i, score, _ in r.indicators]}
            for r in organization_results(organization)]


def checklist(organization, year):
    items = checklist_items(organization, year)
    out = [{"code": item.oit_item.code, "name": item.oit_item.name_th, "status": item.status,
            "counts": item_passes(item),
            "links": [{"url": link.url, "on_main_website": not link.off_site_reason,
                       "broken": link.is_broken, "last_checked_at": link.last_checked_at}
                      for link in getattr(item, "active_links", [])]}
           for item in items]
    return {"year": year, "items_in_year": len(out),
            "items_counting": sum(1 for i in out if i["counts"]), "items": out}


def measures(organization, fiscal_year):
    today = timezone.localdate()
    rows = list(Measure.objects.filter(organization=organization, fiscal_year=fiscal_year)
                .order_by("number").only("number", "title", "status", "percent", "start_date",
                                         "end_date", "fiscal_year", "organization"))
    by_status = dict(Counter(m.status for m in rows))
    listed = [{"number": m.number, "title": m.title, "status": m.status, "percent": m.percent,
               "start_date": m.start_date, "end_date": m.end_date,
               "overdue": is_overdue(m, today)} for m in rows]
    return {"fiscal_year": fiscal_year, "by_status": by_status,
            "overdue": sum(1 for m in listed if m["overdue"]), "measures": listed}


def documents(organization):
    return [{"title": d.title, "url": d.public_url, "sha256": d.sha256,
             "oit_item": d.oit_item.code if d.oit_item else None,
             "published_at": d.published_at}
            for d in public_documents(organization)]
