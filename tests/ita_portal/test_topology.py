"""Issue 14: a province or the country on more than one machine. Two app servers (gunicorn) and
two workers (`rqworker`) share PostgreSQL, a real redis-server and an S3-compatible bucket; each
process has its own empty MEDIA_ROOT, so nothing can pass through a local disk. An upload through
server A downloads from server B, and a PDF rendered by either worker downloads from the other
server."""

import re
import subprocess
import sys

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from ita_portal.models import ListExport
from measures.models import Evidence
from tests.measures.conftest import PDF, make_measure
from tests.personas import PASSWORD
from tests.servers import ROOT, S3_BUCKET, S3_KEYS, Gunicorn, process_env, s3_keys

pytestmark = pytest.mark.django_db(transaction=True)
SECRET = "topology-test-" + "Zk3#pQ9!vL2@xR7$mT4%nW8^bY1&cF6*Zk3#pQ9!vL2@"


def shared_env(redis_url, s3_endpoint, media_root):
    return {"DJANGO_SETTINGS_MODULE": "ita_portal.settings", "SECRET_KEY": SECRET,
            "SECURE_COOKIES": "0", "SECURE_SSL_REDIRECT": "0",
            "TASKS_BACKEND": "django_tasks_rq.RQBackend", "REDIS_URL": redis_url,
            "S3_BUCKET": S3_BUCKET, "S3_ENDPOINT_URL": s3_endpoint,
            "S3_ACCESS_KEY_ID": S3_KEYS["aws_access_key_id"],
            "S3_SECRET_ACCESS_KEY": S3_KEYS["aws_secret_access_key"],
            "MEDIA_ROOT": str(media_root)}


def sign_in(server, user):
    """Through the login form, as a person would."""
    browser = requests.Session()
    form = browser.get(server.url + reverse("login"), timeout=30).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    done = browser.post(server.url + reverse("login"), timeout=30, allow_redirects=False, data={
        "csrfmiddlewaretoken": token, "username": user.username, "password": PASSWORD})
    assert done.status_code == 302, done.text[:500]
    return browser


def post_form(browser, url, page, data, files=None):
    """POST as the browser would: the CSRF token from the page the form is on."""
    html = browser.get(page, timeout=30).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return browser.post(url, data={"csrfmiddlewaretoken": token, **data}, files=files,
                        allow_redirects=False, timeout=60)


def run_worker(env):
    worker = subprocess.run(
        [sys.executable, "manage.py", "rqworker", "default", "--job-class", "django_tasks_rq.Job",
         "--burst"], cwd=ROOT, env=process_env(**env), capture_output=True, text=True,
        timeout=300)
    assert worker.returncode == 0, worker.stdout + worker.stderr


def export_measures(browser, server):
    start = server.url + reverse("list-export-start", args=["measures"])
    asks = start + "?query=fiscal_year%3D2570"  # the list's PDF link opened without scripts
    started = post_form(browser, start, asks, {"query": "fiscal_year=2570"})
    assert started.status_code == 302, started.text[:500]
    return ListExport.objects.get(pk=int(re.search(r"/exports/(\d+)/", started.headers[
        "Location"]).group(1)))


def download_export(browser, server, export):
    return browser.get(server.url + reverse("list-export-file", args=[export.pk]), timeout=30)


def test_two_app_servers_and_two_workers_share_database_redis_and_bucket(
        criteria, org, owner, redis_url, s3_endpoint, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("app servers and workers share the database: runs in the PostgreSQL pass")
    measure = make_measure(org, 1)
    a = Gunicorn(workers=1, **shared_env(redis_url, s3_endpoint, tmp_path / "a"))
    b = Gunicorn(workers=1, **shared_env(redis_url, s3_endpoint, tmp_path / "b"))
    try:
        hasher = PBKDF2PasswordHasher()  # the servers hash passwords as in production
        owner.password = hasher.encode(PASSWORD, hasher.salt())
        owner.save(update_fields=["password"])
        on_a, on_b = sign_in(a, owner), sign_in(b, owner)
        page = a.url + reverse("measure-detail", args=[measure.pk])
        sent = post_form(on_a, a.url + reverse("measure-update", args=[measure.pk]), page, {
            "version": measure.version, "reported_on": timezone.localdate().isoformat(),
            "note": "แนบคำสั่งแต่งตั้งคณะทำงาน", "percent": "40", "status": "in_progress",
            "urls": ""}, files={"files": ("คำสั่ง.pdf", PDF, "application/pdf")})
        assert sent.status_code == 302, sent.text[:500]
        evidence = Evidence.objects.get()
        assert evidence.file.name in s3_keys(s3_endpoint)
        fetched = on_b.get(b.url + reverse("evidence-download", args=[evidence.pk]), timeout=30)
        assert fetched.status_code == 200 and fetched.content == PDF  # uploaded on A, from B

        first = export_measures(on_a, a)  # queued in Redis by server A …
        run_worker(shared_env(redis_url, s3_endpoint, tmp_path / "worker-1"))  # … worker 1
        second = export_measures(on_b, b)  # queued by server B …
        run_worker(shared_env(redis_url, s3_endpoint, tmp_path / "worker-2"))  # … worker 2
        first.refresh_from_db()
        second.refresh_from_db()
        assert {first.file.name, second.file.name} <= set(s3_keys(s3_endpoint))
        for browser, server, export in ((on_b, b, first), (on_a, a, second)):
            pdf = download_export(browser, server, export)
            assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert not any((tmp_path / d).exists() for d in ("a", "b", "worker-1", "worker-2"))
    finally:
        a.stop()
        b.stop()
