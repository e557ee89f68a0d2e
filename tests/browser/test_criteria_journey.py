"""Issue 11's journey: the platform operator starts next year's criteria from this year's,
renames an item, merges two, publishes; the municipal admin moves into it and sees the
checklist with last year's URLs carried."""

import pytest

from demo.loader import DEMO_PASSWORD
from disclosure.models import DisclosureItem
from indicators.models import AssessmentYear, CriteriaStatus
from ita_portal.thai import thai_digits
from tests.browser.conftest import accept_dialog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_publishes_a_new_year_and_the_admin_moves_into_it(page, screenshot, log_in,
                                                                    live_server, demo):
    latest = AssessmentYear.objects.order_by("-year").first().year
    new = latest + 1
    asked, answer = [], {"accept": True}

    def ask(dialog):  # every irreversible step must ask (an inline onclick never did: CSP)
        asked.append(dialog.message)
        dialog.accept() if answer["accept"] else dialog.dismiss()

    page.remove_listener("dialog", accept_dialog)
    page.on("dialog", ask)
    log_in("sysadmin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/criteria/manage/")
    page.select_option("#id_source", str(latest))
    page.fill("#id_year", str(new))
    page.click("button:has-text('เริ่มร่าง')")
    page.wait_for_url(f"**/criteria/{new}/")
    assert "สถานะของเกณฑ์: ร่าง" in page.inner_text("main")
    screenshot("criteria-1-draft")

    page.click("#item-O2 a")
    page.fill("#id_name_th", "ข้อมูลผู้บริหารและการติดต่อ")
    page.click("button:has-text('บันทึก')")
    page.wait_for_url(f"**/criteria/{new}/")

    page.goto(f"{live_server.url}/criteria/{new}/merge/")
    keep = page.locator("#id_keep option", has_text="O3 ").first.get_attribute("value")
    page.select_option("#id_keep", keep)
    page.locator("#id_others label", has_text="O4 ").locator("input").check()
    page.fill("#id_name_th", "ข้อมูลการติดต่อและข่าวประชาสัมพันธ์")
    screenshot("criteria-2-merge")
    page.click("button:has-text('รวมข้อ')")
    page.wait_for_url(f"**/criteria/{new}/")
    assert asked[-1] == "รวมข้อที่เลือกเข้าด้วยกัน?"

    page.goto(f"{live_server.url}/criteria/{new}/crosswalk/")
    screenshot("criteria-3-crosswalk")
    page.goto(f"{live_server.url}/criteria/{new}/")
    page.select_option("#id_status", "provisional")
    page.click("button:has-text('เผยแพร่')")
    page.wait_for_load_state()
    assert AssessmentYear.objects.get(year=new).status == CriteriaStatus.PROVISIONAL
    assert asked[-1].startswith(f"เผยแพร่เกณฑ์ปี {new}?")
    assert "เผยแพร่ (ใช้งานชั่วคราว)" in page.inner_text("main")
    screenshot("criteria-4-published")

    log_in("admin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/rollover/{new}/")
    assert "ย้ายหน่วยงานเข้าปี" in page.inner_text("h1")
    screenshot("criteria-5-rollover-preview")
    answer["accept"] = False  # "cancel" in the question: nothing moves
    page.click("button:has-text('ยืนยันย้ายเข้าปี')")
    page.wait_for_timeout(300)
    assert asked[-1].startswith(f"ย้ายเข้าปี {thai_digits(new)} ตามรายการนี้?")
    assert "/rollover/" in page.url
    assert not DisclosureItem.objects.filter(organization=demo, oit_item__year__year=new).exists()
    answer["accept"] = True
    page.click("button:has-text('ยืนยันย้ายเข้าปี')")
    page.wait_for_url(f"**/disclosure/{new}/")
    text = page.inner_text("main")
    assert "ข้อมูลการติดต่อและข่าวประชาสัมพันธ์" in text
    assert "ข้อมูลผู้บริหารและการติดต่อ" in text
    merged = DisclosureItem.objects.get(organization=demo, oit_item__year__year=new,
                                        oit_item__code="O3")
    assert merged.links.count() == 2 and merged.needs_confirmation
    screenshot("criteria-6-checklist")
    for name, size in (("projector", {"width": 1366, "height": 768}),
                       ("phone", {"width": 390, "height": 844})):
        page.set_viewport_size(size)
        screenshot(f"criteria-7-checklist-{name}")
