"""Every page of the portal, tried by the personas a page-by-page test can forget: anonymous,
a member of a deactivated organisation, and an overseer reading one organisation. No page
answers 500; anonymous and deactivated members reach no member page; an overseer reads but
a POST to any page changes nothing."""

import datetime

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from disclosure.models import DisclosureItem
from disclosure.services import ensure_checklist
from organizations.models import Organization
from reports.models import Committee, Meeting
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db
PUBLIC = {"login", "password_reset", "password_reset_done", "password_reset_confirm",
          "password_reset_complete", "healthz", "public-oit", "public-oit-json",
          "public-feed-schema", "public-documents", "public-document", "invitation-accept",
          "set_language", "two-factor-login", "api-docs"}
SKIPPED_PREFIXES = ("admin:", "javascript-catalog", "api-v1:")  # the API: tests/api
COUNTED = ["measures.Measure", "measures.MeasureEvent", "measures.ProgressUpdate",
           "measures.ImprovementIssue", "disclosure.DisclosureItem", "disclosure.CheckRun",
           "reports.Meeting", "reports.MeetingNote", "reports.ReportExport",
           "organizations.User", "organizations.Department", "organizations.Position",
           "indicators.AssessmentYear", "indicators.OITItem", "imports.ImportBatch",
           "ita_portal.Job"]


def named_patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            space = f"{entry.namespace}:" if entry.namespace else ""
            yield from named_patterns(entry, prefix + space)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + entry.name, entry


@pytest.fixture
def world(criteria, org):
    measure = make_measure(org, 1)
    ensure_checklist(org, 2565)
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการสนับสนุนฯ")
    meeting = Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                     number=1, date=timezone.localdate())
    item = DisclosureItem.objects.filter(organization=org).first()
    return {"measure": measure, "meeting": meeting, "item": item, "org": org,
            "step": measure.steps.first()}


def sample_kwargs(name, pattern, world):
    """Arguments that name real objects of the organisation where the URL wants them."""
    values = {"year": 2565, "slug": world["org"].slug, "code": "O1", "token": "x",
              "uidb64": "x", "kind": "o42", "fiscal_year": 2570,
              "measure_pk": world["measure"].pk, "step_pk": world["step"].pk}
    by_prefix = {"meeting": world["meeting"].pk, "measure": world["measure"].pk,
                 "evidence": 1, "disclosure-item": world["item"].pk, "issue": 1}
    keys = pattern.pattern.regex.groupindex.keys() | set(
        getattr(pattern.pattern, "converters", {}))
    kwargs = {}
    for key in keys:
        if key == "pk":
            kwargs[key] = next((v for p, v in by_prefix.items() if name.startswith(p)), 1)
        else:
            kwargs[key] = values.get(key, 1)
    return kwargs


def urls(world):
    for name, pattern in named_patterns():
        if name.startswith(SKIPPED_PREFIXES) or name in PUBLIC:
            continue
        try:
            yield name, reverse(name, kwargs=sample_kwargs(name, pattern, world))
        except Exception:  # noqa: BLE001 - a pattern our sample values do not fit
            continue


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def test_the_sweep_covers_the_portal(world):
    names = {name for name, _ in urls(world)}
    assert {"dashboard", "measure-detail", "meeting-detail", "checklist", "people", "audit",
            "import-start", "disclosure-item", "criteria-manage"} <= names
    assert len(names) > 60


def test_anonymous_reaches_no_member_page(client, world):
    for name, url in urls(world):
        response = client.get(url)
        assert response.status_code in (302, 404, 405), (name, url, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(reverse("login")), (name, url, response.url)


def test_a_deactivated_organisations_member_reaches_nothing(client, world, org_admin):
    client.force_login(org_admin)
    Organization.objects.filter(pk=world["org"].pk).update(is_active=False)
    for name, url in urls(world):
        response = client.get(url)
        assert response.status_code in (302, 403, 404, 405), (name, url, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(reverse("login")), (name, url, response.url)


def test_an_overseer_reads_without_errors_and_changes_nothing(client, world, overseer):
    client.force_login(overseer)
    client.post(reverse("read-organization", args=[world["org"].slug]))
    before = counts()
    for name, url in urls(world):
        if name in ("logout", "read-organization"):
            continue
        response = client.get(url)
        assert response.status_code < 500, (name, url, response.status_code)
        response = client.post(url, {"version": 1, "status": "done", "note": "x",
                                     "date": datetime.date(2026, 12, 1).isoformat()})
        assert response.status_code < 500, (name, url, response.status_code)
    after = counts()
    assert after == before
