"""Moving an organisation into a new year: preview, then the checklist through the crosswalk
(merged and split items too) and the unfinished measures carried or closed, as previewed."""

import datetime

import pytest
from django.urls import reverse

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from disclosure.services import ensure_checklist
from indicators import editing, publishing
from indicators.models import AssessmentYear, CrosswalkRelation, Indicator, ItemCrosswalk
from measures.models import Measure, Status
from organizations.models import Role
from reports import rollover
from tests.measures.conftest import make_measure
from tests.personas import make_user

pytestmark = pytest.mark.django_db
NEW = 2690


@pytest.fixture
def years(criteria):
    operator = make_user("operator", None, Role.OVERSEER, is_staff=True)
    source = AssessmentYear.objects.order_by("-year").first()
    new = publishing.start_year(source=source, year=NEW, by=operator)
    editing.merge_items(keep=new.oit_items.get(code="O1"), others=[new.oit_items.get(code="O3")],
                        by=operator)
    # O4 of the source year is split into O4 and O5 of the new one
    ItemCrosswalk.objects.filter(to_year=new, to_item__code__in=["O4", "O5"]).delete()
    for code in ("O4", "O5"):
        ItemCrosswalk.objects.create(from_year=source, to_year=new,
                                     from_item=source.oit_items.get(code="O4"),
                                     to_item=new.oit_items.get(code=code),
                                     relation=CrosswalkRelation.SPLIT)
    return source, new


@pytest.fixture
def answered(org, years):
    source, _ = years
    ensure_checklist(org, source.year)
    for code in ("O1", "O3", "O4"):
        answer = DisclosureItem.objects.get(organization=org, oit_item__year=source,
                                            oit_item__code=code)
        answer.status = ItemStatus.PRESENT
        answer.save()
        EvidenceLink.objects.create(item=answer, url=f"https://tambon-a.go.th/{code.lower()}")
    return source


@pytest.fixture
def measures(org, answered):
    fy = answered.year
    carried = make_measure(org, 1, status=Status.IN_PROGRESS, percent=40)
    carried.indicators.set(Indicator.objects.filter(year=answered, number__in=[1, 9]))
    done = make_measure(org, 2, status=Status.DONE, percent=100)
    closing = make_measure(org, 3)
    Measure.objects.filter(pk__in=[carried.pk, done.pk, closing.pk]).update(fiscal_year=fy)
    carried.steps.filter(order=1).update(done_at=datetime.datetime.now(datetime.UTC))
    return carried, done, closing


def test_preview_shows_merged_split_and_unfinished_measures(org, measures):
    plan = rollover.plan(org, NEW)
    rows = {row.item.code: row for row in plan.checklist}
    assert sorted(rows["O1"].from_codes) == ["O1", "O3"] and rows["O1"].urls == 2
    assert rows["O4"].from_codes == ["O4"] and rows["O5"].from_codes == ["O4"]
    assert rows["O5"].relation == CrosswalkRelation.SPLIT.label and rows["O5"].urls == 1
    assert [m.number for m in plan.measures] == [1, 3]


def test_apply_moves_everything_as_previewed(org, org_admin, measures):
    carried, done, closing = measures
    result = rollover.apply(org, NEW, by=org_admin, closing={closing.pk: "ยกเลิกตามมติที่ประชุม"})
    assert result["carried"] == 1 and result["closed"] == 1
    answers = {a.oit_item.code: a for a in DisclosureItem.objects.filter(
        organization=org, oit_item__year__year=NEW).select_related("oit_item")}
    assert sorted(answers["O1"].links.values_list("url", flat=True)) == [
        "https://tambon-a.go.th/o1", "https://tambon-a.go.th/o3"]
    for code in ("O4", "O5"):
        assert list(answers[code].links.values_list("url", flat=True)) == [
            "https://tambon-a.go.th/o4"]
        assert answers[code].needs_confirmation
        assert answers[code].status == ItemStatus.IN_PROGRESS
    new = Measure.objects.get(organization=org, fiscal_year=NEW)
    assert new.carried_from == carried and new.status == Status.IN_PROGRESS
    assert new.percent == 40 and new.start_date == datetime.date(2146, 10, 1)
    assert list(new.steps.values_list("text", flat=True)) == ["เผยแพร่บนเว็บไซต์หลัก"]
    assert {(i.year.year, i.number) for i in new.indicators.all()} == {
        (NEW, i.number) for i in carried.indicators.all()}  # the new year's, by number
    assert "ยกไปดำเนินการต่อ" in carried.events.last().note
    closing.refresh_from_db()
    assert closing.status == Status.CANCELLED
    assert "ยกเลิกตามมติที่ประชุม" in closing.events.last().note
    again = rollover.apply(org, NEW, by=org_admin, closing={})
    assert again == {"items": 0, "carried": 0, "closed": 0}


def test_closing_needs_a_reason_and_changes_nothing(org, org_admin, measures):
    with pytest.raises(Exception, match="ระบุเหตุผล"):
        rollover.apply(org, NEW, by=org_admin, closing={measures[2].pk: " "})
    assert not Measure.objects.filter(fiscal_year=NEW).exists()
    assert not DisclosureItem.objects.filter(oit_item__year__year=NEW).exists()


@pytest.mark.parametrize(("name", "expected"), [
    ("owner", 403), ("other_staff", 403), ("committee", 403), ("org_admin", 200)])
def test_only_the_admin_moves_the_organisation(client, personas, measures, name, expected):
    client.force_login(personas[name])
    assert client.get(reverse("rollover", args=[NEW])).status_code == expected


def test_overseer_and_anonymous_cannot(client, overseer, measures):
    assert client.get(reverse("rollover", args=[NEW])).status_code == 302
    client.force_login(overseer)
    assert client.get(reverse("rollover", args=[NEW])).status_code in (403, 404)


def test_the_browser_form_carries_and_closes(client, org, org_admin, measures):
    carried, _, closing = measures
    client.force_login(org_admin)
    page = client.get(reverse("rollover", args=[NEW])).content.decode()
    assert "มาตรการที่ยังไม่เสร็จ" in page and "ยกข้อมูลได้" in page
    response = client.post(reverse("rollover", args=[NEW]), {
        f"m-{carried.pk}": "carry", f"m-{closing.pk}": "close",
        f"reason-{closing.pk}": "ไม่จำเป็นแล้ว"})
    assert response.status_code == 302
    assert Measure.objects.filter(fiscal_year=NEW, carried_from=carried).exists()
