"""Which assessment year a page is about: explicit in the URL, by default the one in progress.

The assessment year in progress is the fiscal year of today's date in Bangkok (ITA 2570 runs
through fiscal year 2570, 1 October 2569 – 30 September 2570). Organisations see the published
years and the year in progress even while its criteria are still a draft; the platform
operator sees every year.
"""

from django.db.models import Q
from django.utils import timezone

from indicators.models import PUBLISHED_STATUSES, AssessmentYear, IndicatorScore
from ita_portal.fragments import kept
from ita_portal.thai import fiscal_year_of


def year_in_progress(today=None):
    """The B.E. assessment (= fiscal) year that today's Bangkok date falls in."""
    return fiscal_year_of(today or timezone.localdate())


def visible_years(user=None, today=None):
    """AssessmentYear rows a user may choose, newest first."""
    years = AssessmentYear.objects.order_by("-year")
    if user is not None and user.is_staff:
        return years
    return years.filter(Q(status__in=PUBLISHED_STATUSES) | Q(year__lte=year_in_progress(today)))


def year_choices(user):
    """The years of visible_years(user), newest first: a page's year menu. Kept with the
    user's organisation's data version (publishing criteria raises every organisation's)."""
    def read():
        return list(visible_years(user).values_list("year", flat=True))

    organization = getattr(user, "organization", None)
    if organization is None:
        return read()
    return kept("year-choices", (user.is_staff, organization.pk, organization.data_version),
                read)


def default_year(user=None, today=None):
    """The year in progress when its criteria are loaded, else the newest one before it."""
    current = year_in_progress(today)
    years = visible_years(user, today)
    return (years.filter(year__lte=current).values_list("year", flat=True).first()
            or years.values_list("year", flat=True).last())


def latest_official_year(organization):
    """The newest assessment year with official scores on record for the organisation."""
    return (IndicatorScore.objects.filter(organization=organization)
            .order_by("-indicator__year__year")
            .values_list("indicator__year__year", flat=True).first())


def previous_year(year):
    """The assessment year before `year` (an AssessmentYear) in the library, or None."""
    return AssessmentYear.objects.filter(year__lt=year.year).order_by("-year").first()
