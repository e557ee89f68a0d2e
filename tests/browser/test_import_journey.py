import pytest

from demo.loader import DEMO_PASSWORD
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
    assert "มาตรการ ปีงบประมาณ ๒๕๖๖ (๔)" in page.inner_text("main")
    assert "ประเด็นที่ต้องปรับปรุง (๑๗)" in page.inner_text("main")
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


def test_admin_exports_the_workbook_edits_it_and_imports_it_back(page, screenshot, demo, log_in,
                                                                 live_server, tmp_path):
    from tests.imports.workbook_helpers import Editor

    log_in("admin", DEMO_PASSWORD)
    page.click("text=นำเข้าเอกสาร")
    page.fill("#wb-year", "2565")
    with page.expect_download() as download:
        page.click("button:has-text('ส่งออกข้อมูลปีนี้')")
    book = Editor(open(download.value.path(), "rb").read())
    row = book.find("มาตรการ", "ลำดับมาตรการ", 1)
    book.set("มาตรการ", row, "มาตรการ/แนวทาง", "มาตรการที่แก้ชื่อใน Excel")
    start = book.get("มาตรการ", row + 1, "วันเริ่ม")
    book.set("มาตรการ", row + 1, "วันเริ่ม", "31/02/2565")
    wrong = tmp_path / "wrong.xlsx"
    wrong.write_bytes(book.bytes())
    page.fill("#id_fiscal_year", "2565")
    page.set_input_files("#id_file", str(wrong))
    page.click("button:has-text('อ่านเอกสารและแสดงตัวอย่าง')")
    page.wait_for_selector("[role=alert]")
    assert "แถว 3 คอลัมน์ “วันเริ่ม”: วันที่ไม่ถูกต้อง" in page.inner_text("[role=alert]")
    screenshot("workbook-1-row-error")
    book.set("มาตรการ", row + 1, "วันเริ่ม", start)
    fixed = tmp_path / "fixed.xlsx"
    fixed.write_bytes(book.bytes())
    page.fill("#id_fiscal_year", "2565")
    page.set_input_files("#id_file", str(fixed))
    page.click("button:has-text('อ่านเอกสารและแสดงตัวอย่าง')")
    page.wait_for_selector("h1:has-text('ตรวจก่อนนำเข้า')")
    assert "มาตรการที่แก้ชื่อใน Excel" in page.inner_text("main")
    screenshot("workbook-2-preview")
    page.click("button:has-text('ยืนยันการนำเข้า')")
    page.wait_for_selector("#batch-state:has-text('นำเข้าแล้ว')")
    screenshot("workbook-3-done")
    assert "แก้ไข: มาตรการ 1" in page.inner_text("#summary")


PDF_SOURCE = """รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปี 2564 เทศบาลตำบลอรุณนิคม
ผลการประเมิน ITA ประจำปี 2564 มีผลคะแนน 81.45 คะแนน อยู่ในระดับ B
ลำดับ\tตัวชี้วัด\tคะแนน
1\tการปฏิบัติหน้าที่\t95.00
2\tการใช้งบประมาณ\t74.15
4\tการใช้ทรัพย์สินของราชการ\t85.00
มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ 2565
มาตรการ/แนวทาง\tวิธีดำเนินการ\tผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tการติดตามประเมินผล
5. เผยแพร่ผล ITA ให้บุคลากรทราบ\t1. ประชุมชี้แจงผล\tสำนักปลัดเทศบาล\tมกราคม 2565\tรายงานทุกครั้งที่ประชุม
6. จัดทำคู่มือการให้บริการ\t1. รวบรวมขั้นตอนการให้บริการ\tกองคลัง\tกุมภาพันธ์ - มีนาคม 2565\tรายงานผลปีละ 2 ครั้ง
"""


def test_admin_uploads_a_pdf_sees_new_and_existing_unticks_a_row_and_confirms(
        page, screenshot, demo, log_in, live_server, tmp_path):
    from indicators.models import IndicatorScore
    from measures.models import Measure
    from tests.imports import corpus

    path = tmp_path / "ita-2564.pdf"
    path.write_bytes(corpus.to_pdf(PDF_SOURCE))
    log_in("admin", DEMO_PASSWORD)
    page.click("text=นำเข้าเอกสาร")
    page.fill("#id_fiscal_year", "2565")
    page.set_input_files("#id_file", str(path))
    page.click("button:has-text('อ่านเอกสารและแสดงตัวอย่าง')")
    page.wait_for_selector("h1:has-text('ตรวจก่อนนำเข้า')")
    scores = page.inner_text("#scores")
    assert "ITA ปี ๒๕๖๔" in scores and "ใหม่" in scores and "มีอยู่แล้ว ไม่เปลี่ยน" in scores
    assert "คะแนน: ๘๓.๓๗ → ๘๕.๐๐" in scores
    assert "๘๑.๔๕" in page.inner_text("#result") and "B" in page.inner_text("#grade")
    assert "มาตรการ: ใหม่ ๒" in page.inner_text("#counts")
    screenshot("import-pdf-1-preview")
    page.uncheck("input[name=row][value='measures:1']")  # leave measure 6 out
    assert "มาตรการ: ใหม่ ๑" in page.inner_text("#counts")  # the counts follow the ticks
    screenshot("import-pdf-2-unticked")
    page.click("button:has-text('ยืนยันการนำเข้า')")
    page.wait_for_selector("#batch-state:has-text('นำเข้าแล้ว')")
    assert "ไม่นำเข้าตามที่เลือก: ๑ รายการ" in page.inner_text("#summary")
    screenshot("import-pdf-3-done")
    org = demo
    assert Measure.objects.filter(organization=org, fiscal_year=2565, number=5).exists()
    assert not Measure.objects.filter(organization=org, fiscal_year=2565, number=6).exists()
    changed = IndicatorScore.objects.get(organization=org, indicator__year__year=2564,
                                         indicator__number=4)
    assert str(changed.score) == "85.00"
