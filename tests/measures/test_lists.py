import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ita_portal.spreadsheets import DATE_FORMAT
from measures.models import Measure
from measures.selectors import my_measures
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(org):
    """Measures of กองคลัง in every situation, and one of สำนักปลัด."""
    return {
        "overdue": make_measure(org, 1, start_offset=-90, end_offset=-1),
        "due_soon": make_measure(org, 2, end_offset=10),
        "stale": make_measure(org, 3, end_offset=120),
        "done": make_measure(org, 4, end_offset=-5, status="done", percent=100),
        "office": make_measure(org, 5, department="สำนักปลัด", end_offset=-2),
    }


def test_my_measures_buckets(owner, spread):
    buckets = my_measures(owner)
    assert [m.number for m in buckets["overdue"]] == [1]
    assert [m.number for m in buckets["due_soon"]] == [2]
    assert [m.number for m in buckets["stale"]] == [3]
    assert buckets["closed_count"] == 1


def test_a_measure_carried_into_the_next_year_is_no_longer_my_work(owner, org, org_admin,
                                                                    spread):
    """UX re-check: the demo's carried 2565 measures stayed in งานของฉัน as "ยังไม่เริ่ม ·
    เลยกำหนด" (and in reminders, the dashboard and the weekly summary): the work goes on in
    the measure it was carried to."""
    from measures.rollover import carry_measure
    from measures.selectors import my_work_counts

    before = my_work_counts(owner)
    new = carry_measure(measure=spread["overdue"], fiscal_year=2571, by=org_admin)
    buckets = my_measures(owner)
    assert 1 not in [m.number for m in buckets["overdue"]]
    assert new.pk in [m.pk for bucket in ("overdue", "due_soon", "stale", "other")
                      for m in buckets[bucket]]
    assert my_work_counts(owner)["overdue"] == before["overdue"] - 1


def listed_numbers(client, query=""):
    body = client.get(reverse("measure-list") + query).content.decode()
    return sorted(int(n) for n in re.findall(r'data-label="ที่">(\d+)</td>', body))


def csv_numbers(client, query):
    response = client.get(reverse("measure-list") + query + "&export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "ที่"
    return sorted(int(r[0]) for r in rows[1:])


@pytest.mark.parametrize("query", ["?overdue=true", "?overdue=false", "?status=done",
                                   "?q=ทดสอบที่ 3", "?fiscal_year=2570"])
def test_export_matches_the_filtered_list(client, owner, spread, query):
    client.force_login(owner)
    shown = listed_numbers(client, query)
    assert shown and csv_numbers(client, query) == shown


def test_filters_select_the_right_measures(client, owner, spread, org):
    client.force_login(owner)
    assert listed_numbers(client, "?overdue=true") == [1, 5]
    office = org.departments.get(name_th="สำนักปลัด")
    assert listed_numbers(client, f"?department={office.pk}") == [5]
    assert listed_numbers(client, "?status=done") == [4]


def test_xlsx_export_has_thai_headers_and_the_rows(client, owner, spread):
    client.force_login(owner)
    response = client.get(reverse("measure-list") + "?status=not_started&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("ที่", "มาตรการ/แนวทาง")
    assert sorted(r[0] for r in rows[1:]) == [1, 2, 3, 5]
    # dates are date cells in the Thai calendar (UX re-check: they were text '2026-10-01')
    column = rows[0].index("วันเริ่ม") + 1
    starts = [sheet.cell(row=r, column=column) for r in range(2, len(rows) + 1)]
    assert all(c.is_date and c.number_format == DATE_FORMAT for c in starts)
    first = next(c for c, r in zip(starts, rows[1:], strict=True) if r[0] == 1)
    assert first.value.date() == spread["overdue"].start_date


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", ["measure-list", "my-measures", "measure-detail"])
def test_pages_run_a_constant_number_of_queries(client, owner, org, url_name):
    from measures.services import progress_update_create
    from tests.measures.test_services import update_input
    first = make_measure(org, 1)

    def add_update():
        first.refresh_from_db()
        progress_update_create(measure=first, by=owner, expected_version=first.version,
                               data=update_input(urls=["https://a.go.th"]))

    add_update()
    client.force_login(owner)
    url = reverse(url_name, args=[first.pk]) if url_name == "measure-detail" else reverse(url_name)
    few = count_queries(client, url)
    for number in range(2, 30):
        make_measure(org, number)
    for _ in range(5):
        add_update()
    assert count_queries(client, url) == few
    assert Measure.objects.count() == 29
