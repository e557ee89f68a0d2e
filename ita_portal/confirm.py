"""The page behind a link that posts (`<a href="…" data-post>`, static/js/portal.js).

With scripts the link posts at once with the CSRF cookie; without them the browser opens the
link, and the view answers the GET with this page: what the action does and a form that does
it. Opening the page changes nothing. Pages that only offer such actions carry no CSRF token,
so they need no fresh masked token and no renewed CSRF cookie on every request."""

from django.shortcuts import render


def confirm_post(request, *, title, text, button, back, fields=()):
    """The page asking for the POST of `request.path` with these hidden `fields`."""
    return render(request, "confirm_post.html", {
        "title": title, "text": text, "button": button, "back": back,
        "action": request.path, "fields": fields})
