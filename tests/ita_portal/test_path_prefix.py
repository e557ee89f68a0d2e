"""The whole portal under a path of the municipality's own site (issue 17: "under the main
domain"). The proxy passes https://www.<town>.go.th/ita/… on with /ita removed; every link,
redirect, static file, cookie and published address the portal writes carries /ita again."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import clear_script_prefix, set_script_prefix

from measures.models import Evidence
from tests.measures.conftest import make_measure
from tests.measures.test_views import update_post
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db
PREFIX = "/ita"
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def under_prefix(settings):
    settings.FORCE_SCRIPT_NAME = PREFIX
    settings.STATIC_URL = f"{PREFIX}/static/"
    settings.SESSION_COOKIE_PATH = settings.CSRF_COOKIE_PATH = f"{PREFIX}/"
    set_script_prefix(PREFIX + "/")  # what the WSGI handler does with FORCE_SCRIPT_NAME (the
    yield                            # test client's handler leaves it out)
    clear_script_prefix()


def inside(url):
    """What the proxy passes on for an address the portal wrote (the prefix removed)."""
    assert url.startswith(PREFIX + "/"), url
    return url[len(PREFIX):]


def test_the_setting_comes_from_url_prefix():
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='ita_portal.settings'; "
            "from django.conf import settings as s; print(s.FORCE_SCRIPT_NAME, s.STATIC_URL, "
            "s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH)")
    env = {**os.environ, "URL_PREFIX": "ita/", "DEBUG": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["/ita", "/ita/static/", "/ita/", "/ita/"]
    env["URL_PREFIX"] = ""
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["None", "/static/", "/", "/"]


def test_sign_in_redirects_and_cookies_stay_under_the_prefix(under_prefix, org, owner):
    client = Client(enforce_csrf_checks=True)
    response = client.get("/measures/")
    assert response.status_code == 302
    assert response["Location"] == f"{PREFIX}/accounts/login/?next={PREFIX}/measures/"
    form = client.get(inside(response["Location"].split("?")[0]))
    body = form.content.decode()
    assert not re.search(r'(action|href|src)="/(?!ita/)', body)  # nothing outside /ita/
    assert f'href="{PREFIX}/static/css/portal.css"' in body
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    signed = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD,
                                              "csrfmiddlewaretoken": token,
                                              "next": f"{PREFIX}/measures/"})
    assert signed.status_code == 302 and signed["Location"].startswith(PREFIX + "/")
    assert client.cookies["sessionid"]["path"] == f"{PREFIX}/"
    assert client.cookies["csrftoken"]["path"] == f"{PREFIX}/"
    page = client.get(inside(signed["Location"]), follow=False)
    if page.status_code == 302:  # a second factor or a password change comes first
        assert page["Location"].startswith(PREFIX + "/")
        return
    links = re.findall(r'href="(/[^"]*)"', page.content.decode())
    assert links and all(link.startswith(PREFIX + "/") for link in links), links[:5]


def test_sign_out_link_and_its_page_stay_under_the_prefix(under_prefix, org, owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    page = client.get("/dashboard/").content.decode()
    assert f'<a href="{PREFIX}/accounts/logout/" class="linklike" data-post>' in page
    asked = client.get("/accounts/logout/").content.decode()  # opened without scripts
    assert f'action="{PREFIX}/accounts/logout/"' in asked
    assert client.cookies["csrftoken"]["path"] == f"{PREFIX}/"
    secret = client.cookies["csrftoken"].value  # what portal.js posts with the link
    done = client.post("/accounts/logout/", {"csrfmiddlewaretoken": secret})
    assert done.status_code == 302 and done["Location"] == f"{PREFIX}/accounts/login/"


def test_upload_and_download_of_evidence_under_the_prefix(under_prefix, client, org, owner):
    measure = make_measure(org, 1)
    client.force_login(owner)
    detail = client.get(f"/measures/{measure.pk}/").content.decode()
    assert f'action="{PREFIX}/measures/{measure.pk}/update/"' in detail
    response = client.post(f"/measures/{measure.pk}/update/", {
        **update_post(measure), "files": [SimpleUploadedFile("คู่มือ.pdf", PDF)]})
    assert response.status_code == 302
    assert response["Location"] == f"{PREFIX}/measures/{measure.pk}/"
    evidence = Evidence.objects.get()
    page = client.get(inside(response["Location"])).content.decode()
    download = f"{PREFIX}/measures/evidence/{evidence.pk}/"
    assert f'href="{download}"' in page
    got = client.get(inside(download))
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF


def test_public_pages_feed_and_published_documents_carry_the_prefix(under_prefix, client, org,
                                                                    org_admin, criteria):
    from tests.disclosure.helpers import fill

    fill(org, 2565, org_admin)
    data = json.loads(client.get("/public/tambon-a/2565.json").content)
    assert data["schema"] == f"http://testserver{PREFIX}/public/oit-feed-v1.schema.json"
    assert data["organization"]["public_page"] == f"http://testserver{PREFIX}/public/tambon-a/2565/"
    assert client.get(inside(data["schema"].replace("http://testserver", ""))).status_code == 200
    client.force_login(org_admin)
    upload = SimpleUploadedFile("แผน.pdf", PDF, content_type="application/pdf")
    response = client.post("/reports/published/", {"title": "แผนป้องกันการทุจริต", "export": "",
                                                   "oit_item": "", "file": upload})
    assert response.status_code == 302 and response["Location"] == f"{PREFIX}/reports/published/"
    from reports.models import PublishedDocument

    document = PublishedDocument.objects.get()
    assert document.public_url.startswith(f"http://testserver{PREFIX}/public/tambon-a/documents/")
    client.logout()
    got = client.get(inside(document.public_url.replace("http://testserver", "")))
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF


def test_the_overseer_may_still_write_their_own_pages_under_the_prefix(under_prefix, client,
                                                                       org, overseer):
    """The read-only rule looks at paths inside the portal (path_info), not at /ita/…"""
    client.force_login(overseer)
    response = client.post(f"/oversee/{org.slug}/")
    assert response.status_code == 302 and response["Location"].startswith(PREFIX + "/")
    assert client.post("/measures/1/update/", {}).status_code == 403
