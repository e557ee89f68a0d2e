"""Load the criteria library from fixtures/criteria into the database.

Idempotent: each row is matched on its natural key and written only when a value differs,
so a second run reports everything unchanged. Rows missing from the files are reported,
never deleted (scores and checklists may point at them). A year that an operator has changed
in the portal (it has revisions) is the operator's: the files never overwrite it.
"""

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from indicators.models import AssessmentYear, CriteriaRevision, ItemCrosswalk, OITItem
from indicators.spec import apply_spec, spec_from_fixture
from indicators.spec_check import check_spec

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
        text = f"created {c['created']}, updated {c['updated']}, unchanged {c['unchanged']}"
        if c["kept"]:
            text += f", kept {c['kept']} year(s) edited in the portal"
        return text


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


def edited_in_portal():
    """Years an operator has changed in the browser: the fixture files leave them alone."""
    return set(CriteriaRevision.objects.values_list("year__year", flat=True))


@transaction.atomic
def load_all(root=CRITERIA_DIR):
    report = LoadReport()
    kept = edited_in_portal()
    for year_dir in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        if int(year_dir.name) in kept:
            report.add("kept")
            continue
        load_year(year_dir, report)
    for path in sorted(Path(root).glob("crosswalk_*.csv")):
        if kept.isdisjoint(map(int, CROSSWALK_NAME.search(path.name).groups())):
            load_crosswalk(path, report)
    return report


class BadCriteria(ValueError):
    pass


def load_year(year_dir, report):
    clean, errors = check_spec(spec_from_fixture(year_dir))
    if errors:
        raise BadCriteria(f"{year_dir.name}: " + "; ".join(errors))
    return apply_spec(clean, lambda model, lookup, values: upsert(model, lookup, values,
                                                                   report))


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
