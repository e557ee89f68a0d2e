"""A report whose data has not changed is handed over at once (no new render): the O42 and
annual exports, a meeting's draft and a list's PDF. When the data changes it is rendered
again; when the data version moved but the document would read the same, the earlier PDF is
reused without laying it out again."""

import time

import pytest
from django.urls import reverse

from ita_portal.jobs import execute
from ita_portal.models import Job, ListExport
from organizations.models import Department
from reports.models import Committee, Meeting, ReportExport
from tests.measures.conftest import make_measure
from tests.reports.pdfcheck import missing_paragraphs, read_pdf

pytestmark = pytest.mark.django_db



def pointed(model, response):
    """The export a start answer redirects to."""
    return model.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))

def start(client, capture, kind="annual", year=2570):
    with capture(execute=True):
        response = client.post(reverse("report-list"), {"kind": kind, "fiscal_year": year})
    assert response.status_code == 302
    return pointed(ReportExport, response)


def download(client, export):
    started = time.perf_counter()
    response = client.get(reverse("report-export-file", args=[export.pk]))
    data = b"".join(response.streaming_content)
    return data, time.perf_counter() - started


@pytest.mark.parametrize("kind", ["annual", "o42"])
def test_an_unchanged_report_is_handed_over_at_once(client, org_admin, measures, kind,
                                                    django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    first = start(client, django_capture_on_commit_callbacks, kind)
    assert first.file and first.data_version is not None and len(first.source_sha256) == 64
    jobs = Job.objects.count()
    again = start(client, django_capture_on_commit_callbacks, kind)
    assert again.pk == first.pk and Job.objects.count() == jobs  # no new render
    data, seconds = download(client, again)
    assert data.startswith(b"%PDF") and seconds < 0.2


def test_a_change_renders_it_again_with_the_change(client, org_admin, measures, tmp_path,
                                                   django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    first = start(client, django_capture_on_commit_callbacks)
    make_measure(measures, 2)
    second = start(client, django_capture_on_commit_callbacks)
    assert second.pk != first.pk and second.sha256 != first.sha256
    facts = read_pdf(download(client, second)[0], tmp_path)
    assert missing_paragraphs(facts, ["มาตรการทดสอบที่ 2"]) == []


def test_the_same_document_reuses_the_earlier_pdf(client, org_admin, measures, monkeypatch,
                                                  django_capture_on_commit_callbacks):
    client.force_login(org_admin)
    first = start(client, django_capture_on_commit_callbacks)
    Department.objects.create(organization=measures, name_th="กองช่าง")  # not in the report

    def no_render(*args, **kwargs):
        raise AssertionError("laid out again")

    monkeypatch.setattr("reports.tasks.report_pdf", no_render)
    second = start(client, django_capture_on_commit_callbacks)
    assert second.pk != first.pk and second.data_version > first.data_version
    assert (second.file.name, second.sha256, second.source_sha256) == (
        first.file.name, first.sha256, first.source_sha256)
    assert download(client, second)[0] == download(client, first)[0]


def test_a_meeting_draft_is_reused_until_its_data_changes(client, committee, org,
                                                          django_capture_on_commit_callbacks):
    meeting = Meeting.objects.create(
        organization=org, committee=Committee.objects.create(organization=org, name_th="คณะ"),
        fiscal_year=2570, number=1, date=make_measure(org, 1).end_date)
    client.force_login(committee)

    def draft():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("meeting-draft", args=[meeting.pk]))
        return pointed(ReportExport, response)

    first = draft()
    assert first.file and draft().pk == first.pk
    make_measure(org, 2)
    assert draft().pk != first.pk


def test_a_list_pdf_is_reused_for_the_same_person_and_filters(client, owner, other_staff,
                                                              org):
    make_measure(org, 1)

    def ask(query="fiscal_year=2570"):
        response = client.post(reverse("list-export-start", args=["measures"]),
                               {"query": query})
        export = pointed(ListExport, response)
        for job in Job.objects.filter(object_id=export.pk, state="queued"):
            execute(job.pk)
        export.refresh_from_db()
        return export

    client.force_login(owner)
    first = ask()
    assert first.file and ask().pk == first.pk
    assert ask("fiscal_year=2570&status=done").pk != first.pk  # other filters: its own
    client.force_login(other_staff)
    assert ask().pk != first.pk  # another person: their own
    client.force_login(owner)
    make_measure(org, 2)
    assert ask().pk != first.pk
