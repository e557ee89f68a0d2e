"""Password change and reset (Django's views, Thai templates): one-time links, no account
enumeration, throttled; the login lockout reads the client behind a trusted proxy."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.personas import PASSWORD

NEW = "a-new-and-long-passphrase-7"


@pytest.fixture(autouse=True)
def clear_cache(request):
    if "django_db" in request.keywords or "db" in request.fixturenames:
        cache.clear()  # the cache is a database table


def reset_link():
    return re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[-1].body).group(1)


@pytest.mark.django_db
def test_change_password(client, owner):
    client.force_login(owner)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(NEW)
    bad = client.post(reverse("password_change"), {
        "old_password": "wrong", "new_password1": NEW, "new_password2": NEW})
    assert bad.status_code == 200 and "ใส่รหัสผ่านเก่าผิด" in bad.content.decode()


@pytest.mark.django_db
def test_reset_by_email_once(client, owner):
    owner.email = "owner@tambon-a.go.th"
    owner.save()
    client.post(reverse("password_reset"), {"email": owner.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "ตั้งรหัสผ่านใหม่" in message.subject and message.alternatives[0][1] == "text/html"
    link = reset_link()
    form = client.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(NEW)
    again = client.get(link, follow=True)  # the token is spent: the password changed
    assert "ลิงก์นี้ใช้ไม่ได้แล้ว" in again.content.decode()


@pytest.mark.django_db
def test_reset_does_not_reveal_which_addresses_exist(client, owner):
    owner.email = "owner@tambon-a.go.th"
    owner.save()
    known = client.post(reverse("password_reset"), {"email": owner.email})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_reset_is_throttled_per_address_and_per_email(client, owner, settings):
    settings.PASSWORD_RESET_LIMIT_PER_HOUR = 2
    owner.email = "owner@tambon-a.go.th"
    owner.save()
    for _ in range(2):
        client.post(reverse("password_reset"), {"email": owner.email},
                    REMOTE_ADDR="10.1.1.1")
    assert client.post(reverse("password_reset"), {"email": owner.email},
                       REMOTE_ADDR="10.1.1.1").status_code == 429
    from_elsewhere = client.post(reverse("password_reset"), {"email": owner.email},
                                 REMOTE_ADDR="10.9.9.9")
    assert from_elsewhere.status_code == 302  # same answer, but nothing more is sent
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_lockout_behind_a_proxy_locks_the_client_not_everyone(client, owner, settings):
    settings.PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for n in range(5):
        client.post(reverse("login"), {"username": f"ghost{n}", "password": "x"},
                    HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    locked = client.post(reverse("login"), {"username": "ghost9", "password": "x"},
                         HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert locked.status_code == 429
    ok = client.post(reverse("login"), {"username": owner.username, "password": PASSWORD},
                     HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert ok.status_code == 302


@pytest.mark.django_db
def test_forged_forwarded_for_is_ignored_without_a_proxy(client):
    for n in range(5):
        client.post(reverse("login"), {"username": f"ghost{n}", "password": "x"},
                    HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", REMOTE_ADDR="203.0.113.5")
    assert client.post(reverse("login"), {"username": "ghostx", "password": "x"},
                       REMOTE_ADDR="203.0.113.5").status_code == 429


def test_client_ip_takes_the_entry_the_trusted_proxy_wrote(rf, settings):
    from ita_portal.client_ip import client_ip
    settings.PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "203.0.113.9"
    settings.PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.PROXY_COUNT = 1
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="junk", REMOTE_ADDR="10.0.0.1")) == \
        "10.0.0.1"


@pytest.mark.django_db
def test_password_rules_are_explained_in_thai(client, owner):
    client.force_login(owner)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"})
    body = response.content.decode()
    assert "รหัสผ่านสั้นเกินไป ต้องมีอย่างน้อย 10 ตัวอักษร" in body
    assert "รหัสผ่านนี้เป็นตัวเลขทั้งหมด" in body


@pytest.mark.django_db
def test_the_reset_throttle_is_shared_by_every_worker(settings):
    """The counter lives in the database cache (or Redis), not in one process's memory: a
    second process reading the same table sees the count the first one wrote."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    assert "DatabaseCache" in settings.CACHES["default"]["BACKEND"]
    cache.set("reset-count", 3, 60)
    other_worker = DatabaseCache(settings.CACHES["default"]["LOCATION"], {})
    assert other_worker.get("reset-count") == 3
    assert caches["default"].get("reset-count") == 3


@pytest.mark.django_db
def test_the_confirmation_field_asks_for_the_new_password_again(client, owner):
    """UX re-check: its help read "กรอกรหัสผ่านเดิมอีกครั้ง" (type the OLD password again)."""
    client.force_login(owner)
    body = client.get(reverse("password_change")).content.decode()
    assert "พิมพ์รหัสผ่านใหม่ซ้ำอีกครั้ง" in body and "รหัสผ่านเดิมอีกครั้ง" not in body
