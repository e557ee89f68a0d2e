"""The OIT checklist keeps its rendered parts while the organisation's data is unchanged and
shows every answer and every finished link check at once; its start buttons stay the
person's (one form outside the kept part holds their token)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disclosure.models import CheckRun
from disclosure.services import ensure_checklist
from tests.disclosure.helpers import answer, fill

pytestmark = pytest.mark.django_db
URL = reverse("checklist", args=[2565])


def queries(client, url=URL):
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(url).content.decode()
    return body, len(ctx.captured_queries)


def test_unchanged_checklist_is_read_once(client, criteria, org, org_admin):
    fill(org, 2565, org_admin)
    client.force_login(org_admin)
    first, rendered = queries(client)
    again, kept = queries(client)
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", again) == token.sub("", first)
    assert kept <= 8 < rendered, kept  # pinned: session (read, saved), the person with their
    # organisation and notices, 2FA device; the years to choose and the last link check kept


def test_an_answer_shows_at_once(client, criteria, org, org_admin):
    ensure_checklist(org, 2565)
    client.force_login(org_admin)
    assert "O1" in client.get(URL).content.decode()
    item = answer(org, 2565, "O1")
    response = client.post(reverse("disclosure-item", args=[item.pk]), {
        "version": item.version, "status": "present", "explanation": "เผยแพร่แล้ว",
        "urls": "https://tambon-a.go.th/o1", "owner_department": "", "owner_position": "",
        "due_date": ""})
    assert response.status_code == 302
    assert "tambon-a.go.th/o1" in client.get(URL).content.decode()


def test_a_finished_link_check_shows_at_once(client, criteria, org, org_admin, site,
                                             allow_local, django_capture_on_commit_callbacks):
    fill(org, 2565, org_admin, urls={"O1": site + "/missing"}, base=site)
    client.force_login(org_admin)
    assert "ตรวจไม่ผ่าน" not in client.get(URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("check-links", args=[2565]))
    assert CheckRun.objects.get().finished_at
    assert "ตรวจไม่ผ่าน ๑ ครั้ง" in client.get(URL).content.decode()


def test_a_requested_link_check_shows_at_once_and_is_then_read_once(client, criteria, org,
                                                                     org_admin):
    fill(org, 2565, org_admin)
    client.force_login(org_admin)
    assert "กำลังตรวจ" not in client.get(URL).content.decode()
    client.post(reverse("check-links", args=[2565]))  # queued, not yet run
    assert "กำลังตรวจ" in client.get(URL).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL)
    assert not [q for q in ctx.captured_queries if '"disclosure_checkrun"' in q["sql"]]


def test_start_buttons_are_the_persons_own(client, criteria, org, org_admin, committee):
    """Unanswered items: staff start them (links that post with their own cookie, no token
    kept in the part); the committee reads."""
    client.force_login(org_admin)
    body = client.get(URL).content.decode()
    assert body.count('class="linklike start" data-post') == 43
    assert "csrfmiddlewaretoken" not in body
    response = client.post(reverse("disclosure-item-start", args=[2565, "O1"]))
    assert response.status_code == 302
    client.force_login(committee)
    body = client.get(URL).content.decode()
    assert 'class="linklike start"' not in body


def test_the_public_page_is_read_once_and_follows_every_answer(client, criteria, org,
                                                               org_admin):
    fill(org, 2565, org_admin, skip={"O2"})
    url = reverse("public-oit", args=[org.slug, 2565])
    first, rendered = queries(client, url)
    again, kept = queries(client, url)
    assert again == first and kept <= 1 < rendered  # pinned: the organisation
    assert "tambon-a.go.th/oit/O2<" not in first
    fill(org, 2565, org_admin)
    assert "tambon-a.go.th/oit/O2<" in client.get(url).content.decode()


def test_a_check_job_that_fails_midway_still_moves_the_pages_of_what_it_wrote(
        criteria, org, org_admin, site, allow_local, monkeypatch):
    """Each batch's link states are committed with a raised data version: a job that dies
    after a batch leaves no page or overseer figure showing the links as they were."""
    from disclosure import tasks
    from disclosure.checker import CheckResult
    from disclosure.services import check_run_create
    from organizations.models import Organization

    fill(org, 2565, org_admin, base=site)
    run = check_run_create(organization=org, year=2565)
    before = Organization.objects.get(pk=org.pk).data_version

    def one_batch_then_die(checks, **options):
        pk, url, _ = checks[0]
        yield [(pk, CheckResult(url, "http_error", http_status=404))]
        raise RuntimeError("worker lost")

    monkeypatch.setattr(tasks, "check_batches", one_batch_then_die)
    with pytest.raises(RuntimeError):
        tasks.execute_runs([run])
    assert not CheckRun.objects.get(pk=run.pk).finished_at
    assert Organization.objects.get(pk=org.pk).data_version > before
