"""The public OIT feed (issue 17): a documented, versioned shape that municipal CMS products
import; it validates against the JSON Schema the portal serves, and carries only what the NACC
would count."""

import json

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator

from disclosure.feed import FEED_SCHEMA
from disclosure.models import DisclosureItem, ItemStatus
from tests.disclosure.test_views import fill

pytestmark = pytest.mark.django_db


def feed(client, slug="tambon-a", year=2565):
    response = client.get(reverse("public-oit-json", args=[slug, year]))
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def validate(data):
    schema = json.loads(FEED_SCHEMA.read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return sorted(error.message for error in validator.iter_errors(data))


def test_the_feed_validates_against_its_schema(client, criteria, org, org_admin):
    fill(org, 2565, org_admin)
    data = feed(client)
    assert validate(data) == []
    assert data["feed"] == "ita-portal/oit" and data["version"] == 1 and data["year"] == 2565
    assert data["organization"]["websites"] == ["tambon-a.go.th"]
    assert data["organization"]["public_page"].endswith(reverse("public-oit",
                                                                args=["tambon-a", 2565]))
    assert data["as_of"].endswith("+07:00")  # Bangkok time
    served = client.get(data["schema"].replace("http://testserver", ""))
    assert served.status_code == 200 and json.loads(served.content) == json.loads(
        FEED_SCHEMA.read_text())


def test_the_schema_catches_a_feed_that_leaks_or_breaks_its_shape(client, criteria, org,
                                                                   org_admin):
    """The schema is a real check: owners, a status or an item without a link are refused."""
    fill(org, 2565, org_admin)
    data = feed(client)
    data["items"][0]["owners"] = ["กองคลัง"]
    data["items"][1]["urls"] = []
    data["version"] = 2
    problems = validate(data)
    assert len(problems) == 3, problems


def test_undisclosed_items_never_reach_the_feed(client, criteria, org, org_admin):
    fill(org, 2565, org_admin)
    before = {item["code"] for item in feed(client)["items"]}
    DisclosureItem.objects.filter(organization=org, oit_item__code="O1").update(
        status=ItemStatus.MISSING)
    org.refresh_from_db()
    type(org).objects.filter(pk=org.pk).update(data_version=org.data_version + 1)
    after = {item["code"] for item in feed(client)["items"]}
    assert "O1" in before and before - after == {"O1"}
    assert validate(feed(client)) == []


def test_the_feed_of_an_unknown_organisation_or_year_is_404(client, criteria, org, org_admin):
    fill(org, 2565, org_admin)
    assert client.get(reverse("public-oit-json", args=["no-such", 2565])).status_code == 404
    assert client.get(reverse("public-oit-json", args=["tambon-a", 2599])).status_code == 404
