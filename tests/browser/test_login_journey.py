import pytest

from demo.loader import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_logs_in_and_sees_the_organisations_home_in_thai(page, screenshot, demo, log_in):
    log_in("finance", DEMO_PASSWORD)
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "เทศบาลตำบลอรุณนิคม"
    body = page.inner_text("body")
    assert "ผลการประเมิน ITA ล่าสุด" in body and "กองคลัง" in body
    assert "เป็นข้อมูลตัวอย่าง" in body  # the demo says which of its data is sample data
    # Sarabun really is the font in use (served by the app, not a fallback).
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Sarabun"') or family.startswith("Sarabun")
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")
    screenshot("login-staff-home")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("login-staff-home-phone")


def test_wrong_password_shows_a_thai_message(page, screenshot, demo, log_in):
    log_in("finance", "wrong-password")
    page.wait_for_selector(".errorlist")
    assert "กรุณาใส่" in page.inner_text(".errorlist") or "ถูกต้อง" in page.inner_text(".errorlist")
    screenshot("login-wrong-password")
