"""The background work of the checklist: checking every evidence link of a year."""

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from disclosure.checker import check_batches
from disclosure.models import GOOD_OUTCOMES, CheckRun
from disclosure.services import CHECK_LINKS, active_links, apply_checks
from ita_portal import jobs
from organizations import versions

CHECK_FAILED = "ตรวจลิงก์ไม่สำเร็จ โปรดลองใหม่หรือแจ้งผู้ดูแลระบบ"


@jobs.work(CHECK_LINKS, failed=CHECK_FAILED)
def check_links(job):
    lead = CheckRun.objects.select_related("organization").get(pk=job.object_id)
    batch = [lead, *lead.batched.filter(finished_at__isnull=True).select_related("organization")]
    execute_runs(batch, job)


def execute_run(run, job=None):
    """Check every link of one organisation's run (again from the start if it was cut short)."""
    return execute_runs([run], job)[0]


def execute_runs(runs, job=None):
    """Check the links of several runs at once: at most LINKCHECK_JOB_CONCURRENCY in flight,
    LINKCHECK_CONCURRENCY per website; each run's progress is written as its results arrive."""
    links, owner, checks = {}, {}, []
    for run in runs:
        found = {link.pk: link for link in active_links(run.organization, run.year)}
        CheckRun.objects.filter(pk=run.pk).update(total=len(found), done=0, failed=0)
        versions.touch(run.organization_id)  # the checklist shows the run's progress
        links.update(found)
        owner.update(dict.fromkeys(found, run))
        domains = run.organization.domains
        checks += [(pk, link.url, domains) for pk, link in found.items()]
    options = {"timeout": settings.LINKCHECK_TIMEOUT_SECONDS,
               "max_redirects": settings.LINKCHECK_MAX_REDIRECTS,
               "allowed_networks": settings.LINKCHECK_ALLOWED_NETWORKS}
    left, done = Counter(run.pk for run in owner.values()), 0
    for batch in check_batches(checks, concurrency=settings.LINKCHECK_JOB_CONCURRENCY,
                               per_host=settings.LINKCHECK_CONCURRENCY, **options):
        with transaction.atomic():  # everything finished since the last batch: one commit
            apply_checks([(links[pk], result) for pk, result in batch])
            _count(batch, owner, left)
        done += len(batch)
        if job is not None:
            jobs.report(job, 100 * done // len(links), f"ตรวจแล้ว {done} จาก {len(links)} ลิงก์")
    CheckRun.objects.filter(pk__in=[r.pk for r in runs], finished_at__isnull=True).update(
        finished_at=timezone.now())  # runs without links
    for run in runs:
        if run.pk not in left:  # without links (the others were touched with each batch)
            versions.touch(run.organization_id)
        run.refresh_from_db()
    return runs


def _count(batch, owner, left):
    """Add a batch of results to their runs' progress (a run whose last link is in it is
    finished); the links' new states are committed with this batch, so their organisations'
    pages and figures move with it (a job that fails later leaves nothing unannounced)."""
    checked, failed = Counter(), Counter()
    for pk, result in batch:
        checked[owner[pk]] += 1
        failed[owner[pk]] += result.outcome not in GOOD_OUTCOMES
    for run, count in checked.items():
        left[run.pk] -= count
        finished = {} if left[run.pk] else {"finished_at": timezone.now()}
        CheckRun.objects.filter(pk=run.pk).update(
            done=F("done") + count, failed=F("failed") + failed[run], **finished)
        versions.touch(run.organization_id)
