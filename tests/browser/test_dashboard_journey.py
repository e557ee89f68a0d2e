import pytest

from demo.loader import DEMO_PASSWORD
from indicators.years import year_in_progress
from ita_portal.thai import thai_digits
from tests.browser.conftest import accept_dialog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_committee_reads_the_dashboard_in_meeting_mode(page, screenshot, demo, log_in,
                                                       live_server):
    log_in("committee", DEMO_PASSWORD)
    page.click("text=แดชบอร์ด")
    page.wait_for_selector("h1:has-text('ปีงบประมาณ')")
    screenshot("dashboard-1-normal")
    page.click("text=โหมดประชุม (จอใหญ่)")
    page.wait_for_selector("body.meeting")
    assert not page.is_visible("nav")
    latest = thai_digits(year_in_progress() - 1)  # the demo's latest official (sample) result
    assert f"ผลการประเมินทางการล่าสุด ITA {latest}" in page.inner_text("main")
    page.set_viewport_size({"width": 1920, "height": 1080})
    screenshot("dashboard-2-meeting-mode")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/dashboard/")
    screenshot("dashboard-3-phone")


def test_admin_adds_closes_and_downloads_a_meeting_report(page, screenshot, demo, log_in,
                                                          live_server, tmp_path):
    import subprocess

    log_in("admin", DEMO_PASSWORD)
    page.click("text=การประชุม")
    page.select_option("#id_committee", index=1)
    page.fill("#id_fiscal_year", "2565")
    page.fill("#id_number", "1")
    page.fill("#id_date", "2022-01-20")
    page.fill("#id_place", "ห้องประชุมสำนักงานเทศบาลตำบลอรุณนิคม")
    page.click("button:has-text('เพิ่มการประชุม')")
    page.wait_for_selector("text=เพิ่มการประชุมแล้ว")
    page.fill("#notes textarea >> nth=0", "ที่ประชุมรับทราบ มอบหมายให้ติดตามในการประชุมครั้งถัดไป")
    page.fill("#notes textarea >> nth=1", "ให้กองคลังรายงานความคืบหน้าในการประชุมครั้งหน้า")
    page.click("button:has-text('บันทึกมติทั้งหมด')")
    page.wait_for_selector("text=บันทึกมติแล้ว")
    assert page.input_value("#notes textarea >> nth=1").startswith("ให้กองคลังรายงาน")
    screenshot("meeting-0-resolutions-saved")
    # A resolution typed, then the attendees sent: the page asks (UX re-check: it was lost).
    page.fill("#notes textarea >> nth=0", "มติที่ยังไม่ได้บันทึก")
    page.fill("#id_attendees", "นายกเทศมนตรีตำบลอรุณนิคม\nปลัดเทศบาล\nผู้อำนวยการกองคลัง")
    page.fill("#id_next_meeting_date", "2022-03-20")
    page.remove_listener("dialog", accept_dialog)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click(".minutes button:has-text('บันทึก')")
    page.wait_for_timeout(300)
    assert asked and asked[0].startswith("มติที่พิมพ์ไว้ยังไม่ได้บันทึก")
    assert page.input_value("#notes textarea >> nth=0") == "มติที่ยังไม่ได้บันทึก"  # kept
    page.click("button:has-text('บันทึกมติทั้งหมด')")
    page.wait_for_selector("text=บันทึกมติแล้ว")
    page.on("dialog", accept_dialog)
    page.fill("#id_attendees", "นายกเทศมนตรีตำบลอรุณนิคม\nปลัดเทศบาล\nผู้อำนวยการกองคลัง")
    page.fill("#id_next_meeting_date", "2022-03-20")
    page.click(".minutes button:has-text('บันทึก')")
    page.wait_for_selector("text=บันทึกผู้เข้าประชุมแล้ว")
    assert page.input_value("#notes textarea >> nth=0") == "มติที่ยังไม่ได้บันทึก"
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    screenshot("meeting-0c-phone-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("text=ปิดการประชุมและตรึงรายงาน…")
    page.wait_for_selector("text=เมื่อกดยืนยัน ระบบจะ")
    screenshot("meeting-0b-confirm-close")
    page.click("button:has-text('ยืนยัน ปิดการประชุมและตรึงรายงาน')")
    page.wait_for_selector("text=SHA-256")
    screenshot("meeting-1-closed")
    with page.expect_download() as download:
        page.click("text=ดาวน์โหลดรายงาน (PDF ที่ตรึงแล้ว)")
    pdf = tmp_path / "meeting.pdf"
    download.value.save_as(pdf)
    from tests.browser.conftest import ARTIFACTS
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(ARTIFACTS / "meeting-pdf")],
                   check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "มติที่ยังไม่ได้บันทึก" in text and "ให้กองคลังรายงาน" in text and "หน้า ๑ จาก" in text
    assert "นายกเทศมนตรีตำบลอรุณนิคม" in text and "กำหนดประชุมครั้งถัดไป" in text
    page.fill("#reopen-reason", "แก้ไขมติมาตรการที่ ๑ ตามที่ประธานแจ้ง")
    page.click("button:has-text('เปิดการประชุมใหม่…')")  # the confirmation is accepted
    page.wait_for_selector("text=รายงานฉบับก่อน")
    assert page.locator("text=ฉบับที่ ๑ (PDF)").count() == 1
    screenshot("meeting-2-reopened")


def test_admin_exports_the_o42_document(page, screenshot, demo, log_in, live_server, tmp_path):
    import subprocess

    from tests.browser.conftest import ARTIFACTS

    log_in("admin", DEMO_PASSWORD)
    page.click("text=รายงาน PDF")
    page.select_option("#id_kind", "o42")
    page.select_option("#id_fiscal_year", "2565")
    # The test settings run jobs at once, inside this request: on a busy machine that is slow.
    page.click("button:has-text('สร้างรายงาน PDF')", timeout=90000)
    page.wait_for_selector("#export-state:has-text('สร้างเสร็จแล้ว')")
    screenshot("export-1-done")
    with page.expect_download() as download:
        page.click("#export-file")
    pdf = tmp_path / "o42.pdf"
    download.value.save_as(pdf)
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(ARTIFACTS / "o42-pdf")],
                   check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "ตัวชี้วัดที่ ๒ การใช้งบประมาณ" in text and "ดำเนินการ" in text
    page.click("text=กลับไปยังรายการรายงาน")
    assert "ดาวน์โหลด (" in page.inner_text("main")
    screenshot("export-2-list")
