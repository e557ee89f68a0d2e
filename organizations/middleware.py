"""Request-wide rules about who is signed in: the audit actor and address, two-factor where
it is required. (A deactivated organisation's members are refused by organizations.backends:
their sessions stop authenticating at the next request.)"""

from auditlog.middleware import AuditlogMiddleware
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.functional import LazyObject, empty
from django.utils.http import urlencode

from ita_portal.client_ip import client_ip
from organizations import scoping, twofactor

READING_KEY = "reading_organization"


class AuditActorMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, with the address read as the lockout reads it."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)


class TwoFactorMiddleware:
    """Until the second factor is passed, a signed-in user reaches only the 2FA pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.user = unwrapped(request.user)
        target = twofactor.pending_step(request)
        if target and not (request.path == target
                           or twofactor.is_exempt_path(request.path_info)):
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def unwrapped(user):
    """The person behind request.user's lazy proxies (authentication's, then two-factor's),
    read once: every page reads request.user hundreds of times, each read through two
    proxies otherwise."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


class OverseerReadingMiddleware:
    """An overseer reads one chosen organisation at a time, everywhere its committee reads,
    and changes nothing: any write outside their own account pages is refused (403)."""

    # Their own account, language, which organisation they read, a PDF of a list they read,
    # their own API tokens
    # (paths inside the portal: under a URL prefix, request.path_info).
    WRITABLE = ("/accounts/", "/i18n/", "/oversee/", "/admin/", "/exports/lists/",
                "/api/tokens/")
    OPERATOR_WRITABLE = ("/criteria/",)  # the platform operator publishes the criteria

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not scoping.is_overseer(user):
            return self.get_response(request)
        slug = request.session.get(READING_KEY)
        if slug:
            user.reading_organization = (
                scoping.visible_organizations(user).filter(slug=slug).first())
        if request.method not in ("GET", "HEAD", "OPTIONS") and not (
                request.path_info.startswith(self.WRITABLE) or request.path_info == "/"
                or (user.is_staff and request.path_info.startswith(self.OPERATOR_WRITABLE))):
            raise PermissionDenied("ผู้กำกับติดตามอ่านข้อมูลได้อย่างเดียว")
        return self.get_response(request)
