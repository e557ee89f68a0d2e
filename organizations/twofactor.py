"""Two-factor sign-in with django-otp: TOTP (an authenticator app) plus ten recovery codes.

Required for organisation admins and platform staff; optional for everyone else, but once a
person has a confirmed device it is asked for at every sign-in.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organizations.models import Role

RECOVERY_CODES = 10
ENROLLED_KEY = "two_factor_enrolled"
EXEMPT_PREFIXES = ("/accounts/2fa/", "/accounts/logout/", "/static/", "/i18n/",
                   "/accounts/password_reset/", "/accounts/reset/", "/accounts/invite/")


def is_required(user):
    return user.role == Role.ADMIN or user.is_staff or user.is_superuser


def is_exempt_path(path):
    return path.startswith(EXEMPT_PREFIXES)


def pending_step(request):
    """The URL the signed-in user must pass first (verify or enrol), or None."""
    user = request.user
    if not user.is_authenticated:
        return None
    if user.is_verified():
        return reverse("password_change") if user.must_change_password else None
    if is_enrolled(request):
        return reverse("2fa-verify")
    if is_required(user):
        return reverse("2fa-setup")
    if user.must_change_password:
        return reverse("password_change")
    return None


def is_enrolled(request):
    """Whether the user has a confirmed device, asked once per session (at sign-in)."""
    enrolled = request.session.get(ENROLLED_KEY)
    if enrolled is None:
        enrolled = request.session[ENROLLED_KEY] = user_has_device(request.user, confirmed=True)
    return enrolled


@receiver(user_logged_in)
def remember_enrolment(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[ENROLLED_KEY] = user_has_device(user, confirmed=True)


def pending_device(user):
    """The user's unconfirmed TOTP device (created on first visit to the set-up page)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="แอปยืนยันตัวตน", confirmed=False)


def qr_svg(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def secret_text(device):
    """The key to type in by hand, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def confirm(request, device, token):
    """Confirm a new device with its first code; returns the recovery codes (shown once)."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    return new_recovery_codes(device.user)


def new_recovery_codes(user):
    static, _ = StaticDevice.objects.get_or_create(user=user, name="รหัสสำรอง")
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=c) for c in codes)
    return codes


def verify(request, token):
    """Pass the second factor with an app code or a recovery code (each code used once)."""
    token = "".join(token.split())
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=request.user, confirmed=True):
            if device.verify_is_allowed()[0] and device.verify_token(token):
                otp_login(request, device)
                return True
    return False


def remove_all(request):
    request.session[ENROLLED_KEY] = False
    remove_devices(request.user)


def remove_devices(user):
    """Delete the user's authenticator and recovery codes; how many devices there were."""
    return (TOTPDevice.objects.filter(user=user).delete()[0]
            + StaticDevice.objects.filter(user=user).delete()[0])


def enrolled_user_ids(users):
    """The ids of those among `users` with a confirmed authenticator (one query)."""
    return TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id",
                                                                                  flat=True)
