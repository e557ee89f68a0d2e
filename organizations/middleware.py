"""Request-wide rules about who is signed in: the audit actor and address, two-factor where
it is required. (A deactivated organisation's members are refused by organizations.backends:
their sessions stop authenticating at the next request.)"""

from auditlog.middleware import AuditlogMiddleware
from django.shortcuts import redirect
from django.utils.http import urlencode

from ita_portal.client_ip import client_ip
from organizations import twofactor


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
        target = twofactor.pending_step(request)
        if target and not (request.path == target or twofactor.is_exempt_path(request.path)):
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
