"""Background exports of the O42 and annual reports: who starts, who follows, who downloads."""

import pytest
from django.urls import reverse

from ita_portal.models import JobState
from reports.exports import export_job
from reports.models import ReportExport
from tests.reports.pdfcheck import missing_paragraphs, read_pdf

pytestmark = pytest.mark.django_db


def start(client, django_capture_on_commit_callbacks, kind="annual", year=2570):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("report-list"), {"kind": kind, "fiscal_year": year})


def test_admin_starts_a_render_and_downloads_it(client, org_admin, measures, tmp_path,
                                                django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    response = start(client, django_capture_on_commit_callbacks)
    export = ReportExport.objects.get()
    assert response.status_code == 302 and response.url == reverse("report-export",
                                                                   args=[export.pk])
    assert (export_job(export).state, export.requested_by, export.pages) == (JobState.DONE,
                                                                      org_admin, 1)
    status = client.get(reverse("report-export", args=[export.pk]), {"format": "json"}).json()
    assert status["finished"] and status["percent"] == 100 and status["pages"] == 1
    pdf = client.get(status["file"])
    data = b"".join(pdf.streaming_content)
    assert export.sha256 and len(export.sha256) == 64
    facts = read_pdf(data, tmp_path)
    assert missing_paragraphs(facts, ["มาตรการทดสอบที่ 1"]) == []


def test_bad_choices_are_refused_in_thai(client, org_admin, measures,
                                         django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    response = start(client, django_capture_on_commit_callbacks, kind="o99", year=1999)
    text = response.content.decode()
    assert response.status_code == 400
    assert "เลือกรายงานจากรายการ" in text and "เลือกปีงบประมาณจากรายการ" in text
    assert not ReportExport.objects.exists()


@pytest.mark.parametrize("name", ["owner", "other_staff", "committee"])
def test_members_follow_and_download_but_do_not_start(client, personas, measures, name,
                                                      django_capture_on_commit_callbacks):
    client.force_login(personas["org_admin"])
    start(client, django_capture_on_commit_callbacks)
    export = ReportExport.objects.get()
    client.force_login(personas[name])
    page = client.get(reverse("report-list"))
    assert page.status_code == 200 and "สร้างรายงาน PDF" not in page.content.decode()
    assert start(client, django_capture_on_commit_callbacks).status_code == 403
    assert ReportExport.objects.count() == 1
    assert client.get(reverse("report-export", args=[export.pk])).status_code == 200
    assert client.get(reverse("report-export-file", args=[export.pk])).status_code == 200


def test_another_municipality_and_anonymous_get_nothing(client, personas, measures,
                                                        django_capture_on_commit_callbacks):
    client.force_login(personas["org_admin"])
    start(client, django_capture_on_commit_callbacks)
    export = ReportExport.objects.get()
    client.logout()
    for name in ("report-export", "report-export-file"):
        assert client.get(reverse(name, args=[export.pk])).status_code == 302
    client.force_login(personas["outsider"])
    for name in ("report-export", "report-export-file"):
        assert client.get(reverse(name, args=[export.pk])).status_code == 404
    assert export.pk not in [e.pk for e in client.get(reverse("report-list")).context["exports"]]


def test_a_failed_render_says_so_and_offers_no_file(client, org_admin, measures, monkeypatch,
                                                    django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("reports.documents.lay_out_html", broken)
    client.force_login(org_admin)
    start(client, django_capture_on_commit_callbacks)
    export = ReportExport.objects.get()
    assert export_job(export).state == JobState.FAILED and not export.file
    assert "สร้างรายงานไม่สำเร็จ" in client.get(reverse("report-export",
                                                       args=[export.pk])).content.decode()
    assert client.get(reverse("report-export-file", args=[export.pk])).status_code == 404


def test_a_queued_export_shows_its_step(client, org_admin, measures):
    client.force_login(org_admin)
    client.post(reverse("report-list"), {"kind": "o42", "fiscal_year": 2570})
    export = ReportExport.objects.get()
    status = client.get(reverse("report-export", args=[export.pk]), {"format": "json"}).json()
    assert (status["state"], status["step"], status["finished"]) == ("queued", "รอคิว", False)
