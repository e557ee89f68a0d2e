"""Services for the organisation's people: invite, create, change, deactivate.

Every write is recorded by the audit trail (organizations.audit); accounts are never deleted,
so history keeps the name.
"""

import hashlib
import secrets
from datetime import timedelta

from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from organizations import twofactor
from organizations.mail import send_thai_mail
from organizations.models import Invitation, User
from organizations.notices import notify


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_user(*, organization, by, base_url, **fields):
    """Create the account (no usable password) and e-mail a one-time link valid 72 hours."""
    user = User(organization=organization, **fields)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    token = secrets.token_urlsafe(32)
    hours = settings.INVITATION_VALID_HOURS
    Invitation.objects.create(user=user, token_hash=token_hash(token), invited_by=by,
                              expires_at=timezone.now() + timedelta(hours=hours))
    link = base_url + reverse("invitation-accept", args=[token])
    transaction.on_commit(lambda: send_thai_mail(
        user.email, f"คำเชิญเข้าใช้ ITA Portal: {organization.name_th}", "organizations/email_invite",
        {"user": user, "organization": organization, "by": by, "link": link, "hours": hours}))
    return user


@transaction.atomic
def create_user_with_password(*, organization, **fields):
    """Create the account with a temporary password, returned once; changed at first sign-in."""
    password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
    user = User(organization=organization, must_change_password=True, **fields)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user, password


def open_invitation(token):
    """The unused, unexpired invitation for this token, or None."""
    invitation = (Invitation.objects.select_related("user", "user__organization")
                  .filter(token_hash=token_hash(token)).first())
    if invitation is None or invitation.used_at or invitation.expires_at <= timezone.now():
        return None
    if not invitation.user.is_active or not invitation.user.organization.is_active:
        return None
    return invitation


@transaction.atomic
def accept_invitation(invitation, password):
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.used_at:
        raise ValidationError("คำเชิญนี้ถูกใช้ไปแล้ว")
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    user = locked.user
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def update_user(user, **fields):
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def deactivate_user(user, *, by):
    if user.pk == by.pk:
        raise ValidationError("ระงับบัญชีของตนเองไม่ได้")
    user.is_active = False
    user.save(update_fields=["is_active"])
    Invitation.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())


def reactivate_user(user):
    user.is_active = True
    user.save(update_fields=["is_active"])


@transaction.atomic
def reset_two_factor(user, *, by):
    """The admin clears a member's authenticator and recovery codes (a lost phone): the member
    enrols again at the next sign-in where two-factor is required. Kept in the audit trail and
    told to the member in their inbox."""
    if user.pk == by.pk:
        raise ValidationError("รีเซ็ตการยืนยันตัวตนของตนเองที่หน้า “การยืนยันตัวตนสองขั้นตอน”")
    removed = twofactor.remove_devices(user)
    if not removed:
        raise ValidationError(f"{user} ยังไม่ได้ตั้งค่าการยืนยันตัวตนสองขั้นตอน")
    LogEntry.objects.log_create(user, action=LogEntry.Action.UPDATE, actor=by,
                                changes={"two_factor": ["ตั้งค่าแล้ว", "รีเซ็ตโดยผู้ดูแลระบบ"]})
    notify(user, key=f"2fa-reset:{timezone.now():%Y%m%d%H%M%S}",
           subject="ผู้ดูแลระบบรีเซ็ตการยืนยันตัวตนสองขั้นตอนของท่าน",
           body=f"{by} รีเซ็ตแอปยืนยันตัวตนและรหัสสำรองของท่านแล้ว "
                "เมื่อเข้าสู่ระบบครั้งถัดไป ระบบจะให้ตั้งค่าใหม่ หากท่านไม่ได้ขอ โปรดแจ้งผู้ดูแลระบบ",
           url=reverse("2fa-manage"))

