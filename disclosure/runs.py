"""A run of the link checker over one organisation's evidence URLs of one year."""

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from disclosure.checker import check_many
from disclosure.models import GOOD_OUTCOMES, CheckRun, EvidenceLink
from disclosure.services import apply_check


def active_links(organization, year):
    return (EvidenceLink.objects.filter(item__organization=organization,
                                        item__oit_item__year__year=year, removed_at=None)
            .select_related("item__organization"))


def start_run(organization, year, by=None):
    return CheckRun.objects.create(organization=organization, year=year, requested_by=by,
                                   total=active_links(organization, year).count())


def execute_run(run):
    """Check every link of the run; progress is written as each result arrives."""
    links = {link.pk: link for link in active_links(run.organization, run.year)}
    domains = run.organization.domains
    jobs = [(pk, link.url, domains) for pk, link in links.items()]
    options = {"timeout": settings.LINKCHECK_TIMEOUT_SECONDS,
               "max_redirects": settings.LINKCHECK_MAX_REDIRECTS,
               "allowed_networks": settings.LINKCHECK_ALLOWED_NETWORKS}
    for pk, result in check_many(jobs, concurrency=settings.LINKCHECK_CONCURRENCY, **options):
        apply_check(links[pk], result)
        failed = 0 if result.outcome in GOOD_OUTCOMES else 1
        CheckRun.objects.filter(pk=run.pk).update(done=F("done") + 1, failed=F("failed") + failed)
    CheckRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    run.refresh_from_db()
    return run
