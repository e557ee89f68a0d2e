import pytest

from ita_portal.demo import DEMO_PASSWORD
from tests.imports.conftest import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_pastes_previews_fixes_an_owner_and_confirms(page, screenshot, demo, log_in,
                                                           live_server):
    # one owner written in a way the municipality's records do not know yet
    text = SEED.read_text(encoding="utf-8").replace("หัวหน้าหน่วยงานตรวจสอบภายใน",
                                                    "หน.ตรวจสอบภายใน")
    log_in("admin", DEMO_PASSWORD)
    page.click("text=นำเข้าเอกสาร")
    page.fill("#id_fiscal_year", "2566")
    page.fill("#id_text", text)
    screenshot("import-1-paste")
    page.click("button:has-text('อ่านเอกสารและแสดงตัวอย่าง')")
    page.wait_for_selector("h1:has-text('ตรวจก่อนนำเข้า')")
    assert "มาตรการ (4)" in page.inner_text("main")
    assert "ประเด็นที่ต้องปรับปรุง (17)" in page.inner_text("main")
    assert "ซ้ำกับขั้นตอนก่อนหน้า" in page.inner_text("#unparsed")
    page.select_option("select[name=owner_0]", label="ตำแหน่ง: หัวหน้าหน่วยตรวจสอบภายใน")
    screenshot("import-2-preview")
    page.click("button:has-text('ยืนยันการนำเข้า')")
    page.wait_for_selector("#batch-state:has-text('นำเข้าแล้ว')")
    screenshot("import-3-done")
    page.click("text=ดูรายการมาตรการ")
    page.wait_for_selector("table")
    body = page.inner_text("main")
    assert "ส่งเสริมการให้ความรู้แนวปฏิบัติในการใช้ทรัพย์สินของราชการที่ถูกต้อง" in body
    screenshot("import-4-measures")
    from organizations.models import Position

    assert not Position.objects.filter(name_th="หน.ตรวจสอบภายใน").exists()
