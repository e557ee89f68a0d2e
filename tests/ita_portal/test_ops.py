"""Health, logs and response headers: what a load balancer, a monitor and a browser get."""

import json
import logging
import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from ita_portal import localenv
from ita_portal.logs import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_database_storage_and_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "storage", "queue"}
    assert body["checks"]["queue"]["oldest_waiting_seconds"] is None
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_fails_when_storage_is_not_writable(client, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


@pytest.mark.django_db
def test_healthz_fails_when_a_job_waits_too_long(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from ita_portal.jobs import run_job

    run_job.enqueue(0)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["queue"]["oldest_waiting_seconds"] >= 3600


@pytest.mark.django_db
def test_every_page_has_a_csp_and_signed_in_pages_are_not_stored(client, owner):
    anonymous = client.get(reverse("login"))
    csp = anonymous["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    client.force_login(owner)
    for url in (reverse("home"), reverse("my-measures")):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert response["Content-Security-Policy"] == csp


@pytest.mark.django_db
def test_one_json_log_line_per_request_with_id_user_and_organisation(client, owner, caplog):
    client.force_login(owner)
    with caplog.at_level(logging.INFO, logger="ita_portal.request"):
        response = client.get(reverse("my-measures"), HTTP_X_REQUEST_ID="abc-123")
    assert response["X-Request-ID"] == "abc-123"
    [record] = [r for r in caplog.records if r.name == "ita_portal.request"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc-123"
    assert line["user"] == "owner" and line["organization"] == "tambon-a"
    assert line["status"] == 200 and line["duration_ms"] >= 0
    assert line["path"] == reverse("my-measures")


@pytest.mark.django_db
def test_a_bad_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>" * 20)
    assert len(response["X-Request-ID"]) == 32 and "<" not in response["X-Request-ID"]


def test_server_errors_are_mailed_to_admins():
    from django.conf import settings

    handlers = settings.LOGGING["loggers"]["django.request"]["handlers"]
    assert "mail_admins" in handlers


def test_local_env_file_is_generated_private_and_loaded(tmp_path):
    path = localenv.ensure(tmp_path / "local.env")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    values = localenv.read(path)
    assert len(values["SECRET_KEY"]) >= 50
    assert localenv.ensure(path).read_text() == path.read_text()  # never replaced


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="uses its own SQLite file; runs once, in the SQLite pass")
def test_readme_commands_work_without_typing_a_key(tmp_path):
    """A fresh clone after `make setup`: no SECRET_KEY, no DEBUG typed; the README's examples
    run as written (manage.py makes the private env file on first use)."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update(ITA_ENV_FILE=str(tmp_path / "fresh.env"),
               DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")

    def manage(*args):
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "-v0")  # what `make setup` does for the local database
    assert (tmp_path / "fresh.env").exists()
    manage("load_criteria")
    out = manage("ita_score", "--year", "2564", "--scores",
                 "93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56")
    assert '"total": 81.45' in out and '"grade": "B"' in out
    manage("ita_score", "--year", "2565", "--scores", "90,90,90,90,90,90,90,90",
           "--oit-missing", "O1")
    manage("send_reminders", "--dry-run")
