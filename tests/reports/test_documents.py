"""The O42 document, the annual (O43) report and list pages as PDF."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from demo.loader import load_demo
from measures.models import Measure, ProgressUpdate, Status
from organizations.models import User
from reports.documents import report_pdf
from tests.reports.pdfcheck import embeds_only_sarabun, missing_paragraphs, read_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(criteria):
    org, _, _ = load_demo()
    measure = Measure.objects.get(organization=org, fiscal_year=2565, number=1)
    finance = User.objects.get(username="finance")
    ProgressUpdate.objects.create(measure=measure, reported_on="2022-03-01", percent=40,
                                  status=Status.IN_PROGRESS, by=finance,
                                  note="ดำเนินการเผยแพร่แผนการจัดซื้อจัดจ้างทางเว็บไซต์และบอร์ดประชาสัมพันธ์แล้ว")
    return org


def test_o42_carries_the_analysis_and_the_measures(demo, tmp_path):
    facts = read_pdf(report_pdf("o42", demo, 2565), tmp_path)
    assert embeds_only_sarabun(facts)
    assert 4 <= facts.pages <= 20
    issues = list(demo.improvement_issues.filter(fiscal_year=2565))
    measures = list(Measure.objects.filter(organization=demo, fiscal_year=2565)
                    .prefetch_related("steps"))
    assert len(issues) == 17 and len(measures) == 4
    paragraphs = [t for i in issues for t in (i.title, i.approach)]
    paragraphs += [m.title for m in measures] + [s.text for m in measures for s in m.steps.all()]
    paragraphs += ["ตัวชี้วัดที่ ๒ การใช้งบประมาณ · คะแนน ๗๔.๑๕", "สิงหาคม ๒๕๖๔ – มกราคม ๒๕๖๕"]
    assert missing_paragraphs(facts, paragraphs) == []
    assert "หน้า ๑ จาก" in facts.text


def test_annual_report_tells_what_was_done(demo, tmp_path):
    facts = read_pdf(report_pdf("annual", demo, 2565), tmp_path)
    assert embeds_only_sarabun(facts)
    assert 1 <= facts.pages <= 10
    update = ProgressUpdate.objects.get(measure__fiscal_year=2565)  # the demo's reports of 2570 too
    assert missing_paragraphs(facts, [
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        update.measure.title, update.note, "ร้อยละ ๔๐", "ยังไม่เริ่ม",
    ]) == []


def test_a_large_organisation_renders_linearly(demo, tmp_path):
    """200 measures: the annual report grows, stays well-formed and keeps every title."""
    template = Measure.objects.filter(organization=demo, fiscal_year=2565).first()
    for number in range(10, 210):
        Measure.objects.create(organization=demo, fiscal_year=2565, number=number,
                               title=f"มาตรการดำเนินการที่ {number} เพื่อความโปร่งใส",
                               start_date=template.start_date, end_date=template.end_date)
    facts = read_pdf(report_pdf("annual", demo, 2565), tmp_path)
    assert facts.pages >= 10
    assert missing_paragraphs(facts, ["มาตรการดำเนินการที่ 209 เพื่อความโปร่งใส"]) == []


@pytest.mark.parametrize("kind", ["o42", "annual"])
def test_render_report_command_writes_each_kind(demo, tmp_path, kind):
    out = tmp_path / f"{kind}.pdf"
    call_command("render_report", kind, "--organization", demo.slug, "--year", "2565",
                 "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_render_report_refuses_an_unknown_kind(demo, tmp_path):
    with pytest.raises(CommandError, match="o42, annual") as info:
        call_command("render_report", "o99", "--organization", demo.slug, "--year", "2565",
                     "-o", str(tmp_path / "x.pdf"))
    assert info.value.returncode == 2


def _list_pdf(client, capture, kind, query):
    """Start a list's PDF as the page's button does, run its job, download the file."""
    with capture(execute=True):
        started = client.post(reverse("list-export-start", args=[kind]), {"query": query})
    assert started.status_code == 302
    status = client.get(started.url, {"format": "json"}).json()
    assert status["state"] == "done" and status["pages"] >= 1, status
    response = client.get(status["file"])
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def test_measure_list_and_checklist_as_pdf(client, demo, tmp_path,
                                           django_capture_on_commit_callbacks):
    client.force_login(User.objects.get(username="committee"))
    data = _list_pdf(client, django_capture_on_commit_callbacks, "measures", "fiscal_year=2565")
    facts = read_pdf(data, tmp_path, "measures")
    titles = Measure.objects.filter(organization=demo).values_list("title", flat=True)
    assert missing_paragraphs(facts, list(titles)) == []
    data = _list_pdf(client, django_capture_on_commit_callbacks, "oit", "year=2565")
    facts = read_pdf(data, tmp_path, "oit")
    assert embeds_only_sarabun(facts)
    assert missing_paragraphs(facts, ["รายการเปิดเผยข้อมูลสาธารณะ (OIT) ปี พ.ศ. ๒๕๖๕",
                                      "โครงสร้าง"]) == []
