"""Issue 4's journey: the computer officer fills items, runs the link check, and sees a link
that has failed for days flagged broken, with the predicted OIT score moving."""

import datetime

import pytest
from django.utils import timezone

from demo.loader import DEMO_PASSWORD
from disclosure.checker import CheckResult
from disclosure.services import apply_check
from organizations.models import User
from tests.disclosure.conftest import site  # noqa: F401 (the local website fixture)
from tests.disclosure.helpers import answer, fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def prepared(demo, site, settings):  # noqa: F811
    settings.LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    demo.website_domains = "127.0.0.1"
    demo.save()
    admin = User.objects.get(username="admin")
    fill(demo, 2565, admin, skip={"O2"}, base=site, urls={
        code: site + "/ok" for code in [f"O{n}" for n in range(3, 44)]} | {"O1": site + "/gone"})
    link = answer(demo, 2565, "O1").links.get()
    for days in (3, 2):  # it has been failing for days already
        apply_check(link, CheckResult(url=link.url, outcome="missing", http_status=410),
                    now=timezone.now() - datetime.timedelta(days=days))
    return site


def predicted_oit(page):
    return float(page.inner_text("#predicted-oit"))


def test_computer_officer_fills_checks_and_sees_the_broken_link(page, screenshot, log_in,
                                                                live_server, prepared):
    log_in("computer", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/disclosure/2565/")
    before = predicted_oit(page)
    screenshot("oit-1-checklist-before")

    page.click("text=ข้อมูลผู้บริหาร")
    page.select_option("#id_status", "present")
    page.fill("#id_urls", prepared + "/ok")
    page.fill("#id_explanation", "ข้อมูลผู้บริหารบนเว็บไซต์หลัก")
    screenshot("oit-2-item-form")
    page.click("button:has-text('บันทึก')")
    page.wait_for_selector("text=บันทึกข้อ O2 แล้ว")
    filled = predicted_oit(page)
    assert filled > before

    page.click("a[data-post]:has-text('ตรวจลิงก์ทั้งหมด')")
    page.wait_for_url(f"{live_server.url}/disclosure/2565/", timeout=30000)
    row = page.inner_text(f"#item-{answer_pk('O1')}")
    assert "ลิงก์เสีย" in row
    after = predicted_oit(page)
    assert after < filled
    screenshot("oit-3-after-check")


def answer_pk(code):
    from disclosure.models import DisclosureItem
    return DisclosureItem.objects.get(oit_item__year__year=2565, oit_item__code=code).pk


def test_staff_start_an_item_of_a_year_nobody_has_opened(page, screenshot, demo, log_in,
                                                        live_server):
    from disclosure.models import DisclosureItem

    log_in("computer", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/disclosure/2566/")
    assert not DisclosureItem.objects.filter(oit_item__year__year=2566).exists()
    start = page.locator("a.start[data-post]").first
    assert start.is_visible()
    screenshot("checklist-unopened-year")
    start.click()
    page.wait_for_selector("h1")
    assert "/disclosure/item/" in page.url
    assert DisclosureItem.objects.filter(organization=demo, oit_item__year__year=2566).exists()
