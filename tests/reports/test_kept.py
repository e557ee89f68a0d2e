"""The dashboard and the overseer's table keep their rendered parts while the data under them
is unchanged and show any change at once."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indicators.models import Indicator, IndicatorScore
from organizations.models import Role
from reports.models import Committee, Meeting
from tests.measures.conftest import make_measure
from tests.personas import make_org, make_user

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def get(client, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return TOKEN.sub("", response.content.decode()), len(ctx.captured_queries)


def test_unchanged_dashboard_is_read_once(client, criteria, org, committee):
    make_measure(org, 1, end_offset=-3)
    client.force_login(committee)
    first, rendered = get(client, reverse("dashboard"))
    again, kept = get(client, reverse("dashboard"))
    assert again == first and kept <= 9 < rendered  # pinned: session, user, org, years, notices


def test_dashboard_shows_new_scores_a_meeting_and_a_measure_at_once(client, criteria, org,
                                                                    committee):
    client.force_login(committee)
    body, _ = get(client, reverse("dashboard"))
    assert "ยังไม่มีคะแนนทางการ" in body and "ประชุมครั้งถัดไป" not in body
    for indicator in Indicator.objects.filter(year__year=2566):
        IndicatorScore.objects.create(organization=org, indicator=indicator, score=Decimal("91"))
    Meeting.objects.create(organization=org, committee=Committee.objects.create(
        organization=org, name_th="คณะทำงาน ITA"), fiscal_year=2570, number=1,
        date=timezone.localdate() + datetime.timedelta(days=7))
    make_measure(org, 1, end_offset=-3)
    body, _ = get(client, reverse("dashboard"))
    assert "ITA ๒๕๖๖" in body and "ประชุมครั้งถัดไป" in body and "คณะทำงาน ITA" in body
    assert "เลยกำหนด (๑)" in body


def test_unchanged_overseer_table_is_read_once_and_follows_every_agency(client, criteria, org,
                                                                          overseer):
    make_measure(org, 1, end_offset=30)
    client.force_login(overseer)
    first, rendered = get(client, reverse("home"))
    again, kept = get(client, reverse("home"))
    assert again == first and kept <= 9 < rendered  # pinned: + the country's change count
    assert "มีมาตรการเลยกำหนด <strong class=\"\">๐</strong>" in first
    make_measure(org, 2, end_offset=-5)  # one agency's change moves the table
    body, _ = get(client, reverse("home"))
    assert "มีมาตรการเลยกำหนด <strong class=\"bad\">๑</strong>" in body
    added = make_org("tambon-new", "เทศบาลตำบลใหม่")
    body, _ = get(client, reverse("home"))
    assert added.name_th in body and "ทั้งหมด <strong>๒</strong> หน่วยงาน" in body
    by_page, _ = get(client, reverse("home"), sort="overdue")
    assert by_page.index(org.name_th) < by_page.index(added.name_th)


def test_each_overseer_reads_their_own_table(client, criteria, org, overseer):
    far = make_org("tambon-far", "เทศบาลตำบลไกล", province="เชียงใหม่")
    client.force_login(overseer)
    body, _ = get(client, reverse("home"))
    assert org.name_th in body and far.name_th not in body
    other = make_user("overseer-cm", None, Role.OVERSEER, oversight_province="เชียงใหม่")
    client.force_login(other)
    body, _ = get(client, reverse("home"))
    assert far.name_th in body and org.name_th not in body
