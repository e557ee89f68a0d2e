"""A list's PDF is a job: the request only queues it; the rows are the ones the person saw
(their filters, their organisation); only they download it; an overseer reading an
organisation may ask for one; anyone else gets nothing."""

import pytest
from django.urls import reverse

from ita_portal.jobs import execute
from ita_portal.models import Job, ListExport
from tests.measures.conftest import make_measure
from tests.reports.pdfcheck import missing_paragraphs, read_pdf, squash


@pytest.fixture
def measure(org):
    return make_measure(org, 3)


@pytest.fixture
def foreign_measure(other_org):
    return make_measure(other_org, 1)


def _start(client, kind="measures", query="fiscal_year=2570"):
    return client.post(reverse("list-export-start", args=[kind]), {"query": query})


@pytest.mark.django_db
def test_the_request_only_queues_the_job(client, owner, measure):
    client.force_login(owner)
    response = _start(client)
    export = ListExport.objects.get()
    assert response.url == reverse("list-export", args=[export.pk])
    assert not export.file and Job.objects.get(object_id=export.pk).state == "queued"
    page = client.get(response.url).content.decode()
    assert "กำลังสร้าง" in page and 'data-job-file' in page
    assert _start(client).url == response.url  # a second click shows the running one
    assert ListExport.objects.count() == 1


@pytest.mark.django_db
def test_pdf_holds_the_filtered_rows_of_the_own_organisation(
        client, owner, org, foreign_measure, tmp_path, django_capture_on_commit_callbacks):
    make_measure(org, 1, status="done", percent=100)
    make_measure(org, 2, status="in_progress")
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = _start(client, query="fiscal_year=2570&status=in_progress")
    status = client.get(response.url, {"format": "json"}).json()
    assert status["state"] == "done"
    data = b"".join(client.get(status["file"]).streaming_content)
    facts = read_pdf(data, tmp_path, "list")
    assert missing_paragraphs(facts, ["มาตรการทดสอบที่ 2"]) == []
    assert squash("มาตรการทดสอบที่ 1") not in squash(facts.text)  # filtered out; other org


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["other_staff", "committee", "org_admin", "outsider"])
def test_only_the_person_who_asked_downloads(client, request, owner, measure, persona,
                                              django_capture_on_commit_callbacks):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        url = _start(client).url
    export = ListExport.objects.get()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == 404
    assert client.get(reverse("list-export-file", args=[export.pk])).status_code == 404


@pytest.mark.django_db
def test_anonymous_and_unknown_lists(client, owner):
    response = _start(client)
    assert response.status_code == 302 and "login" in response.url
    assert ListExport.objects.count() == 0
    client.force_login(owner)
    assert _start(client, kind="payroll").status_code == 404
    assert client.get(reverse("list-export-start", args=["measures"])).status_code == 200  # asks
    assert ListExport.objects.count() == 0


@pytest.mark.django_db
def test_overseer_reading_an_organisation_gets_its_list(client, overseer, org, measure,
                                                        django_capture_on_commit_callbacks):
    client.force_login(overseer)
    assert _start(client).status_code == 403  # reading no organisation yet: nothing to list
    client.post(reverse("read-organization", args=[org.slug]))
    with django_capture_on_commit_callbacks(execute=True):
        url = _start(client).url
    export = ListExport.objects.get()
    assert export.organization_id == org.pk
    assert client.get(url, {"format": "json"}).json()["state"] == "done"


@pytest.mark.django_db
def test_a_person_deactivated_before_the_job_runs_gets_no_file(client, owner, measure):
    client.force_login(owner)
    _start(client)
    owner.is_active = False
    owner.save()
    execute(Job.objects.get().pk)
    assert Job.objects.get().state == "failed" and not ListExport.objects.get().file


@pytest.mark.django_db
def test_old_list_pdfs_go_with_their_files_recent_and_running_ones_stay(
        client, owner, measure, django_capture_on_commit_callbacks):
    import datetime

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        _start(client)
    old = ListExport.objects.get()
    assert old.file and old.file.storage.exists(old.file.name)
    _start(client, query="fiscal_year=2570&status=done")  # still queued
    running = ListExport.objects.exclude(pk=old.pk).get()
    with django_capture_on_commit_callbacks(execute=True):
        _start(client, query="fiscal_year=2570&status=in_progress")
    recent = ListExport.objects.exclude(pk__in=[old.pk, running.pk]).get()
    ListExport.objects.filter(pk__in=[old.pk, running.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=8))
    with pytest.raises(CommandError, match="1 ถึง 3650"):
        call_command("prune_list_exports", days=0)
    assert ListExport.objects.count() == 3  # refused: nothing went
    call_command("prune_list_exports")
    assert set(ListExport.objects.values_list("pk", flat=True)) == {running.pk, recent.pk}
    assert not old.file.storage.exists(old.file.name)
    assert client.get(reverse("list-export", args=[old.pk])).status_code == 404
    assert recent.file.storage.exists(recent.file.name)
