"""Background jobs in one shape: one unfinished job per kind and object, failures kept,
and a job whose worker was killed is run again when a worker starts."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from ita_portal import jobs
from ita_portal.models import Job, JobState
from reports.models import Committee, Meeting, ReportExport
from reports.services import meeting_pdf_job
from reports.tasks import MEETING_PDF
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def meeting(org):
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    make_measure(org, 1)
    return Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                  number=1, date=timezone.localdate())


def test_asking_twice_returns_the_unfinished_job(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        first = jobs.enqueue(MEETING_PDF, meeting.pk)
        second = jobs.enqueue(MEETING_PDF, meeting.pk)
    assert first.pk == second.pk and len(queued) == 1 and Job.objects.count() == 1
    Job.objects.filter(pk=first.pk).update(state=JobState.FAILED)
    assert jobs.enqueue(MEETING_PDF, meeting.pk).pk != first.pk


def test_a_second_click_on_export_shows_the_running_export(client, org_admin, meeting):
    client.force_login(org_admin)
    data = {"kind": "o42", "fiscal_year": 2570}
    first = client.post(reverse("report-list"), data)
    second = client.post(reverse("report-list"), data)
    assert first.url == second.url
    assert ReportExport.objects.count() == 1 and Job.objects.count() == 1


def test_a_second_click_on_render_while_rendering_queues_nothing(client, org_admin, meeting):
    client.force_login(org_admin)
    client.post(reverse("meeting-close", args=[meeting.pk]))
    response = client.post(reverse("meeting-render", args=[meeting.pk]), follow=True)
    assert "ไม่ต้องจัดทำใหม่" in response.content.decode()
    assert Job.objects.filter(kind=MEETING_PDF).count() == 1


def test_every_progress_page_polls_the_same_shape(client, org_admin, meeting):
    client.force_login(org_admin)
    client.post(reverse("meeting-close", args=[meeting.pk]))
    client.post(reverse("report-list"), {"kind": "o42", "fiscal_year": 2570})
    export = ReportExport.objects.get()
    urls = [reverse("meeting-detail", args=[meeting.pk]),
            reverse("report-export", args=[export.pk])]
    keys = {"state", "step", "percent", "finished", "error", "file"}
    for url in urls:
        assert keys <= set(client.get(url, {"format": "json"}).json())
        assert "data-job-url" in client.get(url).content.decode()


def test_a_running_job_with_a_live_worker_is_left_alone(meeting):
    job = Job.objects.create(kind=MEETING_PDF, object_id=meeting.pk, state=JobState.RUNNING,
                             worker=jobs._worker_name(), heartbeat_at=timezone.now())
    assert jobs.recover() == []
    job.refresh_from_db()
    assert job.state == JobState.RUNNING


def test_a_job_that_keeps_killing_its_worker_is_given_up(meeting):
    job = Job.objects.create(kind=MEETING_PDF, object_id=meeting.pk, state=JobState.RUNNING,
                             worker="elsewhere:1", attempts=jobs.MAX_ATTEMPTS)
    assert jobs.recover() == []
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "หลายครั้ง" in job.error


def _worker_env(tmp_path):
    db = connection.settings_dict
    url = (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}")
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "ita_portal.settings",
            "SECRET_KEY": "worker-test-" + "x" * 50, "MEDIA_ROOT": str(tmp_path / "uploads"),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}


def _wait_until_running(job_query, worker, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = job_query.first()
        if job and job.state == JobState.RUNNING:
            return job
        assert worker.poll() is None, "the worker exited before it took the job"
        time.sleep(0.2)
    raise AssertionError("the worker never started the job")


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_is_killed_runs_again_when_a_worker_starts(
        client, org_admin, meeting, settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("a second process cannot open the in-memory SQLite test database; "
                    "this runs on PostgreSQL (make test)")
    settings.TASKS = DB_TASKS
    settings.MEDIA_ROOT = tmp_path / "uploads"
    client.force_login(org_admin)
    client.post(reverse("meeting-close", args=[meeting.pk]))
    small = Meeting.objects.get(pk=meeting.pk).report_html
    # A report long enough that the worker is surely still rendering when it is killed.
    Meeting.objects.filter(pk=meeting.pk).update(report_html=small.replace(
        "</body>", "<p>ย่อหน้ายาวเพื่อให้จัดหน้านาน</p>" * 20000 + "</body>"))
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload",
         "--interval", "0.1", "--verbosity", "0"],
        cwd=django_settings.BASE_DIR, env=_worker_env(tmp_path))
    try:
        job = _wait_until_running(Job.objects.filter(kind=MEETING_PDF), worker)
        assert job.worker.endswith(f":{worker.pid}")
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    Meeting.objects.filter(pk=meeting.pk).update(report_html=small)
    job.refresh_from_db()
    assert job.state == JobState.RUNNING and not Meeting.objects.get(pk=meeting.pk).report_file

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job.refresh_from_db()
    assert (job.state, job.attempts, job.progress) == (JobState.DONE, 2, 100)
    assert Meeting.objects.get(pk=meeting.pk).report_file
    assert meeting_pdf_job(meeting).pk == job.pk
