"""The store behind kept page parts (`CACHES["fragments"]`, ita_portal/fragments.py).

It behaves as Django's local-memory cache does (each process its own, at most MAX_ENTRIES,
the least recently read goes first, entries end with their timeout) without the two things
that cost every request and buy nothing here: text is kept as it is, not pickled (a string
cannot change, so every reader may share it; other values are still pickled, each reader
getting its own copy), and keys are taken as given (ita_portal.fragments.kept makes them: a
tuple of the part's name, its variables as text and the day), neither hashed nor checked for
memcached (a loop over every character of every key).
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


class KeptStore(BaseCache):
    def __init__(self, name, params):
        super().__init__(params)
        self._entries = OrderedDict()  # key -> (expires at or None, is text, value)
        self._lock = threading.Lock()

    def make_key(self, key, version=None):
        return key  # as given (the methods below take keys as they are)

    def validate_key(self, key):
        """Keys are made by kept(), never by a visitor: nothing to check."""

    def _live(self, key):
        """The key's entry unless it has ended (then dropped); the caller holds the lock."""
        entry = self._entries.get(key)
        if entry is not None and entry[0] is not None and entry[0] <= time.time():
            del self._entries[key]
            return None
        return entry

    def get(self, key, default=None, version=None):
        with self._lock:
            entry = self._live(key)
            if entry is None:
                return default
            self._entries.move_to_end(key)
        return entry[2] if entry[1] else pickle.loads(entry[2])

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        text = isinstance(value, str)
        entry = (self.get_backend_timeout(timeout), text,
                 value if text else pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):
            return False
        self.set(key, value, timeout, version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with self._lock:
            entry = self._live(key)
            if entry is None:
                return False
            self._entries[key] = (self.get_backend_timeout(timeout), *entry[1:])
            return True

    def delete(self, key, version=None):
        with self._lock:
            return self._entries.pop(key, None) is not None

    def clear(self):
        with self._lock:
            self._entries.clear()
