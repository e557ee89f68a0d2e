"""The pages the UX review found wider than a 390 px phone, in Chromium: the meeting page (a
frozen report's SHA-256 did not wrap), the issues to improve (a five-column table squeezed to
~75 px columns), the year's criteria and the official results. No sideways page scrolling,
Thai wrapped only between syllables, and the desktop layout kept. Screenshots in
test-artifacts/."""

import hashlib

import pytest

from demo.loader import DEMO_PASSWORD
from tests.browser.test_screens_journey import broken_syllables

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def page_width(page):
    return page.evaluate("document.scrollingElement.scrollWidth")


@pytest.fixture
def closed_meeting(demo):
    """A meeting closed twice: its report's hash and the earlier version's."""
    import datetime

    from django.utils import timezone

    from organizations.models import User
    from reports.models import Committee, FrozenReport, Meeting, MeetingStatus

    admin = User.objects.get(username="admin")
    meeting = Meeting.objects.create(
        organization=demo, committee=Committee.objects.filter(organization=demo).first(),
        fiscal_year=2568, number=1, date=datetime.date(2025, 3, 1), version=2,
        status=MeetingStatus.CLOSED, closed_at=timezone.now(), closed_by=admin,
        report_file="meeting-reports/v2.pdf", report_sha256=hashlib.sha256(b"v2").hexdigest())
    FrozenReport.objects.create(
        meeting=meeting, version=1, html="<p>ฉบับที่ ๑</p>", file="meeting-reports/v1.pdf",
        sha256=hashlib.sha256(b"v1").hexdigest(), closed_at=timezone.now(), closed_by=admin,
        reopened_by=admin, reason="แก้ไขรายชื่อผู้เข้าประชุม")
    return meeting


def test_meeting_page_wraps_report_hashes_on_a_phone(page, screenshot, closed_meeting, log_in,
                                                     live_server):
    log_in("committee", DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/meetings/{closed_meeting.pk}/")
    assert page_width(page) <= 390
    hashes = page.locator("code.sha256")
    assert hashes.count() == 2
    for index in range(2):
        box = hashes.nth(index).bounding_box()
        assert box["x"] + box["width"] <= 390
    screenshot("phone-meeting-hashes-390")


def test_issues_read_as_cards_on_a_phone(page, screenshot, demo, log_in, live_server):
    log_in("committee", DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/measures/issues/?year=2565")
    assert page_width(page) <= 390
    assert page.locator("table.issues thead").first.is_hidden()
    # Each issue is a card; no column is squeezed until Thai breaks at every syllable.
    widths = page.evaluate("[...document.querySelectorAll('table.issues td')]"
                           ".map(cell => cell.getBoundingClientRect().width)")
    assert widths and min(widths) > 250
    assert broken_syllables(page) == []
    heading = page.inner_text("main h2 >> nth=0")
    assert "คะแนน ๗๔.๑๕ (ปี ๒๕๖๔)" in heading
    measures = page.inner_text("table.issues td.measures >> nth=0")
    assert "มาตรการที่ ๑" in measures
    screenshot("phone-issues-390")
    page.set_viewport_size(DESKTOP)
    page.reload()
    assert page.locator("table.issues thead").first.is_visible()
    assert broken_syllables(page) == []
    screenshot("desktop-issues-1280", full_page=False)


def test_criteria_and_results_fit_a_phone(page, screenshot, demo, log_in, live_server):
    log_in("committee", DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/criteria/2565/")
    assert page_width(page) <= 390
    assert broken_syllables(page) == []
    screenshot("phone-criteria-390", full_page=False)
    page.goto(f"{live_server.url}/o/{demo.slug}/results/")
    assert page_width(page) <= 390
    assert broken_syllables(page) == []
    # The indicator's name has a line of its own; the scores beneath still line up in a column.
    scores = page.evaluate("[...document.querySelectorAll('table.year-result')[0]"
                           ".querySelectorAll('tbody tr')].map(row => Math.round("
                           "row.children[2].getBoundingClientRect().right))")
    assert len(scores) >= 10 and len(set(scores)) == 1
    screenshot("phone-results-390", full_page=False)
    page.set_viewport_size(DESKTOP)
    page.reload()
    assert page_width(page) <= 1280
    first_row = page.locator("table.year-result tbody tr").first.bounding_box()
    assert first_row["height"] < 60, "one line per indicator on a desktop"
    screenshot("desktop-results-1280", full_page=False)


def test_the_dashboards_status_legend_reads_on_a_phone(page, screenshot, demo, log_in,
                                                       live_server):
    """UX re-check: the legend drawn inside the status bar shrank to ~6 px on a 390 px phone;
    it is the page's own text now, at least 14 px."""
    log_in("committee", DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/dashboard/")
    legend = page.locator("ul.chart-legend li")
    assert legend.count() >= 2
    sizes = page.evaluate("[...document.querySelectorAll('ul.chart-legend li')]"
                          ".map(li => parseFloat(getComputedStyle(li).fontSize))")
    assert min(sizes) >= 14, sizes
    assert page_width(page) <= 390
    page.locator("ul.chart-legend").scroll_into_view_if_needed()
    screenshot("phone-dashboard-status-legend-390", full_page=False)
