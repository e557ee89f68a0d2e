"""Hand over everything a person owns to another person or a position.

Each app that owns work registers a provider in its AppConfig.ready(), so this module never
imports the apps above it: `describe(person)` → [(label, count)] and
`apply(person, to_user, to_position, by)` → count moved.
"""

from dataclasses import dataclass

from django.db import transaction

from organizations.models import Notification
from organizations.notices import unread_of

_providers = []


@dataclass(frozen=True)
class Provider:
    label: str
    count: callable  # (person) -> int
    move: callable  # (person, to_user, to_position, by) -> int


def register(label, count, move):
    _providers.append(Provider(label, count, move))


def _count_notices(person):
    return unread_of(person)


def _move_notices(person, to_user, to_position, by=None):
    if to_user is None:
        return 0
    moved = 0
    for notice in Notification.objects.filter(user=person, read_at__isnull=True):
        if not Notification.objects.filter(user=to_user, key=notice.key).exists():
            notice.user = to_user
            notice.save(update_fields=["user"])
            moved += 1
    return moved


register("การแจ้งเตือนที่ยังไม่อ่าน", _count_notices, _move_notices)


def preview(person):
    """[(label, count)] of what would move, every provider listed (zeros included)."""
    return [(p.label, p.count(person)) for p in _providers]


@transaction.atomic
def apply(person, *, to_user=None, to_position=None, by=None):
    if (to_user is None) == (to_position is None):
        raise ValueError("choose exactly one of to_user, to_position")
    return [(p.label, p.move(person, to_user, to_position, by)) for p in _providers]
