"""Page parts and values kept while the data they come from is unchanged.

Kept in each server process's memory (`CACHES["fragments"]`), keyed by a data version the
caller gives (an organisation's `data_version`, raised in the database with every change of
its data), the day (overdue and due-soon are day rules) and at most FRAGMENT_SECONDS: a server
never shows anything older than the database says, and no server tells another anything.
The template tag is `{% kept "name" version … %}` (ita_portal/templatetags/fragments.py).
"""

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone


def kept(name, parts, compute):
    """compute(), or what it gave for the same name, parts and day while they hold."""
    key = (name, *map(str, parts), timezone.localdate())
    store = caches["fragments"]
    value = store.get(key)
    if value is None:
        value = compute()
        store.set(key, value, settings.FRAGMENT_SECONDS)
    return value
