"""The organisation admin's people pages, tried as every persona; invitations (72 hours, one
use), temporary passwords, deactivation, hand-over, departments/positions and the profile."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from measures.models import MeasureEvent, MeasureStep
from organizations.models import Department, Invitation, Position, Role, User
from tests.measures.conftest import make_measure
from tests.personas import PASSWORD

ADMIN_PAGES = ["people", "person-new", "structure", "org-profile", "audit"]


@pytest.fixture
def invite(client, django_capture_on_commit_callbacks):
    def post(**extra):
        data = {"how": "invite", "username": "newbie", "first_name": "สมหญิง",
                "last_name": "ใจดี", "email": "newbie@tambon-a.go.th", "role": "staff", **extra}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("person-new"), data)
    return post


@pytest.mark.django_db
@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_pages_as_every_persona(client, personas, overseer, name):
    assert client.get(reverse(name)).status_code == 302  # anonymous → sign in
    for persona, user in {**personas, "overseer": overseer}.items():
        client.force_login(user)
        expected = 200 if persona in ("org_admin", "outsider") else 403
        assert client.get(reverse(name)).status_code == expected, persona


@pytest.mark.django_db
def test_another_organisations_admin_gets_404_for_our_people(client, outsider, owner):
    client.force_login(outsider)
    for name in ("person-edit", "person-handover"):
        assert client.get(reverse(name, args=[owner.pk])).status_code == 404
    assert client.post(reverse("person-active", args=[owner.pk])).status_code == 404
    owner.refresh_from_db()
    assert owner.is_active


@pytest.mark.django_db
def test_invitation_sets_own_password_once(client, org_admin, invite):
    client.force_login(org_admin)
    assert invite().status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["newbie@tambon-a.go.th"] and "คำเชิญ" in message.subject
    assert message.alternatives[0][1] == "text/html"
    link = re.search(r"http://testserver(/accounts/invite/\S+/)", message.body).group(1)
    client.logout()
    assert client.get(link).status_code == 200
    short = client.post(link, {"new_password1": "abc", "new_password2": "abc"})
    assert short.status_code == 400
    done = client.post(link, {"new_password1": "my-own-passphrase-42",
                              "new_password2": "my-own-passphrase-42"})
    assert done.status_code == 302
    newbie = User.objects.get(username="newbie")
    assert newbie.check_password("my-own-passphrase-42")
    assert newbie.organization == org_admin.organization
    client.logout()
    assert client.get(link).status_code == 410  # used once


@pytest.mark.django_db
def test_invitation_expires_after_72_hours(client, org_admin, invite):
    client.force_login(org_admin)
    invite()
    link = re.search(r"http://testserver(/accounts/invite/\S+/)", mail.outbox[-1].body).group(1)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert Invitation.objects.get().expires_at - Invitation.objects.get().created_at < \
        datetime.timedelta(hours=72)
    assert client.get(link).status_code == 410
    assert client.get("/accounts/invite/made-up-token/").status_code == 410


@pytest.mark.django_db
def test_invitation_needs_an_email_and_refuses_other_org_departments(client, org_admin,
                                                                     other_org, invite):
    client.force_login(org_admin)
    assert invite(email="").status_code == 400
    foreign = Department.objects.get(organization=other_org, name_th="กองคลัง")
    assert invite(department=foreign.pk).status_code == 400
    assert not User.objects.filter(username="newbie").exists()


@pytest.mark.django_db
def test_temporary_password_shown_once_and_changed_at_first_sign_in(client, org_admin):
    client.force_login(org_admin)
    page = client.post(reverse("person-new"), {"how": "password", "username": "temp",
                                               "first_name": "ชั่วคราว", "role": "staff"})
    password = re.search(r'id="temporary-password">([^<]+)<', page.content.decode()).group(1)
    client.logout()
    client.post(reverse("login"), {"username": "temp", "password": password})
    assert client.get(reverse("my-measures")).url.startswith(reverse("password_change"))
    client.post(reverse("password_change"), {"old_password": password,
                                             "new_password1": "my-own-passphrase-42",
                                             "new_password2": "my-own-passphrase-42"})
    assert client.get(reverse("my-measures")).status_code == 200


@pytest.mark.django_db
def test_change_role_and_deactivate(client, org_admin, owner):
    client.force_login(org_admin)
    response = client.post(reverse("person-edit", args=[owner.pk]), {
        "username": "owner", "first_name": "owner", "role": "committee"})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.role == Role.COMMITTEE and owner.department is None
    assert client.post(reverse("person-edit", args=[owner.pk]),
                       {"username": "owner", "role": "overseer"}).status_code == 400
    client.post(reverse("person-active", args=[owner.pk]))
    owner.refresh_from_db()
    assert not owner.is_active and User.objects.filter(pk=owner.pk).exists()
    client.post(reverse("person-active", args=[org_admin.pk]))  # never oneself
    org_admin.refresh_from_db()
    assert org_admin.is_active


@pytest.mark.django_db
def test_handover_preview_and_apply(client, org_admin, owner, other_staff, org):
    measures = [make_measure(org, n) for n in (1, 2)]
    for measure in measures:
        measure.owner_users.add(owner)
    client.force_login(org_admin)
    preview = client.get(reverse("person-handover", args=[owner.pk])).content.decode()
    assert re.search(r"<td>มาตรการ</td><td>๒</td>", preview)
    assert client.post(reverse("person-handover", args=[owner.pk]), {}).status_code == 400
    client.post(reverse("person-handover", args=[owner.pk]), {"to_user": other_staff.pk})
    for measure in measures:
        assert list(measure.owner_users.all()) == [other_staff]
    position = Position.objects.get(organization=org, name_th="เจ้าหน้าที่พัสดุ")
    client.post(reverse("person-handover", args=[other_staff.pk]), {"to_position": position.pk})
    assert measures[0].owner_positions.filter(pk=position.pk).exists()
    assert not measures[0].owner_users.exists()


@pytest.mark.django_db
def test_handover_renames_the_written_owner_of_open_steps(client, org_admin, owner, other_staff,
                                                          org):
    owner.first_name, owner.last_name = "สมชาย", "ใจดี"
    owner.save()
    other_staff.first_name, other_staff.last_name = "สมหญิง", "รักงาน"
    other_staff.save()
    measure = make_measure(org, 1)
    open_step, finished = measure.steps.order_by("order")
    MeasureStep.objects.filter(pk=open_step.pk).update(owner_text="นายสมชาย ใจดี (กองคลัง)")
    MeasureStep.objects.filter(pk=finished.pk).update(owner_text="นายสมชาย ใจดี",
                                                     done_at=timezone.now())
    client.force_login(org_admin)
    preview = client.get(reverse("person-handover", args=[owner.pk])).content.decode()
    assert re.search(r"<td>ขั้นตอนที่ระบุชื่อเป็นผู้รับผิดชอบ</td><td>๑</td>", preview)
    client.post(reverse("person-handover", args=[owner.pk]), {"to_user": other_staff.pk})
    open_step.refresh_from_db()
    finished.refresh_from_db()
    assert open_step.owner_text == "นายสมหญิง รักงาน (กองคลัง)"
    assert finished.owner_text == "นายสมชาย ใจดี"  # finished work keeps who did it
    event = MeasureEvent.objects.get(measure=measure, step=open_step)
    assert event.by == org_admin and "สมชาย ใจดี → สมหญิง รักงาน" in event.note


@pytest.mark.django_db
def test_departments_rename_merge_retire(client, org_admin, owner, org):
    finance = Department.objects.get(organization=org, name_th="กองคลัง")
    office = Department.objects.get(organization=org, name_th="สำนักปลัด")
    measure = make_measure(org, 1)
    client.force_login(org_admin)
    client.post(reverse("unit-edit", args=["department", finance.pk]),
                {"name_th": "กองคลังและพัสดุ", "order": 1})
    finance.refresh_from_db()
    assert finance.name_th == "กองคลังและพัสดุ"
    client.post(reverse("unit-retire", args=["department", finance.pk]))
    finance.refresh_from_db()
    assert not finance.is_retired  # still used by a person and a measure
    client.post(reverse("unit-merge", args=["department", finance.pk]), {"into": office.pk})
    finance.refresh_from_db()
    owner.refresh_from_db()
    assert finance.is_retired and owner.department == office
    assert list(measure.owner_departments.all()) == [office]
    assert client.get("/organization/team/1/").status_code == 404


@pytest.mark.django_db
def test_profile_domains_and_logo(client, org_admin, org):
    client.force_login(org_admin)
    bad = client.post(reverse("org-profile"), {"name_th": org.name_th, "kind": org.kind,
                                               "website_domains": "not a domain!"})
    assert bad.status_code == 400
    import io

    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    png = buffer.getvalue()
    from django.core.files.uploadedfile import SimpleUploadedFile
    ok = client.post(reverse("org-profile"), {
        "name_th": org.name_th, "kind": org.kind, "province": "ขอนแก่น",
        "website_domains": "tambon-a.go.th, www.tambon-a.go.th",
        "logo": SimpleUploadedFile("logo.png", png, "image/png")})
    assert ok.status_code == 302
    org.refresh_from_db()
    assert org.domains == ["tambon-a.go.th", "www.tambon-a.go.th"] and org.logo


@pytest.mark.django_db
def test_deactivated_organisation_logs_members_out_and_refuses_them(client, owner, org):
    client.force_login(owner)
    assert client.get(reverse("my-measures")).status_code == 200
    org.is_active = False
    org.save()
    assert client.get(reverse("my-measures")).status_code == 302  # signed out
    client.logout()
    response = client.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 200  # refused, the form shown again
    assert client.get(reverse("my-measures")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "expected"), [
    ("org_admin", 302), ("owner", 403), ("committee", 403), ("outsider", 404)])
def test_admin_resets_a_members_two_factor(client, personas, other_staff, name, expected):
    """A lost phone: the admin clears the member's authenticator; others cannot."""
    from auditlog.models import LogEntry
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.twofactor import confirmed_device

    confirmed_device(other_staff)
    client.force_login(personas[name])  # signing in gives the signer a device of their own
    url = reverse("person-2fa-reset", args=[other_staff.pk])
    if name == "org_admin":
        assert url in client.get(reverse("people")).content.decode()
    assert client.get(url).status_code == 405  # a GET never resets
    assert client.post(url).status_code == expected
    reset = expected == 302
    assert TOTPDevice.objects.filter(user=other_staff).exists() is not reset
    entries = LogEntry.objects.filter(object_id=other_staff.pk, changes__icontains="two_factor")
    assert entries.exists() is reset
    assert other_staff.notifications.filter(subject__contains="รีเซ็ต").exists() is reset
    if reset:
        assert entries.get().actor == personas[name]


@pytest.mark.django_db
def test_admin_resets_nobody_without_a_device_nor_themselves(client, org_admin, owner):
    client.force_login(org_admin)
    client.post(reverse("person-2fa-reset", args=[owner.pk]))  # owner has no device
    messages = [str(m) for m in client.get(reverse("people")).context["messages"]]
    assert any("ยังไม่ได้ตั้งค่า" in m for m in messages)
    response = client.post(reverse("person-2fa-reset", args=[org_admin.pk]), follow=True)
    assert "ของตนเอง" in response.content.decode()
    from django_otp.plugins.otp_totp.models import TOTPDevice
    assert TOTPDevice.objects.filter(user=org_admin).exists()


def test_the_user_name_rules_are_in_thai(client, org_admin):
    """UX re-check: "Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."
    stood under ชื่อผู้ใช้, and a wrong name was refused in English."""
    client.force_login(org_admin)
    body = client.get(reverse("person-new")).content.decode()
    assert "ใช้ได้เฉพาะตัวอักษร ตัวเลข และ @ . + - _" in body and "Required." not in body
    refused = client.post(reverse("person-new"), {
        "username": "สมชาย ใจดี", "first_name": "สมชาย", "role": "staff", "how": "password"})
    assert "ชื่อผู้ใช้ไม่ถูกต้อง" in refused.content.decode()
