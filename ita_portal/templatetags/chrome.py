"""The chrome every page shares, worked out once per process where it can be.

``{% topbar %}``: the page's top bar (the organisation, the menu, the person and their
sign-out link, a link that posts: ita_portal/confirm.py). It is the same on every page a person
opens until their menu, name or role changes, so it is rendered once per process for those."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import get_script_prefix
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def topbar(context):
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    organization = user.organization if signed_in else None
    person = (str(user), user.get_role_display()) if signed_in else None
    return _rendered(get_language(), get_script_prefix(), person,
                     organization.name_th if organization else None, context.get("nav_links", ""))


@lru_cache(maxsize=1024)
def _rendered(language, prefix, person, organization, nav_links):
    """The bar for these (`prefix`: the URLs' script prefix)."""
    name, role = person or ("", "")
    return render_to_string("_topbar.html", {
        "signed_in": person is not None, "person": name, "role": role,
        "organization": organization, "nav_links": nav_links})


@register.simple_tag
def asset(path):
    """The URL of a static file, as ``{% static %}`` gives it, worked out once per process (the
    static tag looks the storage up on every call; every page links the same three files)."""
    return _asset(path, settings.STATIC_URL)


@lru_cache(maxsize=256)
def _asset(path, static_url):
    return static(path)
