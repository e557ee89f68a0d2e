"""The overseer's table: every agency under a province (or the country) with the figures its
committee reads — latest official result, OIT items disclosed, broken links, measures overdue,
last activity — sortable and filterable in the database, a constant number of queries a page.

The figures are each agency's row of `AgencyFigures` (the year in progress and its latest
official result), made current by `reports.agency_figures.refresh` before the table is read.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q

from organizations.models import Organization
from organizations.scoping import visible_organizations
from reports.agency_figures import refresh
from reports.overseer_risk import below_target_summary

SORTS = {"name": "name_th", "province": "province", "kind": "kind",
         "overdue": F("figures__overdue").desc(), "broken": F("figures__broken").desc(),
         "disclosed": F("figures__disclosed").desc(),
         "activity": F("figures__last_activity").desc(nulls_last=True)}


def overseen(user, *, kind="", province="", text=""):
    """The active organisations the user oversees, filtered."""
    orgs = visible_organizations(user).filter(is_active=True)
    if kind:
        orgs = orgs.filter(kind=kind)
    if province:
        orgs = orgs.filter(province=province)
    if text:
        orgs = orgs.filter(name_th__icontains=text)
    return orgs


def current(orgs, *, year, today):
    """`orgs`, their figures made current first."""
    refresh(orgs, year=year, today=today)
    return orgs


SHOWN = ("disclosed", "broken", "overdue", "last_activity", "official_year", "official_total",
         "official_band", "official_below")


def ordered(orgs, *, sort="name"):
    """The organisations in the order asked (by a figure: their figures current first)."""
    return orgs.order_by(SORTS.get(sort, "name_th"), "name_th")


def agencies(orgs, *, sort="name"):
    """The organisations with their figures (current: see `current`), ordered."""
    return ordered(orgs.annotate(**{name: F(f"figures__{name}") for name in SHOWN}), sort=sort)


def rows(ids):
    """The organisations `ids` with their figures and latest official result, in that order."""
    found = agencies(Organization.objects.filter(pk__in=ids)).in_bulk()
    shown = [found[pk] for pk in ids if pk in found]
    for org in shown:
        org.official = official(org)
    return shown


@dataclass
class Official:
    year: int
    total: object
    band: str
    below_target: bool


def official(org):
    """The latest official result of an organisation from `agencies`, or None."""
    if org.official_year is None:
        return None
    return Official(org.official_year, org.official_total, org.official_band,
                    org.official_below)


SUMMARY = {"total": Count("pk"), "with_overdue": Count("pk", filter=Q(figures__overdue__gt=0)),
           "with_broken": Count("pk", filter=Q(figures__broken__gt=0))}


def summary(orgs, *, year):
    """How many agencies; how many have a measure overdue or a broken evidence link; how many
    are likely below the target and why (their figures current): one pass over them."""
    return below_target_summary(orgs, year=year, also=SUMMARY)
