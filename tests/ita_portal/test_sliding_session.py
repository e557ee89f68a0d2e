"""Sessions slide without a write on every page (ita_portal/sessions.py): a signed-in page
reads the session and saves it only when it changed or was last refreshed more than
SESSION_REFRESH_SECONDS ago; then its expiry moves on (the idle timeout still holds)."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ita_portal import sessions

pytestmark = pytest.mark.django_db


def session_writes(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in ctx.captured_queries
            if q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]]


def test_pages_save_the_session_only_when_it_is_due(client, owner, monkeypatch):
    now = [1_000_000]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    client.force_login(owner)
    url = reverse("my-measures")
    session_writes(client, url)  # the first page after signing in refreshes it
    key = client.session.session_key
    before = Session.objects.get(session_key=key).expire_date
    assert session_writes(client, url) == []  # within the window: no write
    now[0] += 299
    assert session_writes(client, url) == []
    now[0] += 2
    assert len(session_writes(client, url)) == 1  # due: saved, its expiry moved on
    assert Session.objects.get(session_key=key).expire_date >= before
    assert session_writes(client, url) == []


def test_anonymous_pages_create_no_session(client):
    client.get(reverse("login"))
    assert not Session.objects.exists()
