"""The kept parts' store behaves as Django's local-memory cache: bounded, least recently read
out first, entries end with their timeout; text is handed back as kept, other values as a
copy each reader may change."""

import time

import pytest
from django.core.cache import caches

from ita_portal.fragments import kept
from ita_portal.kept_store import KeptStore


def store(entries=3):
    return KeptStore("test", {"OPTIONS": {"MAX_ENTRIES": entries}})


def test_text_is_handed_back_as_kept_and_other_values_as_a_copy():
    kept_here = store()
    text = "มาตรการที่ ๑" * 1000
    kept_here.set("part", text, 60)
    assert kept_here.get("part") is text
    kept_here.set("measure", {"steps": [1, 2]}, 60)
    first = kept_here.get("measure")
    first["steps"].append(3)
    assert kept_here.get("measure") == {"steps": [1, 2]}


def test_least_recently_read_goes_first_when_full():
    kept_here = store(entries=2)
    kept_here.set("a", "A", 60)
    kept_here.set("b", "B", 60)
    assert kept_here.get("a") == "A"  # b is now the least recently read
    kept_here.set("c", "C", 60)
    assert (kept_here.get("a"), kept_here.get("b"), kept_here.get("c")) == ("A", None, "C")


def test_entries_end_with_their_timeout(monkeypatch):
    kept_here = store()
    kept_here.set("soon", "S", 10)
    kept_here.set("never", "N", None)
    kept_here.set("not at all", "Z", 0)
    assert kept_here.get("soon") == "S" and kept_here.get("not at all") is None
    later = time.time() + 11
    monkeypatch.setattr(time, "time", lambda: later)
    assert kept_here.get("soon") is None and kept_here.get("never") == "N"


def test_add_touch_delete_clear():
    kept_here = store()
    assert kept_here.add("x", "1", 60) and not kept_here.add("x", "2", 60)
    assert kept_here.touch("x", 120) and not kept_here.touch("y", 120)
    assert kept_here.get("x") == "1"
    assert kept_here.delete("x") and kept_here.get("x") is None
    kept_here.set("y", "2", 60)
    kept_here.clear()
    assert kept_here.get("y") is None


@pytest.mark.django_db
def test_kept_parts_live_in_this_store():
    assert isinstance(caches["fragments"], KeptStore)
    made = []
    assert kept("t", [1, 2], lambda: made.append(1) or "part") == "part"
    assert kept("t", [1, 2], lambda: made.append(1) or "other") == "part"
    assert kept("t", [1, 3], lambda: made.append(1) or "other") == "other"
    assert made == [1, 1]
