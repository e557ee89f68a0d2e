"""One digit system per page (issue 15): the pages officials read write numbers, years, scores
and counts in Thai digits; only codes that carry Latin letters (O1, IIT, ITA) and addresses keep
Arabic ones."""

import re

import pytest
from django.urls import reverse

from demo.loader import load_demo
from measures.models import Measure
from organizations.models import User

PAGES = [("home", []), ("dashboard", []), ("measure-list", []), ("my-measures", []),
         ("issue-list", []), ("meeting-list", []), ("report-list", []),
         ("checklist-latest", [])]


def arabic_numbers(html):
    """Arabic digits a reader sees: in text, not in tags, scripts, styles, charts' markup, or
    a token with Latin letters or a slash (a code, an address)."""
    html = re.sub(r"(?s)<(script|style|svg|textarea)\b.*?</\1>", " ", html)
    text = re.sub(r"(?s)<[^>]+>", " ", html)
    return [m.group(0).strip() for m in
            re.finditer(r".{0,25}(?<![A-Za-z/._:-])[0-9]+(?![A-Za-z/])[^\n]{0,10}", text)
            if not re.search(r"[A-Za-z/][0-9]|[0-9][A-Za-z]", m.group(0))]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["admin", "committee", "finance"])
def test_pages_write_numbers_in_thai_digits(client, criteria, username):
    org, _, _ = load_demo()
    client.force_login(User.objects.get(username=username))
    measure = Measure.objects.filter(organization=org).first()
    pages = [*PAGES, ("measure-detail", [measure.pk])]
    found = {}
    for name, args in pages:
        response = client.get(reverse(name, args=args), follow=True)
        assert response.status_code == 200, name
        if numbers := arabic_numbers(response.content.decode()):
            found[name] = numbers[:5]
    assert found == {}
