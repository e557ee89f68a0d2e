"""A year's criteria as one plain document (a dict), and writing such a document.

The same document comes from the fixture files, from the database (export) and from an
operator's upload, and is written by `apply_spec` alone, so the three cannot drift apart.
"""

import csv
import json

from indicators.models import (
    AssessmentYear,
    Indicator,
    ItemCrosswalk,
    OITItem,
    ResultBand,
    SubIndicator,
    Tool,
)
from indicators.years import previous_year

FORMAT = "ita-criteria/1"
YEAR_FIELDS = ("year", "title_th", "result_kind", "target_score", "status", "source_note")
ITEM_FIELDS = ("code", "subindicator", "group_th", "name_th", "name_en", "data_period",
               "data_period_derived", "evidence_th", "verified", "note_th", "portal_document")


def year_spec(year):
    """The document of a year in the database, with its crosswalk from the year before."""
    previous = previous_year(year)
    items = year.oit_items.select_related("sub_indicator__indicator").order_by("order")
    subs = SubIndicator.objects.filter(indicator__year=year).select_related("indicator")
    return {
        "format": FORMAT, **{f: _plain(getattr(year, f)) for f in YEAR_FIELDS},
        "tools": [{"code": t.code, "name_th": t.name_th, "name_en": t.name_en,
                   "weight": str(t.weight)} for t in year.tools.order_by("order")],
        "indicators": [{"number": i.number, "tool": i.tool.code, "name_th": i.name_th,
                        "name_en": i.name_en}
                       for i in year.indicators.select_related("tool").order_by("number")],
        "bands": [{"label": b.label, "min_total": str(b.min_total),
                   "min_each_tool": _plain(b.min_each_tool)} for b in year.bands.order_by("order")],
        "sub_indicators": [{"indicator": s.indicator.number, "code": s.code, "name_th": s.name_th}
                           for s in subs.order_by("indicator__number", "order")],
        "oit_items": [_item(i) for i in items],
        "crosswalk_from": previous.year if previous else None,
        "crosswalk": _crosswalk(previous, year) if previous else [],
    }


def _plain(value):
    return value if value is None or isinstance(value, int | str) else str(value)


def _item(item):
    row = {f: getattr(item, f) for f in ITEM_FIELDS if f != "subindicator"}
    row["subindicator"] = item.sub_indicator.code
    return {f: row[f] for f in ITEM_FIELDS}


def _crosswalk(previous, year):
    rows = ItemCrosswalk.objects.filter(from_year=previous, to_year=year).select_related(
        "from_item", "to_item").order_by("to_item__order", "from_item__order")
    return [{"from_code": r.from_item.code if r.from_item else "",
             "to_code": r.to_item.code if r.to_item else "", "relation": r.relation,
             "note": r.note} for r in rows]


def spec_from_fixture(year_dir):
    """The document of a year kept as criteria.json + oit_items.csv under fixtures/criteria."""
    spec = json.loads((year_dir / "criteria.json").read_text(encoding="utf-8"))
    with open(year_dir / spec.pop("oit_items"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    subs = {}
    for row in rows:
        subs.setdefault(row["subindicator"], {"indicator": int(row["indicator"]),
                                              "code": row["subindicator"],
                                              "name_th": row["subindicator_th"]})
    spec["sub_indicators"] = list(subs.values())
    spec["oit_items"] = [{
        **{f: row.get(f, "") for f in ITEM_FIELDS},
        "data_period_derived": row.get("data_period_derived") == "1",
        "verified": row.get("verified", "1") != "0",
    } for row in rows]
    spec.setdefault("status", "provisional")
    return spec


def apply_spec(spec, upsert, *, prune=False):
    """Write a checked document; `upsert(model, lookup, values)` writes one row. With prune,
    rows of the year that the document no longer has are deleted (items only when unused)."""
    year = upsert(AssessmentYear, {"year": spec["year"]},
                  {f: spec[f] for f in YEAR_FIELDS if f != "year" and f in spec})
    tools = {t["code"]: upsert(Tool, {"year": year, "code": t["code"]}, {
        "name_th": t["name_th"], "name_en": t.get("name_en", ""), "weight": t["weight"],
        "order": n}) for n, t in enumerate(spec["tools"])}
    indicators = {i["number"]: upsert(Indicator, {"year": year, "number": i["number"]}, {
        "tool": tools[i["tool"]], "name_th": i["name_th"], "name_en": i.get("name_en", "")})
        for i in spec["indicators"]}
    bands = [upsert(ResultBand, {"year": year, "label": b["label"]}, {
        "min_total": b["min_total"], "min_each_tool": b.get("min_each_tool"), "order": n})
        for n, b in enumerate(spec["bands"])]
    subs = {s["code"]: upsert(SubIndicator, {"indicator": indicators[s["indicator"]],
                                             "code": s["code"]},
                              {"name_th": s["name_th"], "order": n})
            for n, s in enumerate(spec["sub_indicators"])}
    items = [upsert(OITItem, {"year": year, "code": row["code"]}, {
        **{f: row[f] for f in ITEM_FIELDS if f not in ("code", "subindicator") and f in row},
        "sub_indicator": subs[row["subindicator"]], "order": n})
        for n, row in enumerate(spec["oit_items"], start=1)]
    if prune:
        _prune(year, tools.values(), indicators.values(), bands, subs.values(), items)
    return year


def _prune(year, tools, indicators, bands, subs, items):
    OITItem.objects.filter(year=year).exclude(pk__in=[i.pk for i in items]).delete()
    SubIndicator.objects.filter(indicator__year=year).exclude(
        pk__in=[s.pk for s in subs]).delete()
    ResultBand.objects.filter(year=year).exclude(pk__in=[b.pk for b in bands]).delete()
    Indicator.objects.filter(year=year).exclude(pk__in=[i.pk for i in indicators]).delete()
    Tool.objects.filter(year=year).exclude(pk__in=[t.pk for t in tools]).delete()
