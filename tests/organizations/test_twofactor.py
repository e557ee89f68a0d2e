"""Two-factor sign-in: required for organisation admins and platform staff, optional for
others; recovery codes work once. Signed in through the real pages (no force_login)."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.personas import PASSWORD
from tests.twofactor import confirmed_device, totp_code


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


@pytest.mark.django_db
def test_admin_must_enrol_before_any_page(client, org_admin, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code, then the right one at once
    sign_in(client, org_admin)
    response = client.get(reverse("measure-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("2fa-setup"))
    page = client.get(reverse("2fa-setup"))
    assert "รหัสลับ" in page.content.decode() and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=org_admin, confirmed=False)
    wrong = client.post(reverse("2fa-setup"), {"token": "000000"})
    assert wrong.status_code == 400 and "รหัสไม่ถูกต้อง" in wrong.content.decode()
    done = client.post(reverse("2fa-setup"), {"token": totp_code(device)})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("measure-list")).status_code == 200


@pytest.mark.django_db
def test_enrolled_admin_is_asked_for_a_code_and_recovery_codes_work_once(client, org_admin,
                                                                          settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = confirmed_device(org_admin)
    sign_in(client, org_admin)
    assert client.get(reverse("people")).url.startswith(reverse("2fa-verify"))
    assert client.post(reverse("2fa-verify"), {"token": "123456"}).status_code == 400
    assert client.post(reverse("2fa-verify"), {"token": totp_code(device)}).status_code == 302
    assert client.get(reverse("people")).status_code == 200

    from organizations.twofactor import new_recovery_codes
    code = new_recovery_codes(org_admin)[0]
    for expected in (302, 400):  # the second use of the same code is refused
        client.post(reverse("logout"))
        sign_in(client, org_admin)
        assert client.post(reverse("2fa-verify"), {"token": code}).status_code == expected
    assert StaticToken.objects.filter(token=code).count() == 0


@pytest.mark.django_db
def test_platform_staff_must_enrol(client, db):
    from tests.personas import make_user
    staff = make_user("operator", None, "staff", is_staff=True, is_superuser=True)
    sign_in(client, staff)
    assert client.get("/admin/").url.startswith(reverse("2fa-setup"))


@pytest.mark.django_db
def test_two_factor_is_optional_for_staff_but_asked_once_enrolled(client, owner):
    sign_in(client, owner)
    assert client.get(reverse("my-measures")).status_code == 200
    assert client.post(reverse("2fa-remove")).status_code == 302  # nothing to remove: fine
    device = confirmed_device(owner)
    client.post(reverse("logout"))
    sign_in(client, owner)
    assert client.get(reverse("my-measures")).url.startswith(reverse("2fa-verify"))
    client.post(reverse("2fa-verify"), {"token": totp_code(device)})
    assert client.get(reverse("my-measures")).status_code == 200
    client.post(reverse("2fa-remove"))
    assert not TOTPDevice.objects.filter(user=owner).exists()


@pytest.mark.django_db
def test_admin_cannot_switch_two_factor_off(client, org_admin):
    client.force_login(org_admin)
    client.post(reverse("2fa-remove"))
    assert TOTPDevice.objects.filter(user=org_admin, confirmed=True).exists()


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(reverse("2fa-setup")).status_code == 302
    assert client.get(reverse("2fa-verify")).url.startswith(reverse("login"))


@pytest.mark.django_db
def test_guessing_is_throttled(client, org_admin):
    device = confirmed_device(org_admin)
    sign_in(client, org_admin)
    client.post(reverse("2fa-verify"), {"token": "000000"})
    # right after a wrong code even the right one is refused (django-otp's back-off)
    assert client.post(reverse("2fa-verify"), {"token": totp_code(device)}).status_code == 400
