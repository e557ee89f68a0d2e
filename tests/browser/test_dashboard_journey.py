import pytest

from ita_portal.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_committee_reads_the_dashboard_in_meeting_mode(page, screenshot, demo, log_in,
                                                       live_server):
    log_in("committee", DEMO_PASSWORD)
    page.click("text=แดชบอร์ด")
    page.wait_for_selector("h1:has-text('สรุปสถานะ ITA')")
    screenshot("dashboard-1-normal")
    page.click("text=โหมดประชุม (จอใหญ่)")
    page.wait_for_selector("body.meeting")
    assert not page.is_visible("nav")
    assert "78.79" in page.inner_text("main")
    page.set_viewport_size({"width": 1920, "height": 1080})
    screenshot("dashboard-2-meeting-mode")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/dashboard/")
    screenshot("dashboard-3-phone")
