"""The staff journey of issue 3: กองคลัง reports progress with evidence and closes a measure;
the committee reads it with its history; another department cannot edit it."""

import pytest

from demo.loader import DEMO_PASSWORD
from tests.measures.conftest import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "ส่งเสริมการให้ความรู้แนวปฏิบัติในการใช้ทรัพย์สินของราชการที่ถูกต้อง"


def test_finance_staff_reports_progress_and_closes_a_measure(page, screenshot, demo, log_in,
                                                             live_server, tmp_path):
    log_in("finance", DEMO_PASSWORD)
    page.click("text=งานของฉัน")
    page.wait_for_selector("h1:has-text('งานของฉัน')")
    assert TITLE in page.inner_text("main")
    screenshot("measures-1-my-measures")

    page.click(f"text={TITLE}")
    page.wait_for_selector("#update")
    page.fill("#id_reported_on", "2026-11-30")  # the picker is Gregorian; officials read B.E.
    assert page.inner_text("#id_reported_on + .be-date") == "พ.ศ.: ๓๐ พฤศจิกายน ๒๕๖๙"
    pdf = tmp_path / "คู่มือการยืมทรัพย์สิน.pdf"
    pdf.write_bytes(PDF)
    page.fill("#id_note", "จัดทำคู่มือการยืมทรัพย์สินของทางราชการและเผยแพร่แล้ว")
    page.fill("#id_percent", "100")
    page.select_option("#id_status", "done")
    page.set_input_files("#id_files", str(pdf))
    page.fill("#id_urls", "https://arunnikhom.go.th/manual-borrow")
    page.click("text=บันทึกรายงาน")
    page.wait_for_selector("text=บันทึกรายงานความคืบหน้าแล้ว")
    main = page.inner_text("main")
    assert "ดำเนินการแล้วเสร็จ" in main and "ร้อยละ ๑๐๐" in main
    assert "คู่มือการยืมทรัพย์สิน.pdf" in main and "arunnikhom.go.th/manual-borrow" in main
    screenshot("measures-2-after-update")
    measure_url = page.url

    log_in("committee", DEMO_PASSWORD)
    page.goto(measure_url)
    main = page.inner_text("main")
    assert "เป็น “ดำเนินการแล้วเสร็จ”" in main  # the continuation in the year in progress
    assert "บันทึกรายงาน" not in main  # the committee reads, never writes
    with page.expect_download() as download:
        page.click("text=คู่มือการยืมทรัพย์สิน.pdf")
    assert download.value.path().read_bytes() == PDF
    screenshot("measures-3-committee-view")

    log_in("finance_head", DEMO_PASSWORD)
    page.goto(live_server.url + "/")
    page.click("text=มาตรการแล้วเสร็จที่รอท่านรับรองผล")
    page.click(f"#to-approve >> text={TITLE}")
    page.wait_for_selector("#approval")
    page.check("input[name=decision][value=approve]")
    page.fill("#approval textarea", "หลักฐานครบถ้วน")
    screenshot("measures-3b-head-approves")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("text=รับรองผลแล้ว")
    assert "หัวหน้ากองรับรองผลการดำเนินงาน — หลักฐานครบถ้วน" in page.inner_text("main")

    log_in("computer", DEMO_PASSWORD)
    page.goto(measure_url)
    assert page.locator("#update").count() == 0
    status = page.evaluate("""async (url) => {
        const token = document.cookie.split('; ')
            .find(c => c.startsWith('csrftoken=')).split('=')[1];
        const body = new URLSearchParams({version: '2', status: 'in_progress', note: 'x'});
        const r = await fetch(url + 'status/', {method: 'POST', body,
            headers: {'X-CSRFToken': token}});
        return r.status; }""", measure_url)
    assert status == 403
    screenshot("measures-4-other-department")


def test_measure_list_filters_and_exports(page, screenshot, demo, log_in):
    log_in("committee", DEMO_PASSWORD)
    page.click("text=มาตรการ >> nth=0")
    page.wait_for_selector("table")
    assert page.locator("table tbody tr").count() == 4
    page.select_option("#id_status", "not_started")
    page.fill("#id_q", "ทรัพย์สิน")
    page.click("button:has-text('กรอง')")
    page.wait_for_load_state()
    assert page.locator("table tbody tr").count() == 1
    screenshot("measures-5-filtered-list")
    with page.expect_download() as download:
        page.click("text=Excel (XLSX)")
    assert download.value.suggested_filename.endswith(".xlsx")
