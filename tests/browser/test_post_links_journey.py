"""The links that post (ita_portal/confirm.py): in Chromium with scripts one click does the
action (a list's PDF starts, the overseer opens an agency, the person signs out); with scripts
off the same links open a page that asks, and its button does it."""

import pytest

from demo.loader import DEMO_PASSWORD
from ita_portal.models import ListExport
from tests.browser.conftest import ARTIFACTS, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_one_click_with_scripts(page, screenshot, demo, log_in, live_server):
    log_in("finance", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/measures/?fiscal_year=2565")
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0  # the page has none
    screenshot("post-links-list", full_page=False)
    page.click("a.pdf[data-post]")
    page.wait_for_url("**/exports/*/")
    assert ListExport.objects.get().params == "fiscal_year=2565"
    page.click(".userbox a[data-post]")
    page.wait_for_url("**/accounts/login/")
    page.goto(f"{live_server.url}/dashboard/")
    assert "/accounts/login/" in page.url  # signed out


def test_overseer_opens_an_agency_in_one_click(page, demo, log_in, live_server):
    log_in("sysadmin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/")
    page.click(f"table.agencies a[href='/oversee/{demo.slug}/']")
    page.wait_for_url("**/dashboard/")
    assert demo.name_th in page.inner_text(".reading-banner")


def test_without_scripts_each_link_asks_on_its_page(browser, demo, live_server):
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok",
                                  java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(60000)
    sign_in(page, f"{live_server.url}/accounts/login/", "finance", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/measures/")
    page.click("a.pdf[data-post]")
    assert page.inner_text("h1") == "สร้าง PDF ของรายการ" and ListExport.objects.count() == 0
    page.click("main button[type=submit]")
    page.wait_for_url("**/exports/*/")
    assert ListExport.objects.count() == 1
    page.goto(f"{live_server.url}/dashboard/")
    page.click(".userbox a[data-post]")  # the phone menu is open without scripts
    assert page.inner_text("h1") == "ออกจากระบบ"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sign-out-asks-390.png"), full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/login/")
    page.goto(f"{live_server.url}/dashboard/")
    assert "/accounts/login/" in page.url
    context.close()
