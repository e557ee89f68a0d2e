"""Request context and response headers every page gets.

RequestContext gives each request an id (kept from X-Request-ID when a proxy set one), times
it and writes one JSON log line with the user and organisation. SecurityHeaders adds the
Content-Security-Policy and keeps signed-in pages out of shared and browser caches.
CsrfCookieHeld keeps Django from re-sending a CSRF cookie the browser already holds.
"""

import logging
import re
import time
import uuid

from django.conf import settings
from django.utils.cache import patch_vary_headers

from ita_portal import logs

log = logging.getLogger("ita_portal.request")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _request_id(request):
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


class RequestContext:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = _request_id(request)
        started = time.monotonic()
        token = logs.bind(request_id=request.id)
        try:
            response = self.get_response(request)
        finally:
            logs.unbind(token)
        response["X-Request-ID"] = request.id
        user = getattr(request, "user", None)
        signed_in = bool(user and user.is_authenticated)
        log.info("request", extra={
            "request_id": request.id, "method": request.method, "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "user": user.get_username() if signed_in else None,
            "organization": getattr(getattr(user, "organization", None), "slug", None)
            if signed_in else None,
        })
        return response


class SecurityHeaders:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response


class CsrfCookieHeld:
    """Listed just below Django's CsrfViewMiddleware: a page that uses the CSRF token does not
    send the cookie back to a browser that already holds that very cookie. Django re-sends it
    on every such page to renew its year's expiry; a session here ends after eight idle hours
    or with the browser, and signing in rotates the cookie (a new value, which is sent). A
    missing, changed or old-style (masked) cookie is still sent as Django does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        meta = request.META
        if meta.get("CSRF_COOKIE_NEEDS_UPDATE") and \
                request.COOKIES.get(settings.CSRF_COOKIE_NAME) == meta.get("CSRF_COOKIE"):
            meta["CSRF_COOKIE_NEEDS_UPDATE"] = False
            patch_vary_headers(response, ("Cookie",))  # as Django's sending would have
        return response
