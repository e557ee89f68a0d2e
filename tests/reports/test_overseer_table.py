"""The overseer's table: every agency of the province with the figures its own pages show,
filtered and sorted in the database, downloadable, a constant number of queries a page."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disclosure.models import DisclosureItem, EvidenceLink, ItemStatus
from disclosure.services import ensure_checklist
from indicators.models import Indicator, IndicatorScore
from tests.measures.conftest import make_measure
from tests.personas import make_org

pytestmark = pytest.mark.django_db


def give(org, overdue=0, disclosed=0, broken=0):
    for n in range(overdue):
        make_measure(org, 100 + n, end_offset=-5)
    make_measure(org, 1, end_offset=30)  # on time
    ensure_checklist(org, 2570)
    items = list(DisclosureItem.objects.filter(organization=org, oit_item__year__year=2570)
                 .order_by("oit_item__order"))
    for item in items[:disclosed]:
        DisclosureItem.objects.filter(pk=item.pk).update(status=ItemStatus.PRESENT)
    for item in items[:broken]:
        EvidenceLink.objects.create(item=item, url=f"https://{org.slug}.go.th/x",
                                    is_broken=True)


def test_the_table_shows_each_agencys_figures(client, criteria, org, overseer):
    give(org, overdue=2, disclosed=3, broken=1)
    quiet = make_org("tambon-q", "เทศบาลตำบลเงียบ")
    give(quiet)
    far = make_org("tambon-far", "เทศบาลตำบลไกล", province="เชียงใหม่")
    give(far, overdue=5)
    for indicator in Indicator.objects.filter(year__year=2567):
        IndicatorScore.objects.create(organization=org, indicator=indicator, score=Decimal("80"))
    client.force_login(overseer)
    body = client.get(reverse("home")).content.decode()
    assert org.name_th in body and quiet.name_th in body and far.name_th not in body
    assert "ทั้งหมด <strong>๒</strong> หน่วยงาน" in body
    assert "มีมาตรการเลยกำหนด <strong class=\"bad\">๑</strong>" in body
    assert "ต่ำกว่าเป้าหมาย" in body and "๘๐.๐๐" in body
    export = client.get(reverse("home"), {"export": "csv", "sort": "overdue"})
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[1][0] == org.name_th and rows[1][6:9] == ["3", "1", "2"]
    assert rows[2][0] == quiet.name_th and rows[2][6:9] == ["0", "0", "0"]
    assert rows[1][4] == "80.00"


def test_filters_and_sorting(client, criteria, org, overseer):
    give(org, overdue=1)
    other = make_org("tambon-b", "องค์การบริหารส่วนตำบลบี")
    other.kind = "sao"
    other.save()
    give(other, overdue=3)
    client.force_login(overseer)
    by_overdue = client.get(reverse("home"), {"sort": "overdue"}).content.decode()
    assert by_overdue.index(other.name_th) < by_overdue.index(org.name_th)
    only_sao = client.get(reverse("home"), {"kind": "sao"}).content.decode()
    assert other.name_th in only_sao and org.name_th not in only_sao
    found = client.get(reverse("home"), {"q": "บี"}).content.decode()
    assert other.name_th in found and org.name_th not in found
    assert client.get(reverse("home"), {"sort": "drop table"}).status_code == 200


def test_a_page_costs_the_same_queries_for_few_or_many_agencies(client, criteria, org,
                                                                overseer):
    give(org, overdue=1, disclosed=2, broken=1)
    client.force_login(overseer)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("home"))
        return len(ctx.captured_queries)

    few = count()
    for n in range(12):
        give(make_org(f"tambon-{n}", f"เทศบาลตำบลที่ {n}"), overdue=1, disclosed=1)
    assert count() == few


def test_members_do_not_get_the_table(client, personas):
    for name in ("owner", "committee", "org_admin"):
        client.force_login(personas[name])
        assert "หน่วยงานในความดูแล" not in client.get(reverse("home")).content.decode()


def test_after_a_change_elsewhere_the_page_keeps_its_rows_and_counts_again(client, criteria,
                                                                            org, overseer):
    """A change of an agency that is not on the page moves the summary, not the page's rows;
    a change of one on the page makes its rows again."""
    from unittest import mock

    from reports import overseer_views
    first = make_org("tambon-0", "เทศบาลตำบลกกกก")  # first by name: on page 1
    for n in range(50):
        make_org(f"tambon-z{n:02}", f"เทศบาลตำบลฮฮ{n:02}")  # fill page 1
    last = make_org("tambon-zz", "เทศบาลตำบลฮฮฮฮ")  # after them: on page 2
    client.force_login(overseer)
    with mock.patch.object(overseer_views, "rows", wraps=overseer_views.rows) as made:
        client.get(reverse("home"))
        assert made.call_count == 1
        give(last, overdue=1)
        body = client.get(reverse("home")).content.decode()
        assert made.call_count == 1  # page 1's rows kept
        assert "มีมาตรการเลยกำหนด <strong class=\"bad\">๑</strong>" in body  # summary moved
        give(first, overdue=2)
        body = client.get(reverse("home")).content.decode()
        assert made.call_count == 2
        assert "มีมาตรการเลยกำหนด <strong class=\"bad\">๒</strong>" in body


def test_rows_read_while_an_agency_changes_are_not_kept_for_its_new_figures(
        client, criteria, org, overseer, monkeypatch):
    """The rows' key is the version of the figures they are read from: a change committed
    after the figures were made and before the page was read does not leave the old rows kept
    under the agency's new version."""
    from organizations import versions
    from reports import overseer_views

    give(org)
    client.force_login(overseer)
    client.get(reverse("home"))
    cell = 'data-label="มาตรการเลยกำหนด">๑</td>'
    page = overseer_views._page

    def change_meanwhile(*args, **kwargs):
        make_measure(org, 7, end_offset=-2)  # overdue: the agency's data moves
        return page(*args, **kwargs)

    versions.touch(org.pk)  # some change: the next request makes the table again
    with monkeypatch.context() as racing:
        racing.setattr(overseer_views, "_page", change_meanwhile)
        assert cell not in client.get(reverse("home")).content.decode()
    assert cell in client.get(reverse("home")).content.decode()
