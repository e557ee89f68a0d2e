"""The menu. Each app adds its entries in its own `menu.py`, asking its own permissions module
whether the user may open them; this module only collects and orders them (it imports no
app: the entries are found like admin.py files are)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html_join
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

ENTRIES = []


@dataclass(frozen=True)
class Entry:
    order: int
    key: str
    label: str | Callable  # or user -> label (a count that changes)
    url: Callable  # (user, (script prefix, URL configuration)) -> URL
    visible: Callable  # user -> bool


def add(order, key, label, url_name, visible, args=lambda user: ()):
    """Add a menu entry: shown, in `order`, to the users for whom `visible(user)` is true."""
    ENTRIES.append(Entry(order, key, label, lambda user, where: url_of(
        url_name, tuple(args(user)), *where), visible))
    ENTRIES.sort(key=lambda e: e.order)


@lru_cache(maxsize=4096)
def url_of(url_name, args, prefix, urlconf):
    """The entry's URL under this prefix and URL configuration, worked out once per process
    (every page shows the menu)."""
    return reverse(url_name, args=args, urlconf=urlconf)


def signed_in(user):
    return True


def entries(user):
    if not ENTRIES:
        autodiscover_modules("menu")
    where = get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    language = get_language()
    return [(e.key, e.label(user) if callable(e.label) else label(e.label, language),
             e.url(user, where)) for e in ENTRIES if e.visible(user)]


@lru_cache(maxsize=256)
def label(text, language):
    """The entry's label in `language` (the active one), translated once per process."""
    return _(text)


CURRENT = mark_safe(' aria-current="page"')


@lru_cache(maxsize=4096)
def links(items, path):
    """The menu's links as HTML, the section the page is in marked current, made once per
    process for the same entries on the same page."""
    here = section(items, path)
    return format_html_join("", '<a href="{}"{}>{}</a>',
                            ((url, CURRENT if url == here else "", label)
                             for _key, label, url in items))


def section(items, path):
    """The URL of the entry the page belongs to: the longest entry URL the path begins with
    (a measure's page is under "มาตรการ", a year's checklist under OIT); the home page only
    itself."""
    inside = [url for key, _label, url in items
              if url == path or (key != "home" and url.endswith("/") and path.startswith(url))]
    return max(inside, key=len, default=None)


def navigation(request):
    """Context processor: the signed-in user's menu links (`nav_links`, from their entries as
    (key, Thai label, URL)) and the organisation an overseer is reading (set on the user by the
    reading middleware)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_links": links(tuple(entries(user)), request.path),
            "reading_organization": getattr(user, "reading_organization", None)}
