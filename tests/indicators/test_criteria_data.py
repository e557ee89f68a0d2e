"""The criteria files themselves: every year 2563–2570, its items and the crosswalks between years.

Read straight from fixtures/criteria, so a wrong file fails here before anything loads it.
"""

import csv
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from indicators.criteria_loader import load_all
from indicators.models import AssessmentYear, ItemCrosswalk, OITItem

ROOT = Path(settings.BASE_DIR) / "fixtures" / "criteria"
YEARS = range(2563, 2571)
COLUMNS = ["code", "indicator", "subindicator", "subindicator_th", "group_th", "name_th",
           "name_en", "data_period", "data_period_derived", "evidence_th", "verified", "note_th",
           "portal_document"]
PERIODS = {"current_fy", "first_half_fy", "previous_fy", "standing"}
RELATIONS = {"same", "renamed", "merged", "split", "new", "removed"}
STATUS = {2563: "provisional", 2564: "provisional", 2565: "confirmed", 2566: "provisional",
          2567: "provisional", 2568: "provisional", 2569: "provisional", 2570: "draft"}
INTERNAL_TAG = re.compile(r"\[[A-Z+/\- ]*\]|file id|\bid \d{5,}")


def columns_of(rows, keys):
    return [[row[key] for key in keys] for row in rows]


def spec(year):
    return json.loads((ROOT / str(year) / "criteria.json").read_text(encoding="utf-8"))


def header_and_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def items(year):
    return header_and_rows(ROOT / str(year) / "oit_items.csv")[1]


def crosswalk(from_year):
    return header_and_rows(ROOT / f"crosswalk_{from_year}_{from_year + 1}.csv")


@pytest.mark.parametrize("year", YEARS)
def test_every_year_has_both_files_with_the_exact_columns(year):
    assert spec(year)["year"] == year
    columns, rows = header_and_rows(ROOT / str(year) / "oit_items.csv")
    assert columns == COLUMNS
    assert len(rows) == (43 if year <= 2567 else 26)
    assert len({r["code"] for r in rows}) == len(rows)


@pytest.mark.parametrize("year", YEARS)
def test_status_and_plain_source_note(year):
    data = spec(year)
    assert data["status"] == STATUS[year]
    assert len(data["source_note"]) > 40
    assert "[" not in data["source_note"]


@pytest.mark.parametrize("year", YEARS)
def test_tools_weights_and_bands_follow_the_framework(year):
    data = spec(year)
    weights = {t["code"]: Decimal(t["weight"]) for t in data["tools"]}
    assert weights == {"IIT": Decimal("0.30"), "EIT": Decimal("0.30"), "OIT": Decimal("0.40")}
    assert [i["number"] for i in data["indicators"]] == list(range(1, 11))
    labels = [b["label"] for b in data["bands"]]
    if year <= 2565:
        assert data["result_kind"] == "grade" and labels == ["AA", "A", "B", "C", "D", "E", "F"]
    else:
        assert data["result_kind"] == "rating"
        assert data["bands"] == spec(2566)["bands"]
    if year >= 2568:
        assert "๓๐" in data["source_note"]  # says the weights are assumed


def test_2563_is_the_2564_framework_and_item_list():
    a, b = spec(2563), spec(2564)
    assert (a["tools"], a["indicators"], a["bands"]) == (b["tools"], b["indicators"], b["bands"])
    keys = ["code", "subindicator", "name_th", "data_period"]
    assert columns_of(items(2563), keys) == columns_of(items(2564), keys)
    assert all(r["note_th"] for r in items(2563))


def test_2570_is_a_draft_copy_of_2569():
    keys = ["code", "subindicator", "name_th", "evidence_th", "portal_document"]
    assert columns_of(items(2570), keys) == columns_of(items(2569), keys)
    assert "๒๕๖๙" in spec(2570)["source_note"]


@pytest.mark.parametrize("year", YEARS)
def test_every_item_has_evidence_period_and_plain_notes(year):
    for row in items(year):
        assert row["evidence_th"].strip(), row["code"]
        assert row["data_period"] in PERIODS, row["code"]
        assert row["data_period_derived"] in {"0", "1"}
        assert not INTERNAL_TAG.search(row["name_th"] + row["note_th"]), row["code"]
        assert "[" not in row["name_th"] + row["note_th"] + row["subindicator_th"]
        assert row["subindicator"], row["code"]
        if row["verified"] == "1":
            assert year == 2565 and row["note_th"] == ""
        else:
            assert row["verified"] == "0" and row["note_th"].strip(), row["code"]


def test_only_2565_is_verified():
    assert {r["verified"] for r in items(2565)} == {"1"}
    for year in set(YEARS) - {2565}:
        assert {r["verified"] for r in items(year)} == {"0"}


@pytest.mark.parametrize("year", YEARS)
def test_portal_documents_point_at_the_right_items(year):
    docs = {r["code"]: r["portal_document"] for r in items(year) if r["portal_document"]}
    if year <= 2567:
        assert docs == {"O42": "analysis", "O43": "report"}
    elif year == 2568:
        assert docs == {}
        assert "ยังไม่ได้กำหนด" in spec(year)["source_note"]
    else:
        assert docs == {"O25": "analysis", "O26": "report"}


def test_2569_items_are_grouped_like_the_2568_items_they_continue():
    subs = [r["subindicator"] for r in items(2569)]
    assert sorted(set(subs)) == sorted({r["subindicator"] for r in items(2568)})
    assert {"9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"} == set(subs)
    assert all("๒๕๖๘" in r["note_th"] for r in items(2569))


@pytest.mark.parametrize("from_year", range(2563, 2570))
def test_crosswalk_covers_every_item_of_both_years(from_year):
    columns, rows = crosswalk(from_year)
    assert columns == ["from_code", "to_code", "relation", "note"]
    old = {r["code"] for r in items(from_year)}
    new = {r["code"] for r in items(from_year + 1)}
    assert {r["from_code"] for r in rows} - {""} == old
    assert {r["to_code"] for r in rows} - {""} == new
    assert not INTERNAL_TAG.search("".join(r["note"] for r in rows))


@pytest.mark.parametrize("from_year", range(2563, 2570))
def test_crosswalk_relations_are_consistent(from_year):
    rows = crosswalk(from_year)[1]
    by_to, by_from = defaultdict(list), defaultdict(list)
    for row in rows:
        assert row["relation"] in RELATIONS
        assert (row["from_code"] == "") == (row["relation"] == "new")
        assert (row["to_code"] == "") == (row["relation"] == "removed")
        if row["from_code"] and row["to_code"]:
            by_to[row["to_code"]].append(row)
            by_from[row["from_code"]].append(row)
    for group in by_to.values():
        merged = [r["relation"] == "merged" for r in group]
        assert all(merged) if len(group) > 1 else not any(merged), group
    for group in by_from.values():
        split = [r["relation"] == "split" for r in group]
        assert all(split) if len(group) > 1 else not any(split), group


def test_2568_merges_named_in_the_sources():
    rows = crosswalk(2567)[1]
    merged = defaultdict(set)
    for row in rows:
        if row["relation"] == "merged":
            merged[row["to_code"]].add(row["from_code"])
    assert merged["O1"] == {"O1", "O3"}
    assert merged["O6"] == {"O11", "O12"}
    assert merged["O16"] == {"O39", "O40"}
    assert merged["O21"] == {"O31", "O32"}
    removed = {r["from_code"] for r in rows if r["relation"] == "removed"}
    assert {"O10", "O42", "O43"} <= removed
    merged_69 = {r["from_code"] for r in crosswalk(2568)[1] if r["to_code"] == "O20"}
    assert merged_69 == {"O21", "O22"}


@pytest.mark.django_db
def test_load_all_loads_every_year_and_a_second_run_changes_nothing(criteria):
    load_all()
    assert sorted(AssessmentYear.objects.values_list("year", flat=True)) == list(YEARS)
    for year in YEARS:
        assert OITItem.objects.filter(year__year=year).count() == len(items(year))
    for from_year in range(2563, 2570):
        loaded = ItemCrosswalk.objects.filter(from_year__year=from_year)
        assert loaded.count() == len(crosswalk(from_year)[1])
        # every code in the file resolved to an item
        assert not loaded.filter(from_item=None, to_item=None).exists()
        assert not loaded.filter(from_item=None).exclude(relation="new").exists()
        assert not loaded.filter(to_item=None).exclude(relation="removed").exists()
    assert load_all().changed == 0
