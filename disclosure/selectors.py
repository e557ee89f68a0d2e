"""Reads of the checklist: items grouped by sub-indicator, completion and predicted scores."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q

from disclosure.models import CheckRun, DisclosureItem, EvidenceLink, ItemStatus
from indicators.models import IndicatorScore, OITItem
from indicators.scoring import compute_result, oit_indicator_scores, sub_indicator_scores
from ita_portal.fragments import kept


@dataclass
class Section:
    sub_indicator: object
    items: list
    passed: int
    score: object


def active_links_prefetch():
    return Prefetch("links", queryset=EvidenceLink.objects.filter(removed_at=None),
                    to_attr="active_links")


def checklist_items(organization, year):
    """The organisation's answer to every OIT item of the year, in order. An item nobody has
    answered yet is an unsaved row (pk None), so reading the checklist writes nothing; its row
    is created when someone starts it (disclosure.services.ensure_checklist)."""
    saved = {item.oit_item_id: item for item in DisclosureItem.objects.filter(
        organization=organization, oit_item__year__year=year)
        .select_related("owner_department", "owner_position")
        .prefetch_related(active_links_prefetch())}
    items = []
    for oit_item in (OITItem.objects.filter(year__year=year)
                     .select_related("sub_indicator__indicator").order_by("order")):
        item = saved.get(oit_item.pk) or _unanswered(organization, oit_item)
        item.oit_item = oit_item
        items.append(item)
    return items


def _unanswered(organization, oit_item):
    item = DisclosureItem(organization=organization, oit_item=oit_item)
    item.active_links = []
    return item


def is_live_main_site_link(link):
    """On the organisation's main website and not broken: the only links the NACC counts."""
    return not link.off_site_reason and not link.is_broken


def live_links(item):
    return [link for link in item.active_links if is_live_main_site_link(link)]


def item_passes(item):
    """What the NACC would count: marked มี, with a live URL on the main website."""
    return item.status == ItemStatus.PRESENT and bool(live_links(item))


def sections(items, rules):
    passed = {i.oit_item.code for i in items if item_passes(i)}
    by_sub = sub_indicator_scores(rules, passed)
    grouped = {}
    for item in items:
        grouped.setdefault(item.oit_item.sub_indicator, []).append(item)
    return [Section(sub, members, sum(1 for i in members if i.oit_item.code in passed),
                    by_sub.get(sub.code)) for sub, members in grouped.items()]


def predicted_result(organization, items, rules):
    """Predicted indicators 9 and 10 from the checklist, the OIT tool, and the total when the
    organisation's latest official IIT and EIT indicator scores are on record."""
    passed = {i.oit_item.code for i in items if item_passes(i)}
    oit = oit_indicator_scores(rules, passed)
    official_year, official = latest_official_scores(organization)
    result = compute_result(rules, {**official, **oit})
    return {"indicators": oit, "oit": result.tools.get("OIT"), "total": result.total,
            "band": result.band, "official_year": official_year,
            "missing": [n for n in result.missing if n not in oit]}


def latest_official_scores(organization):
    """(year, {indicator number: score}) of the newest year with non-OIT scores on record."""
    scores = (IndicatorScore.objects.filter(organization=organization)
              .exclude(indicator__tool__code="OIT").select_related("indicator__year")
              .order_by("-indicator__year__year"))
    latest, out = None, {}
    for s in scores:
        latest = latest or s.indicator.year.year
        if s.indicator.year.year == latest:
            out[s.indicator.number] = s.score
    return latest, out


def passed_codes_by_organization(year):
    """{organisation id: codes that pass} for every organisation with a checklist in the year,
    in one query: the set-wise form of `item_passes` (tested to agree with it)."""
    live = EvidenceLink.objects.filter(item=OuterRef("pk"), removed_at=None, off_site_reason="",
                                       is_broken=False)
    answers = DisclosureItem.objects.filter(oit_item__year__year=year)
    out = {org: set() for org in answers.values_list("organization_id", flat=True).distinct()}
    for org, code in answers.filter(Exists(live), status=ItemStatus.PRESENT).values_list(
            "organization_id", "oit_item__code"):
        out[org].add(code)
    return out


def predicted_oit_by_organization(year, rules):
    """{organisation id: predicted OIT score} for every organisation with a checklist."""
    return {org: compute_result(rules, oit_indicator_scores(rules, codes)).tools.get("OIT")
            for org, codes in passed_codes_by_organization(year).items()}


def owned_open_items(user, year):
    """The user's OIT items of the year not yet disclosed: named on them, their position's or
    their department's."""
    owned = Q(owner_user=user)
    if user.position_id:
        owned |= Q(owner_position_id=user.position_id)
    if user.department_id:
        owned |= Q(owner_department_id=user.department_id)
    return (DisclosureItem.objects.filter(organization_id=user.organization_id,
                                          oit_item__year__year=year)
            .exclude(status=ItemStatus.PRESENT).filter(owned))


def latest_check_run(organization, year):
    """The checklist's latest run, kept with the organisation's data version (raised when a
    run is created and with each batch of its results)."""
    none_yet = False  # kept as such (kept() reads None as "not kept")
    return kept("latest-check-run", (organization.pk, organization.data_version, year),
                lambda: CheckRun.objects.filter(organization=organization, year=year).first()
                or none_yet) or None
