"""Background jobs in one shape.

The work of a job lives in the owning app's `tasks.py`, registered for a kind with `@work`.
Services call `enqueue(kind, object_id)` inside their transaction: it returns the unfinished
job of that kind for that object if there is one (a second click shows the running job),
otherwise it creates a `Job` row and queues the one django-tasks task, `run_job`, after
commit. The worker writes state, progress, step, error and a heartbeat on the row; the UI
polls it through `status()`. A running job whose worker died is queued again by `recover()`,
which `manage.py db_worker` calls when it starts.
"""

import logging
import os
import socket
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks import task

from ita_portal.models import UNFINISHED, Job, JobState

LOG = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 10
STALE_AFTER = timedelta(seconds=60)  # no heartbeat for this long: the worker is gone
MAX_ATTEMPTS = 3  # a job that kills its worker every time stops being retried
FAILED = "งานนี้ไม่สำเร็จ โปรดลองใหม่หรือแจ้งผู้ดูแลระบบ"
GAVE_UP = "งานนี้หยุดกลางคันหลายครั้ง ระบบจึงไม่ทำต่อ โปรดแจ้งผู้ดูแลระบบ"
WORK = {}


def work(kind, failed=FAILED):
    """Register the function that does a kind of job; `failed` is the Thai message on error."""
    def register(function):
        WORK[kind] = (function, failed)
        return function
    return register


def unfinished_ids(kind):
    """The ids of the objects that have an unfinished job of this kind (a subquery)."""
    return Job.objects.filter(kind=kind, state__in=UNFINISHED).values("object_id")


def latest(kind, object_id):
    return Job.objects.filter(kind=kind, object_id=object_id).first()


def enqueue(kind, object_id):
    """The unfinished job of this kind for this object, or a new one queued after commit."""
    with transaction.atomic():
        job = Job.objects.filter(kind=kind, object_id=object_id, state__in=UNFINISHED).first()
        if job is not None:
            return job
        try:
            with transaction.atomic():
                job = Job.objects.create(kind=kind, object_id=object_id)
        except IntegrityError:  # another request created it a moment ago
            return Job.objects.get(kind=kind, object_id=object_id, state__in=UNFINISHED)
        transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def report(job, progress, step=None):
    """Write a job's progress (0–100) and, optionally, the Thai name of its current step."""
    fields = {"progress": progress, "heartbeat_at": timezone.now()}
    if step:
        fields["step"] = step
    Job.objects.filter(pk=job.pk).update(**fields)


@task()
def run_job(job_id):
    execute(job_id)


def execute(job_id):
    """Run one job in this process, once: a job already running or finished is left alone."""
    job = _claim(job_id)
    if job is None:
        return
    if job.kind not in WORK:
        autodiscover_modules("tasks")
    function, failed = WORK[job.kind]
    try:
        with _heartbeat(job):
            function(job)
    except Exception:
        LOG.exception("job %s failed", job)
        _finish(job, JobState.FAILED, failed)
    else:
        _finish(job, JobState.DONE)


def _worker_name():
    return f"{socket.gethostname()}:{os.getpid()}"


@transaction.atomic
def _claim(job_id):
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.state != JobState.QUEUED:
        return None
    now = timezone.now()
    job.state, job.started_at, job.heartbeat_at = JobState.RUNNING, now, now
    job.worker, job.attempts, job.error = _worker_name(), job.attempts + 1, ""
    job.step = JobState.RUNNING.label
    job.save()
    return job


def _finish(job, state, error=""):
    fields = {"state": state, "error": error, "finished_at": timezone.now(),
              "step": JobState(state).label}
    if state == JobState.DONE:
        fields["progress"] = 100
    Job.objects.filter(pk=job.pk).update(**fields)


@contextmanager
def _heartbeat(job):
    """Write `heartbeat_at` every few seconds from a thread while the job works.

    Not inside a transaction (tests run jobs inside theirs, and a second connection would
    wait on its locks); there the job is short and its progress reports are the heartbeat.
    """
    stop = threading.Event()

    def beat():
        while not stop.wait(HEARTBEAT_SECONDS):
            try:
                Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
            except OperationalError:  # SQLite busy: the next beat will do
                LOG.warning("heartbeat of job %s not written", job.pk)
        connection.close()

    thread = None if connection.in_atomic_block else threading.Thread(target=beat, daemon=True)
    if thread:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        if thread:
            thread.join(timeout=5)


def recover():
    """Queue again every running job whose worker is gone; return those jobs."""
    now, recovered = timezone.now(), []
    for job in Job.objects.filter(state=JobState.RUNNING):
        if _worker_alive(job, now):
            continue
        if job.attempts >= MAX_ATTEMPTS:
            Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
                state=JobState.FAILED, error=GAVE_UP, finished_at=now)
            continue
        requeued = Job.objects.filter(pk=job.pk, state=JobState.RUNNING, worker=job.worker
                                      ).update(state=JobState.QUEUED, worker="",
                                               step=JobState.QUEUED.label)
        if requeued:
            run_job.enqueue(job.pk)
            recovered.append(job)
    return recovered


def _worker_alive(job, now):
    """A worker on this machine is alive if its process is; elsewhere, if it beat lately."""
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not _process_alive(int(pid)):
        return False
    return job.heartbeat_at is not None and job.heartbeat_at >= now - STALE_AFTER


def _process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def status(job, **extra):
    """The one JSON shape every progress page polls."""
    data = {"state": job.state if job else JobState.DONE,
            "step": job.step if job else JobState.DONE.label,
            "percent": job.progress if job else 100,
            "finished": job.finished if job else True,
            "error": job.error if job else ""}
    return {**data, **extra}
