"""Making, checking and revoking API tokens (the services of the api app)."""

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone

from api.models import ApiToken
from api.permissions import require_token_manager
from organizations.scoping import is_overseer

PREFIX_LENGTH = 8
TOUCH_EVERY = datetime.timedelta(minutes=5)  # last use is written at most this often


def _hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(*, by, name):
    """(token, key): the key is returned once and never stored."""
    require_token_manager(by)
    name = (name or "").strip()
    if not name:
        raise ValidationError("กรุณาระบุว่าใช้โทเคนนี้กับระบบใด")
    key = "ita_" + secrets.token_urlsafe(32)
    owner = {"overseer": by} if is_overseer(by) else {"organization_id": by.organization_id}
    token = ApiToken.objects.create(name=name[:120], prefix=key[4:4 + PREFIX_LENGTH],
                                    key_hash=_hash(key), created_by=by, **owner)
    return token, key


def revoke_token(*, token, by):
    require_token_manager(by)
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by = timezone.now(), by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def authenticate(key):
    """The active token with this key, or None (compared by hash, in constant time)."""
    if not key or not key.startswith("ita_") or len(key) > 100:
        return None
    token = (ApiToken.objects.select_related("overseer", "organization")
             .filter(prefix=key[4:4 + PREFIX_LENGTH], revoked_at=None).first())
    if token is None or not secrets.compare_digest(token.key_hash, _hash(key)):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
