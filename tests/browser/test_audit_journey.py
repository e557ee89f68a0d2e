"""The organisation's history page read by its admin in Chromium: on a desktop the Thai
column headers and cells wrap only between syllables ("การกระทำ" stays one word); on a phone
each entry is a card, with no sideways scrolling. Screenshots in test-artifacts/."""

import pytest

from demo.loader import DEMO_PASSWORD
from tests.browser.test_screens_journey import broken_syllables

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def open_history(page, log_in, live_server, width):
    log_in("admin", DEMO_PASSWORD)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/audit/")
    page.wait_for_selector("table.trail tbody tr")


def test_history_on_a_desktop_wraps_between_words(page, screenshot, demo, log_in, live_server):
    open_history(page, log_in, live_server, 1280)
    screenshot("audit-1280", full_page=False)
    assert broken_syllables(page, "table.trail th, table.trail td") == []
    header = page.locator("table.trail th:text-is('การกระทำ')").bounding_box()
    first_header = page.locator("table.trail th").first.bounding_box()
    assert header["height"] == first_header["height"], "one line, like 'เมื่อ'"
    text = page.inner_text("table.trail")
    assert ".None" not in text and "False" not in text


def test_history_on_a_phone_is_cards(page, screenshot, demo, log_in, live_server):
    open_history(page, log_in, live_server, 390)
    screenshot("audit-390", full_page=False)
    assert not page.is_visible("table.trail thead")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert broken_syllables(page, "table.trail td:not(:last-child)") == []
