"""Actions every page offers (sign out, a list's PDF, an overseer opening an organisation) are
links that post: the page itself carries no CSRF token, so it needs no fresh masked token and
no renewed CSRF cookie on each request. With scripts the link posts at once with the CSRF
cookie (static/js/portal.js); without them it opens a page whose form asks. The pages' own
forms keep their tokens."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from ita_portal.models import ListExport
from organizations.middleware import READING_KEY
from tests.measures.conftest import make_measure

TOKEN = "csrfmiddlewaretoken"


def _no_token(response):
    page = response.content.decode()
    return response.status_code == 200 and TOKEN not in page and \
        settings.CSRF_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["dashboard", "my-measures", "measure-list"])
def test_pages_without_forms_of_their_own_carry_no_token(client, owner, org, name):
    make_measure(org, 1)
    client.force_login(owner)
    response = client.get(reverse(name))
    assert _no_token(response), name
    page = response.content.decode()
    assert f'href="{reverse("logout")}"' in page and "data-post" in page
    assert f'href="{reverse("list-export-start", args=["measures"])}?query=' in page \
        or name != "measure-list"


@pytest.mark.django_db
def test_the_overseer_table_carries_no_token(client, overseer, org):
    client.force_login(overseer)
    response = client.get(reverse("home"))
    assert _no_token(response)
    assert f'href="{reverse("read-organization", args=[org.slug])}"' in response.content.decode()


@pytest.mark.django_db
def test_an_overseer_reading_an_agency_gets_its_pages_without_token(client, overseer, org):
    make_measure(org, 1)
    client.force_login(overseer)
    client.post(reverse("read-organization", args=[org.slug]))
    for name in ("dashboard", "measure-list"):
        response = client.get(reverse(name))
        assert _no_token(response), name
        assert f'href="{reverse("read-organization", args=["-"])}"' in response.content.decode()
    asked = client.get(reverse("list-export-start", args=["measures"]), {"query": "status=done"})
    assert asked.status_code == 200 and ListExport.objects.count() == 0
    back = client.get(reverse("read-organization", args=["-"]))
    assert back.status_code == 200 and "กลับไปรายชื่อหน่วยงาน" in back.content.decode()
    assert client.session[READING_KEY] == org.slug  # asking ends nothing
    client.post(reverse("read-organization", args=["-"]))
    assert READING_KEY not in client.session


@pytest.mark.django_db
def test_a_page_with_its_own_form_keeps_its_token(client, owner, org):
    measure = make_measure(org, 1)
    client.force_login(owner)
    page = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert TOKEN in page


def _signed_in(client):
    return client.get(reverse("dashboard")).status_code == 200


@pytest.mark.django_db
def test_sign_out_without_scripts_asks_on_its_page_then_signs_out(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.get(reverse("logout"))
    page = response.content.decode()
    assert response.status_code == 200 and "ออกจากระบบ" in page and TOKEN in page
    assert _signed_in(client)  # opening the page signs no one out
    token = re.search(rf'name="{TOKEN}" value="([^"]+)"', page).group(1)
    response = client.post(reverse("logout"), {TOKEN: token})
    assert response.status_code == 302 and response.url == reverse("login")
    assert not _signed_in(client)


@pytest.mark.django_db
def test_sign_out_with_the_cookie_as_the_script_sends_it(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    client.get(reverse("logout"))  # any page with a form leaves the cookie, as login does
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert client.post(reverse("logout")).status_code == 403  # no token: refused
    assert _signed_in(client)
    assert client.post(reverse("logout"), {TOKEN: secret}).status_code == 302
    assert not _signed_in(client)


@pytest.mark.django_db
def test_list_pdf_asks_on_its_page_and_queues_nothing_until_posted(client, owner, org):
    make_measure(org, 1)
    client.force_login(owner)
    url = reverse("list-export-start", args=["measures"])
    response = client.get(url, {"query": "fiscal_year=2570&status=done"})
    page = response.content.decode()
    assert response.status_code == 200 and TOKEN in page and "PDF" in page
    assert 'name="query" value="fiscal_year=2570&amp;status=done"' in page
    assert ListExport.objects.count() == 0
    response = client.post(url, {"query": "fiscal_year=2570&status=done"})
    assert ListExport.objects.get().params == "fiscal_year=2570&status=done"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["outsider", "overseer"])
def test_list_pdf_page_follows_the_lists_rule(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("list-export-start", args=["measures"])
    expected = 200 if persona == "outsider" else 403  # an overseer reads no organisation yet
    assert client.get(url).status_code == expected
    assert client.get(reverse("list-export-start", args=["payroll"])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_reading_an_organisation_asks_on_its_page_without_scripts(client, overseer, org,
                                                                  other_org):
    client.force_login(overseer)
    response = client.get(reverse("read-organization", args=[org.slug]))
    page = response.content.decode()
    assert response.status_code == 200 and org.name_th in page and TOKEN in page
    assert READING_KEY not in client.session
    client.post(reverse("read-organization", args=[org.slug]))
    assert client.session[READING_KEY] == org.slug
    assert client.get(reverse("read-organization", args=["-"])).status_code == 200
    assert client.get(reverse("read-organization", args=["no-such"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["owner", "committee", "org_admin", "outsider"])
def test_only_overseers_have_a_reading_page(client, request, org, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("read-organization", args=[org.slug])).status_code == 404


def test_the_script_reads_the_cookie_django_sets():
    script = (Path(settings.BASE_DIR) / "static" / "js" / "portal.js").read_text()
    assert f'cookie("{settings.CSRF_COOKIE_NAME}")' in script
    assert f'"{TOKEN}"' in script
