"""The RQ backend for real: a Debian redis-server, two `rqworker` processes, and the daily
link check fanned out as one job per organisation (review: RQ failed at start; one process
looped through every organisation)."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from disclosure.models import CheckRun, LinkCheck
from tests.disclosure.helpers import fill
from tests.personas import make_org, make_user
from tests.servers import process_env

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def rq_env(redis_url):
    env = process_env(TASKS_BACKEND="django_tasks_rq.RQBackend", REDIS_URL=redis_url,
                      LINKCHECK_ALLOWED_NETWORKS="127.0.0.0/8", LINKCHECK_TIMEOUT_SECONDS=5)
    env["DJANGO_SETTINGS_MODULE"] = "ita_portal.settings"  # the real TASKS, not the tests'
    return env


def test_link_checks_fan_out_to_real_rq_workers(criteria, site, redis_url):
    if connection.vendor != "postgresql":
        pytest.skip("worker processes share the database: runs in the PostgreSQL pass")
    orgs = [make_org(f"tambon-{n}", f"เทศบาลตำบล {n}") for n in ("q", "r", "s")]
    for org in orgs:
        fill(org, 2565, make_user(f"admin-{org.slug}", org, "admin"), base=site,
             urls={"O1": site + "/ok"})
    env = rq_env(redis_url)
    enqueue = subprocess.run([sys.executable, "manage.py", "check_disclosure_links", "--year",
                              "2565"], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120)
    assert enqueue.returncode == 0, enqueue.stderr
    assert enqueue.stdout.count("ส่งตรวจ 43 ลิงก์") == 3  # queued, not run in this process
    workers = [subprocess.Popen([sys.executable, "manage.py", "rqworker", "default",
                                 "--job-class", "django_tasks_rq.Job", "--burst"],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=300)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs
    runs = CheckRun.objects.filter(year=2565)
    assert runs.count() == 3 and all(r.finished_at and r.done == 43 for r in runs)
    assert LinkCheck.objects.count() == 3 * 43
    assert LinkCheck.objects.filter(link__url=site + "/ok", outcome="ok").count() == 3
