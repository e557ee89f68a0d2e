"""Reads of issues and measures, each in a constant number of queries."""

from django.db.models import BooleanField, Case, Count, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from indicators.years import year_in_progress
from measures.deadlines import (
    days,
    due_within_q,
    is_due_within,
    open_q,
    overdue_q,
    waits_for_update,
    waits_for_update_q,
)
from measures.models import (
    CLOSED_STATUSES,
    Evidence,
    ImprovementIssue,
    Measure,
    MeasureEvent,
    MeasureStep,
    ProgressUpdate,
    Status,
)
from measures.permissions import division_q, owned_by_q
from organizations.permissions import is_org_admin
from organizations.scoping import scope_to_user


def with_list_data(queryset, today=None):
    """Owners, indicators and the derived overdue flag, for list pages and exports."""
    today = today or timezone.localdate()
    return (
        queryset.select_related("organization")
        .prefetch_related("owner_departments", "owner_positions", "owner_users", "indicators")
        .annotate(is_overdue=Case(When(overdue_q(today), then=Value(True)),
                                  default=Value(False), output_field=BooleanField()))
    )


def visible_measures(user):
    return scope_to_user(Measure.objects.all(), user)


def fiscal_years_with_measures(user):
    """The fiscal years to choose from: those with measures and the year in progress."""
    return sorted({*visible_measures(user).values_list("fiscal_year", flat=True),
                   year_in_progress()}, reverse=True)


def my_measures(user, today=None):
    """The user's open measures in buckets: overdue, due within 14 days, waiting for an update."""
    today = today or timezone.localdate()
    mine = with_list_data(visible_measures(user).filter(owned_by_q(user)), today)
    open_measures = list(mine.filter(open_q()).order_by("end_date", "number"))
    buckets = {"overdue": [], "due_soon": [], "stale": [], "other": []}
    for m in open_measures:
        if m.is_overdue:
            buckets["overdue"].append(m)
        elif is_due_within(m, today, "due_soon"):
            buckets["due_soon"].append(m)
        elif waits_for_update(m, timezone.now()):
            buckets["stale"].append(m)
        else:
            buckets["other"].append(m)
    buckets["closed_count"] = mine.filter(status__in=CLOSED_STATUSES).count()
    buckets["to_approve"] = list(with_list_data(awaiting_my_approval(user), today)
                                 .order_by("end_date", "number"))
    return buckets


def awaiting_my_approval(user):
    """Finished measures not yet approved that this person approves: a division head's
    division, every one of the organisation for its admin; none for anyone else."""
    waiting = visible_measures(user).filter(status=Status.DONE, approved_at__isnull=True)
    if user.organization_id and is_org_admin(user, user.organization):
        return waiting
    if getattr(user, "heads_department_id", None):
        return waiting.filter(division_q(user.heads_department_id))
    return waiting.none()


def my_work_counts(user, today=None):
    """The sizes of my_measures' buckets in one query (the home page's links)."""
    today, now = today or timezone.localdate(), timezone.now()
    mine = visible_measures(user).filter(owned_by_q(user)).filter(open_q())
    soon = due_within_q(today, "due_soon")
    return mine.aggregate(
        overdue=Count("pk", filter=Q(end_date__lt=today)),
        due_soon=Count("pk", filter=soon),
        stale=Count("pk", filter=Q(end_date__gt=today + days("due_soon"))
                    & waits_for_update_q(now)))


def measure_detail(measure):
    """Read when first used (the page keeps its parts while the organisation's data is
    unchanged): the steps, the measure with its owners, indicators and issues, progress updates
    with evidence, the history timeline."""
    return {"measure": measure, "steps": SimpleLazyObject(lambda: _steps(measure)),
            "full": SimpleLazyObject(lambda: _with_relations(measure)),
            "updates": SimpleLazyObject(lambda: _updates(measure)),
            "changes": SimpleLazyObject(lambda: _changes(measure))}


def _steps(measure):
    return list(MeasureStep.objects.filter(measure=measure).select_related("done_by"))


def _with_relations(measure):
    return (Measure.objects.filter(pk=measure.pk).select_related("approved_by")
            .prefetch_related("owner_departments", "owner_positions", "owner_users",
                              "indicators__year", "issues__indicator").get())


def _updates(measure):
    return list(ProgressUpdate.objects.filter(measure=measure).select_related("by")
                .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("pk")))
                .order_by("-created_at", "-pk"))


def _changes(measure):
    return list(MeasureEvent.objects.filter(measure=measure).select_related("by", "step")
                .order_by("-at", "-pk"))


def issues_for(user, fiscal_year):
    return (scope_to_user(ImprovementIssue.objects.all(), user).filter(fiscal_year=fiscal_year)
            .select_related("indicator", "assessment_year", "oit_item")
            .prefetch_related("owner_departments", "owner_positions", "measures")
            .order_by("indicator__number", "order", "pk"))
