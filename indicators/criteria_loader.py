"""Load the criteria library from fixtures/criteria into the database.

Idempotent: each row is matched on its natural key and written only when a value differs,
so a second run reports everything unchanged. Rows missing from the files are reported,
never deleted (scores and checklists may point at them).
"""

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from indicators.models import (
    AssessmentYear,
    Indicator,
    ItemCrosswalk,
    OITItem,
    ResultBand,
    SubIndicator,
    Tool,
)

CRITERIA_DIR = Path(settings.BASE_DIR) / "fixtures" / "criteria"
CROSSWALK_NAME = re.compile(r"crosswalk_(\d{4})_(\d{4})\.csv$")


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)

    def add(self, outcome):
        self.counts[outcome] += 1

    @property
    def changed(self):
        return self.counts["created"] + self.counts["updated"]

    def __str__(self):
        c = self.counts
        return f"created {c['created']}, updated {c['updated']}, unchanged {c['unchanged']}"


def upsert(model, lookup, values, report):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        report.add("created")
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        report.add("updated")
    else:
        report.add("unchanged")
    return obj


def _dec(value):
    return None if value is None else Decimal(str(value))


@transaction.atomic
def load_all(root=CRITERIA_DIR):
    report = LoadReport()
    for year_dir in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        load_year(year_dir, report)
    for path in sorted(Path(root).glob("crosswalk_*.csv")):
        load_crosswalk(path, report)
    return report


def load_year(year_dir, report):
    spec = json.loads((year_dir / "criteria.json").read_text(encoding="utf-8"))
    year = upsert(AssessmentYear, {"year": spec["year"]}, {
        "title_th": spec["title_th"], "result_kind": spec["result_kind"],
        "target_score": _dec(spec["target_score"]), "source_note": spec.get("source_note", ""),
    }, report)
    tools = {
        t["code"]: upsert(Tool, {"year": year, "code": t["code"]}, {
            "name_th": t["name_th"], "name_en": t.get("name_en", ""),
            "weight": _dec(t["weight"]), "order": order,
        }, report)
        for order, t in enumerate(spec["tools"])
    }
    indicators = {
        i["number"]: upsert(Indicator, {"year": year, "number": i["number"]}, {
            "tool": tools[i["tool"]], "name_th": i["name_th"], "name_en": i.get("name_en", ""),
        }, report)
        for i in spec["indicators"]
    }
    for order, band in enumerate(spec["bands"]):
        upsert(ResultBand, {"year": year, "label": band["label"]}, {
            "min_total": _dec(band["min_total"]), "min_each_tool": _dec(band["min_each_tool"]),
            "order": order,
        }, report)
    load_oit_items(year, indicators, year_dir / spec["oit_items"], report)


def load_oit_items(year, indicators, path, report):
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    subs = {}
    for order, row in enumerate(rows, start=1):
        key = row["subindicator"]
        if key not in subs:
            subs[key] = upsert(SubIndicator, {
                "indicator": indicators[int(row["indicator"])], "code": key,
            }, {"name_th": row["subindicator_th"], "order": len(subs)}, report)
        upsert(OITItem, {"year": year, "code": row["code"]}, {
            "sub_indicator": subs[key], "order": order, "group_th": row["group_th"],
            "name_th": row["name_th"], "name_en": row["name_en"],
            "data_period": row["data_period"],
            "data_period_derived": row.get("data_period_derived") == "1",
        }, report)


def load_crosswalk(path, report):
    from_year_no, to_year_no = map(int, CROSSWALK_NAME.search(path.name).groups())
    from_year = AssessmentYear.objects.get(year=from_year_no)
    to_year = AssessmentYear.objects.get(year=to_year_no)
    items = {(i.year_id, i.code): i for i in OITItem.objects.filter(year__in=[from_year, to_year])}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            upsert(ItemCrosswalk, {
                "from_year": from_year, "to_year": to_year,
                "from_item": items.get((from_year.pk, row["from_code"])),
                "to_item": items.get((to_year.pk, row["to_code"])),
            }, {"relation": row["relation"], "note": row["note"]}, report)
