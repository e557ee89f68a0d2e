"""Passing the second factor in tests.

`pass_two_factor(client, user)` gives the user a confirmed TOTP device and marks the test
client's session as verified with it, as django_otp.login() does after a correct code. The
autouse fixture in tests/conftest.py does this on every `client.force_login()`, so tests
about other things sign in as admins without typing codes; tests of two-factor itself sign
in through the real pages with `client.post(login)` and `totp_code(device)`.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def totp_code(device, drift=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def pass_two_factor(client, user):
    device = confirmed_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
