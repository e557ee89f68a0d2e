"""Nothing is loaded from the internet: our CSS and the Sarabun font are served by the app."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse


def test_font_and_stylesheet_are_ours():
    css = open(finders.find("css/portal.css"), encoding="utf-8").read()
    for font in re.findall(r'url\("\.\./(fonts/[^"]+)"\)', css):
        assert finders.find(font), font
    assert "Sarabun-Regular.ttf" in css and "http" not in css


@pytest.mark.django_db
def test_pages_reference_no_outside_host(client, owner):
    client.force_login(owner)
    for url in [reverse("home"), reverse("login")]:
        body = client.get(url).content.decode()
        assert not re.search(r'(src|href)="(https?:)?//', body), url


@pytest.mark.django_db
def test_every_page_links_our_icon_stylesheet_and_script(client, owner, settings):
    """The page head links the files at the static URL in force (worked out once per
    process, so a changed STATIC_URL must still show)."""
    client.force_login(owner)
    for static_url in ("/static/", "/assets/"):
        settings.STATIC_URL = static_url
        body = client.get(reverse("home")).content.decode()
        for path in ("favicon.svg", "css/portal.css", "js/portal.js"):
            assert f'="{static_url}{path}"' in body, (static_url, path)
