"""The read-only API (issue 17): tokens per organisation and per overseer, each reading only
what it may (an organisation's token only itself, an overseer's only its province); the
figures equal what the organisation's own pages read; OpenAPI and a Thai documentation page."""

import json

import pytest
from django.urls import reverse

from api.models import ApiToken
from disclosure.models import DisclosureItem
from measures.models import Measure
from tests.disclosure.helpers import fill
from tests.measures.conftest import make_measure
from tests.personas import make_org

pytestmark = pytest.mark.django_db
TOKENS = reverse("api-tokens")


def make_token(client, user, name="เว็บไซต์เทศบาล"):
    client.force_login(user)
    response = client.post(TOKENS, {"name": name})
    assert response.status_code == 200
    key = response.context["key"]
    client.logout()
    return key


def call(client, key, path):
    return client.get(f"/api/v1{path}", HTTP_AUTHORIZATION=f"Bearer {key}")


def test_an_organisations_token_reads_only_itself(client, criteria, org, other_org, org_admin,
                                                 outsider):
    fill(org, 2565, org_admin)
    make_measure(org, 1, end_offset=-3)
    make_measure(org, 2, end_offset=30)
    key = make_token(client, org_admin)
    assert [o["slug"] for o in call(client, key, "/organizations").json()] == ["tambon-a"]
    for path in ("/results", "/checklist/2565", "/measures/2570", "/documents"):
        assert call(client, key, f"/organizations/tambon-a{path}").status_code == 200, path
        other = call(client, key, f"/organizations/tambon-b{path}")
        assert other.status_code == 404 and other.json() == {"detail": "ไม่พบข้อมูล"}, path
    checklist = call(client, key, "/organizations/tambon-a/checklist/2565").json()
    stored = {i.oit_item.code: [link.url for link in i.links.filter(removed_at=None)]
              for i in DisclosureItem.objects.filter(organization=org, oit_item__year__year=2565)}
    assert {i["code"]: [link["url"] for link in i["links"]] for i in checklist["items"]} == stored
    assert checklist["items_counting"] == 43 and checklist["items_in_year"] == 43
    fiscal_year = Measure.objects.filter(organization=org).values_list("fiscal_year", flat=True)[0]
    summary = call(client, key, f"/organizations/tambon-a/measures/{fiscal_year}").json()
    assert sum(summary["by_status"].values()) == Measure.objects.filter(
        organization=org, fiscal_year=fiscal_year).count()
    assert summary["overdue"] == 1
    outsiders_key = make_token(client, outsider)
    assert call(client, outsiders_key, "/organizations/tambon-a/results").status_code == 404


def test_an_overseers_token_reads_only_its_province(client, criteria, org, other_org, overseer):
    neighbour = make_org("tambon-n", "เทศบาลตำบลเพื่อนบ้าน")  # ขอนแก่น, like org
    key = make_token(client, overseer, "ระบบของจังหวัด")
    slugs = {o["slug"] for o in call(client, key, "/organizations").json()}
    assert slugs == {"tambon-a", neighbour.slug}  # not tambon-b in สกลนคร
    assert call(client, key, "/organizations/tambon-n/results").status_code == 200
    assert call(client, key, "/organizations/tambon-b/results").status_code == 404
    token = ApiToken.objects.get(overseer=overseer)
    assert token.organization is None and token.last_used_at is not None


def test_no_bad_or_revoked_token_reads_nothing(client, criteria, org, org_admin):
    key = make_token(client, org_admin)
    assert client.get("/api/v1/organizations").status_code == 401
    assert call(client, "ita_" + "x" * 43, "/organizations").status_code == 401
    assert call(client, key[:-1] + ("A" if key[-1] != "A" else "B"),
                "/organizations").status_code == 401
    stored = ApiToken.objects.get()
    assert key not in json.dumps(list(ApiToken.objects.values()), default=str)  # hash only
    client.force_login(org_admin)
    page = client.get(TOKENS).content.decode()
    assert key not in page and f"ita_{stored.prefix}…" in page  # shown once, then never
    client.post(reverse("api-token-revoke", args=[stored.pk]))
    client.logout()
    assert call(client, key, "/organizations").status_code == 401
    stored.refresh_from_db()
    assert stored.revoked_by == org_admin


def test_bad_input_gets_a_clear_answer_never_a_500(client, criteria, org, org_admin):
    key = make_token(client, org_admin)
    assert call(client, key, "/organizations/tambon-a/checklist/1999").status_code == 404
    assert call(client, key, "/organizations/tambon-a/checklist/99999999999").status_code in (
        404, 422)
    assert call(client, key, "/organizations/tambon-a/checklist/abc").status_code == 422
    client.force_login(org_admin)
    response = client.post(TOKENS, {"name": "  "})
    assert response.status_code == 400 and "กรุณาระบุว่าใช้โทเคนนี้กับระบบใด" in \
        response.content.decode()
    assert ApiToken.objects.count() == 1  # the one made above; nothing more


@pytest.mark.parametrize("name", ["anonymous", "owner", "other_staff", "committee", "org_admin",
                                  "outsider", "overseer"])
def test_who_manages_tokens(client, org, personas, overseer, name):
    people = {**personas, "overseer": overseer}
    if name != "anonymous":
        client.force_login(people[name])
    expected = {"anonymous": 302, "org_admin": 200, "outsider": 200, "overseer": 200}
    assert client.get(TOKENS).status_code == expected.get(name, 403)
    response = client.post(TOKENS, {"name": "ลอง"})
    assert response.status_code == expected.get(name, 403)
    made = ApiToken.objects.filter(name="ลอง").first()
    assert (made is not None) == (expected.get(name) == 200)
    if made and name == "outsider":
        assert made.organization_id != org.pk


def test_a_token_is_revoked_only_by_its_own_managers(client, org, org_admin, outsider):
    make_token(client, org_admin)
    token = ApiToken.objects.get()
    client.force_login(outsider)
    assert client.post(reverse("api-token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_openapi_and_the_documentation_page(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.") and schema["info"]["version"] == "1"
    paths = set(schema["paths"])
    assert {"/api/v1/organizations", "/api/v1/organizations/{slug}/results",
            "/api/v1/organizations/{slug}/checklist/{year}",
            "/api/v1/organizations/{slug}/measures/{fiscal_year}",
            "/api/v1/organizations/{slug}/documents"} <= paths
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    page = client.get(reverse("api-docs")).content.decode()
    assert "GET /api/v1/organizations/{slug}/checklist/{year}" in page
    assert "<script" not in page.split("</head>")[1]  # no scripts, nothing from the internet
