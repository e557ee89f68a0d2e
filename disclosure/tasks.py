"""The background work of the checklist: checking every evidence link of a year."""

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from disclosure.checker import check_many
from disclosure.models import GOOD_OUTCOMES, CheckRun
from disclosure.services import CHECK_LINKS, active_links, apply_check
from ita_portal import jobs

CHECK_FAILED = "ตรวจลิงก์ไม่สำเร็จ โปรดลองใหม่หรือแจ้งผู้ดูแลระบบ"


@jobs.work(CHECK_LINKS, failed=CHECK_FAILED)
def check_links(job):
    execute_run(CheckRun.objects.select_related("organization").get(pk=job.object_id), job)


def execute_run(run, job=None):
    """Check every link of the run (again from the start if it was cut short); progress is
    written as each result arrives."""
    links = {link.pk: link for link in active_links(run.organization, run.year)}
    CheckRun.objects.filter(pk=run.pk).update(total=len(links), done=0, failed=0)
    domains = run.organization.domains
    options = {"timeout": settings.LINKCHECK_TIMEOUT_SECONDS,
               "max_redirects": settings.LINKCHECK_MAX_REDIRECTS,
               "allowed_networks": settings.LINKCHECK_ALLOWED_NETWORKS}
    done = 0
    for pk, result in check_many([(pk, link.url, domains) for pk, link in links.items()],
                                 concurrency=settings.LINKCHECK_CONCURRENCY, **options):
        apply_check(links[pk], result)
        failed = 0 if result.outcome in GOOD_OUTCOMES else 1
        CheckRun.objects.filter(pk=run.pk).update(done=F("done") + 1, failed=F("failed") + failed)
        done += 1
        if job is not None:
            jobs.report(job, 100 * done // len(links), f"ตรวจแล้ว {done} จาก {len(links)} ลิงก์")
    CheckRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    run.refresh_from_db()
    return run
