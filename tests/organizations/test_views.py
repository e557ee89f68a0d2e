"""Every page of the foundation, tried with every persona."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, IndicatorScore

pytestmark = pytest.mark.django_db
MEMBERS = ["owner", "other_staff", "committee", "org_admin"]


@pytest.fixture
def scored_org(criteria, org, other_org):
    for number, value in enumerate([90, 80, 95, 85, 88, 91, 92, 89, 70, 60], start=1):
        ind = Indicator.objects.get(year__year=2565, number=number)
        IndicatorScore.objects.create(organization=org, indicator=ind, score=value)
    ind9 = Indicator.objects.get(year__year=2565, number=9)
    IndicatorScore.objects.create(organization=other_org, indicator=ind9, score=12.34)
    return org


def test_anonymous_is_sent_to_login_everywhere(client, scored_org):
    for url in [reverse("home"), reverse("org-results", args=["tambon-a"]),
                reverse("criteria", args=[2565])]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", MEMBERS)
def test_members_home_shows_their_organisation_and_result(client, personas, scored_org, name):
    client.force_login(personas[name])
    response = client.get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "เทศบาลตำบลทดสอบเอ" in body and "เทศบาลตำบลทดสอบบี" not in body
    assert "๗๙.๔๘" in body  # 0.3·87.6 + 0.3·90.67 + 0.4·65
    assert "๑๒.๓๔" not in body and "12.34" not in body


@pytest.mark.parametrize("name", MEMBERS)
def test_members_read_own_results_not_another_municipality(client, personas, scored_org, name):
    client.force_login(personas[name])
    assert client.get(reverse("org-results", args=["tambon-a"])).status_code == 200
    assert client.get(reverse("org-results", args=["tambon-b"])).status_code == 404


def test_outsider_reads_only_their_own(client, personas, scored_org):
    client.force_login(personas["outsider"])
    assert client.get(reverse("org-results", args=["tambon-a"])).status_code == 404
    body = client.get(reverse("org-results", args=["tambon-b"])).content.decode()
    assert "๑๒.๓๔" in body and "เทศบาลตำบลทดสอบบี" in body


def test_overseer_reads_the_province_only(client, overseer, scored_org):
    client.force_login(overseer)
    home = client.get(reverse("home")).content.decode()
    assert "เทศบาลตำบลทดสอบเอ" in home and "เทศบาลตำบลทดสอบบี" not in home
    assert client.get(reverse("org-results", args=["tambon-a"])).status_code == 200
    assert client.get(reverse("org-results", args=["tambon-b"])).status_code == 404


@pytest.mark.parametrize("name", MEMBERS + ["outsider"])
def test_criteria_page_lists_the_years_items(client, personas, criteria, name):
    client.force_login(personas[name])
    body = client.get(reverse("criteria", args=[2565])).content.decode()
    assert "ข้อมูล OIT (๔๓ ข้อ)" in body and "นโยบายไม่รับของขวัญ" in body
    assert client.get(reverse("criteria", args=[2599])).status_code == 404
    # the newest year in the criteria files (the 2570 draft)
    assert client.get(reverse("criteria-latest")).url == reverse("criteria", args=[2570])


@pytest.mark.parametrize("name", MEMBERS + ["outsider"])
def test_django_admin_is_for_platform_staff_only(client, personas, name):
    client.force_login(personas[name])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response.url


def test_platform_superuser_opens_every_admin_list(admin_client, scored_org):
    for model in ["organizations/organization", "organizations/user", "organizations/department",
                  "organizations/position", "indicators/assessmentyear", "indicators/indicator",
                  "indicators/oititem", "indicators/itemcrosswalk", "indicators/indicatorscore",
                  "indicators/recommendation", "indicators/resultband",
                  "indicators/subindicator", "indicators/tool"]:
        assert admin_client.get(f"/admin/{model}/").status_code == 200, model


def test_navigation_fits_the_role(client, personas, admin_user, scored_org):
    client.force_login(personas["committee"])
    body = client.get(reverse("home")).content.decode()
    assert "ผลการประเมิน" in body and "ผู้ดูแลระบบ (Django)" not in body
    client.force_login(admin_user)
    assert "ผู้ดูแลระบบ (Django)" in client.get(reverse("home")).content.decode()


def test_the_menu_marks_the_page_open_and_follows_the_unread_count(client, personas):
    from organizations.models import Notification

    client.force_login(personas["owner"])
    menu = lambda path: re.search(  # noqa: E731
        r'<nav id="main-nav".*?</nav>', client.get(path).content.decode(), re.S).group(0)
    on_list = menu(reverse("measure-list"))
    assert f'<a href="{reverse("measure-list")}" aria-current="page">' in on_list
    assert on_list.count("aria-current") == 1
    mine = menu(reverse("my-measures"))  # under /measures/ too: the longer entry wins
    assert f'<a href="{reverse("my-measures")}" aria-current="page">' in mine
    assert mine.count("aria-current") == 1
    year = menu(reverse("checklist", args=[2570]))  # the OIT entry is the latest year's
    assert f'<a href="{reverse("checklist-latest")}" aria-current="page">' in year
    assert "aria-current" not in menu(reverse("2fa-manage"))  # a page outside the menu
    home = menu(reverse("home"))
    assert f'<a href="{reverse("home")}" aria-current="page">' in home
    assert home.count("aria-current") == 1
    Notification.objects.create(user=personas["owner"], key="t", subject="มีมาตรการใหม่", body="-")
    assert menu(reverse("measure-list")) != on_list  # the same page, a new count


def test_the_top_bar_follows_the_person_and_its_sign_out_link_posts(personas):
    from django.conf import settings
    from django.test import Client

    owner, client = personas["owner"], Client(enforce_csrf_checks=True)
    client.force_login(owner)
    bar = lambda: re.search(  # noqa: E731
        r'<header class="topbar">.*?</header>', client.get(reverse("home")).content.decode(),
        re.S).group(0)
    first = bar()
    assert owner.organization.name_th in first and owner.get_role_display() in first
    owner.first_name = "สมศรี<b>"
    owner.save()
    renamed = bar()
    assert "สมศรี&lt;b&gt;" in renamed and "สมศรี<b>" not in renamed
    assert f'<a href="{reverse("logout")}" class="linklike" data-post>' in renamed
    assert "csrfmiddlewaretoken" not in renamed  # the bar carries no token (a kept part)
    assert client.post(reverse("logout")).status_code == 403
    client.get(reverse("logout"))  # the page the link opens without scripts sets the cookie
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value  # what portal.js sends
    assert client.post(reverse("logout"), {"csrfmiddlewaretoken": secret}).status_code == 302
    assert "_auth_user_id" not in client.session


def test_home_runs_a_constant_number_of_queries(client, personas, scored_org):
    client.force_login(personas["owner"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("home")).status_code == 200
        return len(ctx.captured_queries)

    one_year = count()
    for number in range(1, 11):  # a second year on record must not add queries
        ind = Indicator.objects.get(year__year=2564, number=number)
        IndicatorScore.objects.create(organization=scored_org, indicator=ind, score=80)
    assert count() == one_year <= 19  # 15 before the links to the person's own work (4 counts)


def test_admin_index_is_in_thai(admin_client):
    body = admin_client.get("/admin/").content.decode()
    for label in ("หน่วยงานและผู้ใช้", "เกณฑ์และคะแนน ITA", "ประเด็นและมาตรการ", "มาตรการ",
                  "ข้อมูล OIT", "คะแนนตัวชี้วัด"):
        assert label in body
