"""The committee's projector (1366×768) and staff on a 390 px phone, in Chromium: what is on
the first screen, no sideways scrolling, Thai wrapped only between syllables, the menu behind
its button and an oversized file refused before it uploads. Screenshots in test-artifacts/."""

import pytest

from demo.loader import DEMO_PASSWORD
from tests.reports.pdfcheck import line_end_allowed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where Chromium wrapped the text of each element the selector finds: offsets in its text.
LINE_BREAKS = """selector => [...document.querySelectorAll(selector)].map(cell => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let text = "", breaks = [], lastTop = null, node;
  while ((node = walker.nextNode())) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect && lastTop !== null && rect.top > lastTop + 4) breaks.push(text.length);
      if (rect) lastTop = rect.top;
      text += node.data[i];
    }
  }
  return [text, breaks];
})"""


def broken_syllables(page, selector="main td"):
    return [f"{text[:at][-10:]}/{text[at:][:10]}"
            for text, breaks in page.evaluate(LINE_BREAKS, selector)
            for at in breaks if not line_end_allowed(text[:at], text[at:])]


def test_projector_leads_with_what_is_behind(page, screenshot, demo, log_in, live_server):
    log_in("committee", DEMO_PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/dashboard/?meeting=1")  # the year in progress
    page.wait_for_selector("body.meeting")
    page.screenshot(path=str(screenshot("projector-0-full").parent / "projector-1366x768-1.png"))
    overdue = page.locator("table.overdue").bounding_box()
    assert overdue["y"] < 768, "the overdue table starts on the first screen"
    first_row = page.locator("table.overdue tbody tr").first
    assert "วัน" in first_row.inner_text() and "กองคลัง" in page.inner_text("table.overdue")
    official = page.locator("h2:has-text('ผลการประเมินทางการล่าสุด')").bounding_box()
    assert official["y"] > overdue["y"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 1366
    assert broken_syllables(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/dashboard/?year=2565")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    label = page.locator(".chart svg text").first.bounding_box()
    assert label["height"] >= 9, "chart text stays readable on a phone"
    # the timeline at its own size, scrolling in its card (UX re-check: 7-8 px text)
    assert page.locator("svg.timeline-chart text").first.bounding_box()["height"] >= 12
    screenshot("phone-dashboard-390")


def test_staff_work_on_a_phone(page, screenshot, demo, log_in, live_server):
    log_in("finance", DEMO_PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/measures/mine/")
    assert not page.is_visible("nav#main-nav")
    screenshot("phone-1-my-work")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert broken_syllables(page) == []
    first_card = page.locator("table.cards tbody tr").first.bounding_box()
    assert first_card["y"] < 844 and first_card["width"] <= 390
    page.click("button.menu-toggle")
    assert page.is_visible("nav#main-nav")
    screenshot("phone-2-menu-open")
    page.click("button.menu-toggle")
    page.locator("table.cards a").first.click()
    page.wait_for_selector("h1:has-text('มาตรการที่')")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    screenshot("phone-3-measure")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.set_input_files("#id_files", files=[{"name": "scan.pdf", "mimeType": "application/pdf",
                                              "buffer": b"%PDF-1.4 " + b"0" * (11 << 20)}])
    assert "ใหญ่เกิน 10 MB" in page.inner_text("#update")
    page.fill("#id_note", "ตรวจสอบแล้ว")
    page.click("#update button[type=submit]")
    page.wait_for_timeout(300)
    assert posts == [], "nothing is uploaded"
    screenshot("phone-4-file-refused")
    page.set_input_files("#id_files", files=[])
    page.fill("#id_note", "")
    page.click("#update button[type=submit]")
    page.wait_for_selector(".error-summary")
    box = page.locator(".error-summary").bounding_box()
    assert box["y"] < 844
    screenshot("phone-5-errors-at-top")


def test_desktop_my_work_wraps_between_words(page, screenshot, demo, log_in, live_server):
    log_in("finance", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/measures/mine/")
    screenshot("desktop-1280-my-work")
    assert broken_syllables(page) == []
    page.goto(f"{live_server.url}/measures/?fiscal_year=2565")
    page.wait_for_selector("svg.timeline-chart")
    screenshot("desktop-1280-measure-list-timeline")


def test_cancelling_a_measure_asks_first_and_says_what_happens(page, demo, log_in, live_server):
    from measures.models import Measure
    from tests.browser.conftest import accept_dialog

    measure = Measure.objects.get(organization=demo, fiscal_year=2565, number=2)
    log_in("admin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/measures/{measure.pk}/")
    page.remove_listener("dialog", accept_dialog)
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click("#status summary")  # apart from the progress report, folded
    page.select_option("#id_new_status", "cancelled")
    page.fill("#id_status_note", "ซ้ำกับมาตรการที่ ๑")
    page.click("#status button[type=submit]")
    page.wait_for_timeout(500)
    assert asked and "ยกเลิกมาตรการที่ ๒" in asked[0] and "เปิดใหม่ได้เฉพาะผู้ดูแลระบบ" in asked[0]
    measure.refresh_from_db()
    assert measure.status != "cancelled"


def test_overseer_table_on_a_projector_and_a_phone(page, screenshot, demo, log_in, live_server):
    log_in("sysadmin", DEMO_PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/?sort=overdue")
    page.wait_for_selector("table.agencies")
    assert demo.name_th in page.inner_text("table.agencies")
    assert "ทั้งหมด" in page.inner_text(".summary")
    screenshot("overseer-table-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    screenshot("overseer-table-390")


def test_oit_checklist_and_item_form_on_a_phone(page, screenshot, demo, log_in, live_server):
    log_in("admin", DEMO_PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/disclosure/")
    page.wait_for_selector("table.checklist")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    first_row = page.locator("table.checklist tbody tr").first.bounding_box()
    assert first_row["width"] <= 390  # each item is a card, not a squeezed table row
    assert page.locator("table.checklist thead").first.is_hidden()
    page.locator("table.checklist").first.scroll_into_view_if_needed()
    screenshot("phone-6-oit-checklist", full_page=False)
    page.locator("table.checklist tbody tr td.title a").first.click()
    page.wait_for_selector("form.card")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    for box in page.locator("form.card textarea, form.card select, form.card input[type=date]"
                            ).all():
        edge = box.bounding_box()
        assert edge["x"] >= 0 and edge["x"] + edge["width"] <= 390
    screenshot("phone-7-oit-item-form", full_page=False)


def test_public_oit_page_on_a_phone_and_a_desktop(page, screenshot, demo, live_server):
    page.goto(f"{live_server.url}/public/{demo.slug}/2570/")
    body = page.inner_text("main")
    assert "ข้อมูล ณ วันที่" in body and "เผยแพร่แล้ว" in body and "ไม่มี" not in body
    screenshot("public-oit-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    screenshot("public-oit-390", full_page=False)
