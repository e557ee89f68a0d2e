"""/healthz for load balancers and monitors: the database answers, storage takes a write,
and the oldest job still waiting in the queue is not too old. 200 when all hold, else 503.
And /favicon.ico, the other address asked for without a page naming it."""

import time
import uuid
from datetime import UTC

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def check_storage():
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as handle:
            return handle.read() == b"ok"
    finally:
        default_storage.delete(name)


def oldest_waiting_job_seconds():
    """Age of the oldest job waiting to start (database queue), None when none waits."""
    from django_tasks_db.models import DBTaskResult

    oldest = (DBTaskResult.objects.filter(status="READY")
              .order_by("enqueued_at").values_list("enqueued_at", flat=True).first())
    return None if oldest is None else (timezone.now() - oldest).total_seconds()


def oldest_waiting_rq_job_seconds():
    import django_rq

    queue = django_rq.get_queue("default")
    job_ids = queue.get_job_ids(0, 1)
    job = queue.fetch_job(job_ids[0]) if job_ids else None
    if job is None or job.enqueued_at is None:
        return None
    enqueued = job.enqueued_at
    enqueued = enqueued if enqueued.tzinfo else enqueued.replace(tzinfo=UTC)  # rq: naive UTC
    return (timezone.now() - enqueued).total_seconds()


def _queue_age():
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.startswith("django_tasks_db"):
        return oldest_waiting_job_seconds()
    if backend.startswith("django_tasks_rq"):
        return oldest_waiting_rq_job_seconds()
    return None


def _run(check):
    started = time.monotonic()
    try:
        ok = bool(check())
        error = "" if ok else "failed"
    except Exception as exc:  # a monitor must get an answer whatever broke
        ok, error = False, f"{exc.__class__.__name__}: {exc}"[:200]
    return {"ok": ok, "ms": round((time.monotonic() - started) * 1000, 1), "error": error}


def _queue_check():
    try:
        age = _queue_age()
    except Exception as exc:  # Redis down: the monitor must hear of it
        return {"ok": False, "error": f"{exc.__class__.__name__}: {exc}"[:200]}
    return {"ok": age is None or age <= settings.HEALTH_MAX_QUEUE_AGE_SECONDS,
            "oldest_waiting_seconds": None if age is None else round(age, 1)}


@never_cache
def healthz(request):
    checks = {"database": _run(check_database), "storage": _run(check_storage)}
    checks["queue"] = _queue_check() if checks["database"]["ok"] else {"ok": False}
    healthy = all(part["ok"] for part in checks.values())
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": checks},
                        status=200 if healthy else 503)


def favicon(request):
    """The icon at the address every browser and Django's admin ask for."""
    return redirect(static("favicon.svg"), permanent=True)
