"""The operator starts, edits, validates and publishes a year; corrections are versioned."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from disclosure.selectors import checklist_items, predicted_result
from disclosure.services import ensure_checklist
from indicators import crosswalk, editing, publishing
from indicators.models import (
    AssessmentYear,
    CriteriaRevision,
    CriteriaStatus,
    CrosswalkRelation,
    ItemCrosswalk,
)
from indicators.selectors import year_rules
from indicators.validation import publish_errors
from organizations.models import Role
from tests.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    return make_user("operator", None, Role.OVERSEER, is_staff=True)


@pytest.fixture
def source(criteria):
    """The newest year in the library: a new year's crosswalk is from it."""
    return AssessmentYear.objects.order_by("-year").first()


@pytest.fixture
def draft(source, operator):
    return publishing.start_year(source=source, year=2599, by=operator)


def test_start_copies_everything_as_a_draft_with_a_same_crosswalk(source, draft):
    assert draft.status == CriteriaStatus.DRAFT and draft.based_on == source
    assert draft.oit_items.count() == source.oit_items.count()
    assert list(draft.tools.values_list("code", "weight")) == list(
        source.tools.values_list("code", "weight"))
    assert draft.bands.count() == source.bands.count()
    rows = ItemCrosswalk.objects.filter(from_year=source, to_year=draft)
    assert rows.count() == source.oit_items.count()
    assert set(rows.values_list("relation", flat=True)) == {CrosswalkRelation.SAME}
    assert draft.revisions.get().action.startswith("เริ่มร่างจากเกณฑ์ปี")


def test_start_refuses_an_existing_year_and_a_year_out_of_range(source, operator):
    for year in (source.year, 101, 9999):
        with pytest.raises(ValidationError):
            publishing.start_year(source=source, year=year, by=operator)


def test_a_fresh_copy_passes_validation_and_publishes(draft, operator):
    assert publish_errors(draft) == []
    publishing.publish(year=draft, status=CriteriaStatus.PROVISIONAL, by=operator)
    draft.refresh_from_db()
    assert draft.is_published and draft.published_by == operator


def test_weights_must_sum_to_one(draft):
    draft.tools.filter(code="OIT").update(weight=Decimal("0.5"))
    assert "น้ำหนักของเครื่องมือรวมกันได้ 1.100 ต้องเท่ากับ 1 พอดี" in publish_errors(draft)


def test_bands_must_cover_zero_to_hundred(draft):
    draft.bands.order_by("-order").filter(pk=draft.bands.order_by("-order")[0].pk).update(
        min_total=10)
    assert any("ไม่ครอบคลุมคะแนน 0–100" in e for e in publish_errors(draft))
    draft.bands.filter(order=0).update(min_total=120)
    assert any("ต้องอยู่ระหว่าง 0 ถึง 100" in e for e in publish_errors(draft))


def test_every_item_of_both_years_must_be_in_the_crosswalk(source, draft):
    ItemCrosswalk.objects.filter(to_year=draft, from_item__code="O5").delete()
    errors = publish_errors(draft)
    assert f"ข้อ O5 ของปี {source.year} ยังไม่อยู่ในตารางเทียบข้อ" in errors
    assert "ข้อ O5 ของปี 2599 ยังไม่อยู่ในตารางเทียบข้อ" in errors


def test_suggested_rows_block_publishing_until_confirmed(draft):
    ItemCrosswalk.objects.filter(to_year=draft).update(confirmed=False)
    assert any("ยังไม่ได้ยืนยัน" in e for e in publish_errors(draft))
    with pytest.raises(ValidationError):
        publishing.publish(year=draft, status=CriteriaStatus.CONFIRMED, by=None)


def test_rename_marks_the_crosswalk_renamed(draft, operator):
    item = draft.oit_items.get(code="O2")
    editing.update_item(item=item, data={"name_th": "ข้อมูลผู้บริหารและอำนาจหน้าที่"},
                        by=operator)
    row = ItemCrosswalk.objects.get(to_item=item)
    assert row.relation == CrosswalkRelation.RENAMED
    assert publish_errors(draft) == []


def test_merge_moves_crosswalk_rows_and_publishes(source, draft, operator):
    keep, other = draft.oit_items.get(code="O1"), draft.oit_items.get(code="O3")
    editing.merge_items(keep=keep, others=[other], by=operator, name_th="โครงสร้างและอำนาจหน้าที่")
    rows = ItemCrosswalk.objects.filter(to_year=draft, to_item=keep)
    assert sorted(r.from_item.code for r in rows) == ["O1", "O3"]
    assert {r.relation for r in rows} == {CrosswalkRelation.MERGED}
    assert not draft.oit_items.filter(code="O3").exists()
    assert publish_errors(draft) == []


def test_a_published_year_needs_a_reason_and_gets_a_new_version(draft, operator):
    publishing.publish(year=draft, status=CriteriaStatus.PROVISIONAL, by=operator)
    item = draft.oit_items.get(code="O2")
    with pytest.raises(ValidationError):
        editing.update_item(item=item, data={"name_th": "ผู้บริหาร"}, by=operator)
    draft.refresh_from_db()
    assert draft.version == 1
    item.refresh_from_db()
    editing.update_item(item=item, data={"name_th": "ผู้บริหาร"}, by=operator,
                        reason="แก้ตามคู่มือ ป.ป.ช. หน้า ๑๒")
    draft.refresh_from_db()
    revision = CriteriaRevision.objects.filter(year=draft).first()
    assert draft.version == 2 and revision.version == 2
    assert revision.reason == "แก้ตามคู่มือ ป.ป.ช. หน้า ๑๒" and revision.by == operator
    assert revision.changes == [{"field": "ชื่อข้อมูล", "before": "ข้อมูลผู้บริหาร",
                                 "after": "ผู้บริหาร"}]


def test_an_answered_item_cannot_disappear_without_a_replacement(draft, operator, org):
    ensure_checklist(org, draft.year)
    item = draft.oit_items.get(code="O4")
    with pytest.raises(ValidationError):
        editing.remove_item(item=item, by=operator)
    assert draft.oit_items.filter(code="O4").exists()


def test_a_correction_moves_answers_and_the_prediction_follows(draft, operator, org, owner):
    """Merging O3 into O1 of a published year: the O3 answer's URL moves to O1, and the
    predicted indicator 9 is recomputed from the corrected structure."""
    publishing.publish(year=draft, status=CriteriaStatus.PROVISIONAL, by=operator)
    ensure_checklist(org, draft.year)
    for code in ("O1", "O3"):
        answer = DisclosureItem.objects.get(organization=org, oit_item__year=draft,
                                            oit_item__code=code)
        answer.status = ItemStatus.PRESENT if code == "O3" else ItemStatus.MISSING
        answer.save()
        if code == "O3":
            EvidenceLink.objects.create(item=answer, url="https://tambon-a.go.th/o3")
    before = predicted_result(org, checklist_items(org, draft.year), year_rules(draft.year))
    editing.merge_items(keep=draft.oit_items.get(code="O1"),
                        others=[draft.oit_items.get(code="O3")], by=operator,
                        reason="ป.ป.ช. รวมข้อ O1 กับ O3")
    kept = DisclosureItem.objects.get(organization=org, oit_item__year=draft,
                                      oit_item__code="O1")
    assert list(kept.links.values_list("url", flat=True)) == ["https://tambon-a.go.th/o3"]
    assert kept.needs_confirmation
    after = predicted_result(org, checklist_items(org, draft.year), year_rules(draft.year))
    assert after["indicators"][9] != before["indicators"][9]
    assert draft.revisions.first().reason == "ป.ป.ช. รวมข้อ O1 กับ O3"


def test_crosswalk_suggestions_pair_same_and_similar_names(source, operator):
    new = publishing.start_year(source=source, year=2598, by=operator)
    ItemCrosswalk.objects.filter(to_year=new).delete()
    new.oit_items.filter(code="O2").update(code="O99")
    rows = {r.to_item.code: r for r in crosswalk.suggest(source, new)}
    assert rows["O1"].relation == CrosswalkRelation.SAME and rows["O1"].from_codes == ["O1"]
    assert rows["O99"].relation == CrosswalkRelation.RENAMED
    assert rows["O99"].from_codes == ["O2"] and not rows["O99"].confirmed
    crosswalk.confirm(previous=source, year=new, rows=list(rows.values()), by=operator)
    assert publish_errors(new) == []


def test_crosswalk_confirm_names_unknown_codes(source, draft, operator):
    rows = crosswalk.suggest(source, draft)
    rows[0].from_codes = ["O404"]
    with pytest.raises(ValidationError) as error:
        crosswalk.confirm(previous=source, year=draft, rows=rows, by=operator)
    assert f"ข้อ O1: ไม่มีข้อ O404 ในปี {source.year}" in error.value.messages
