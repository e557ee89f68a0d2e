"""Sessions that slide (an idle timeout of SESSION_COOKIE_AGE) without a database write on
every request: the session is saved when something in it changed, or when it was last
refreshed more than SESSION_REFRESH_SECONDS ago (then its expiry moves on). Django's
SESSION_SAVE_EVERY_REQUEST cost three statements a page (BEGIN, UPDATE, COMMIT)."""

import time

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware

REFRESHED = "_refreshed"


class SlidingSessionMiddleware(SessionMiddleware):
    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.accessed and not session.modified \
                and not session.is_empty():
            now = int(time.time())
            if now - session.get(REFRESHED, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED] = now  # modified: saved below, its expiry moves on
        return super().process_response(request, response)


def refreshed_at_sign_in(sender, request, user, **kwargs):
    """Signing in saves the session anyway: the next refresh is due a window later."""
    if request is not None and hasattr(request, "session"):
        request.session[REFRESHED] = int(time.time())
