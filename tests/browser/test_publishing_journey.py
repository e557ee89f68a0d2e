"""Issue 17's publishing journey: the admin approves the analysis-and-measures report for the
public pages; anyone reads it there without signing in (desktop, projector, phone), the OIT item
it answers lists its address, and the overseer's summary says who is likely below 85 and why."""

import pytest
from django.core.files.base import ContentFile

from demo.loader import DEMO_PASSWORD
from disclosure.models import DisclosureItem
from indicators.models import OITItem
from indicators.years import default_year
from organizations.models import Role, User
from reports.models import PublishedDocument, ReportExport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def report(demo):
    admin = User.objects.get(username="admin")
    made = ReportExport.objects.create(organization=demo, kind="o42", fiscal_year=2570,
                                       requested_by=admin, pages=1)
    made.file.save("o42.pdf", ContentFile(PDF))
    return made


def test_admin_publishes_the_analysis_and_the_public_reads_it(page, browser, screenshot, log_in,
                                                              live_server, demo, report):
    item = OITItem.objects.filter(year__year=default_year(), portal_document="analysis").first()
    log_in("admin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/reports/")
    page.click("text=เอกสารที่เผยแพร่ต่อสาธารณะ")
    page.fill("#id_title", "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปี ๒๕๗๐")
    page.select_option("#id_export", str(report.pk))
    if item is not None:
        page.select_option("#id_oit_item", str(item.pk))
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.click("button:has-text('อนุมัติและเผยแพร่')")
    page.wait_for_selector("text=เผยแพร่เอกสารแล้ว")
    assert questions and "ท่านเป็นผู้อนุมัติ" in questions[0]
    assert "เผยแพร่อยู่" in page.inner_text("main")
    screenshot("publish-1-admin-list")
    document = PublishedDocument.objects.get()

    reader = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
    public = reader.new_page()
    for name, width, height in (("desktop", 1280, 900), ("projector", 1366, 768),
                                ("phone", 390, 844)):
        public.set_viewport_size({"width": width, "height": height})
        public.goto(f"{live_server.url}/public/{demo.slug}/documents/")
        assert "การวิเคราะห์ผลการประเมินคุณธรรม" in public.inner_text("main")
        assert public.evaluate("document.documentElement.scrollWidth") <= width
        public.screenshot(path=str(_artifact(f"publish-2-public-{name}")), full_page=True)
    response = public.request.get(document.public_url)
    assert response.status == 200 and response.body() == PDF
    reader.close()

    if item is not None:
        answered = DisclosureItem.objects.get(organization=demo, oit_item=item)
        assert answered.links.filter(url=document.public_url, removed_at=None).exists()
        page.goto(f"{live_server.url}/disclosure/item/{answered.pk}/")
        assert document.public_url in page.content()
        screenshot("publish-3-oit-item")


def test_the_overseer_reads_who_is_likely_below_85(page, screenshot, log_in, live_server,
                                                   demo):
    User.objects.create_user("province", password=DEMO_PASSWORD, role=Role.OVERSEER,
                             oversight_province=demo.province)
    log_in("province", DEMO_PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/")
    text = page.inner_text("main")
    assert "มีแนวโน้มได้คะแนนต่ำกว่า ๘๕ เพราะ" in text and "ผลทางการล่าสุด" in text
    screenshot("overseer-summary-projector", full_page=False)


def _artifact(name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
