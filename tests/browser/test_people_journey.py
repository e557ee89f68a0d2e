"""The admin invites a new officer, who accepts, sets a password, enrols two-factor and finds
their work; the admin hands a leaving officer's work to the new one and deactivates the
leaver. Screenshots at desktop and phone width."""

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import totp

from demo.loader import DEMO_PASSWORD
from disclosure.models import DisclosureItem
from indicators.models import OITItem
from measures.models import Measure
from organizations.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def both_widths(page, screenshot, name):
    page.set_viewport_size(DESKTOP)
    screenshot(name)
    page.set_viewport_size(PHONE)
    screenshot(f"{name}-phone")
    page.set_viewport_size(DESKTOP)


def code_for(secret_text):
    compact = secret_text.replace(" ", "")
    return f"{totp(base64.b32decode(compact + '=' * (-len(compact) % 8))):06d}"


def test_invite_accept_enrol_find_work_then_hand_over(page, screenshot, demo, log_in,
                                                      live_server):
    leaver = User.objects.get(username="finance")
    named = Measure.objects.filter(organization=demo).order_by("number").first()
    named.owner_users.add(leaver)
    item = DisclosureItem.objects.create(organization=demo, owner_user=leaver,
                                         oit_item=OITItem.objects.filter(year__year=2565).first())

    log_in("admin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/people/new/")
    page.fill("#id_username", "new_officer")
    page.fill("#id_first_name", "สมหญิง")
    page.fill("#id_last_name", "ใจดี")
    page.fill("#id_email", "somying@arunnikhom.example")
    page.select_option("#id_department", label="กองคลัง")
    page.select_option("#id_position", label="เจ้าหน้าที่พัสดุ")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=ส่งคำเชิญถึง somying@arunnikhom.example แล้ว")
    assert "รอตอบรับคำเชิญ" in page.inner_text("#person-new_officer")
    both_widths(page, screenshot, "people-invited")

    link = re.search(r"(/accounts/invite/\S+/)", mail.outbox[-1].body).group(1)
    page.context.clear_cookies()
    page.goto(live_server.url + link)
    assert page.inner_text("#invitee-username") == "new_officer"
    both_widths(page, screenshot, "people-invitation-accept")
    page.fill("#id_new_password1", "somying-own-passphrase-2569")
    page.fill("#id_new_password2", "somying-own-passphrase-2569")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('เทศบาลตำบลอรุณนิคม')")

    page.goto(f"{live_server.url}/accounts/2fa/setup/")
    both_widths(page, screenshot, "people-2fa-setup")
    page.fill("#id_token", code_for(page.inner_text("#totp-secret")))
    page.click("#two-factor-form button[type=submit]")
    page.wait_for_selector("#recovery-codes")
    assert len(page.query_selector_all("#recovery-codes li")) == 10
    both_widths(page, screenshot, "people-2fa-codes")

    page.goto(f"{live_server.url}/measures/mine/")
    page.wait_for_selector("h1:has-text('งานของฉัน')")
    assert named.title[:20] in page.inner_text("main")
    both_widths(page, screenshot, "people-officer-finds-work")

    log_in("admin", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/people/{leaver.pk}/handover/")
    preview = page.inner_text("#handover-preview")
    assert re.search(r"มาตรการ\s+๑", preview) and re.search(r"ข้อ OIT\s+๑", preview)
    page.select_option("#id_to_user", label="สมหญิง ใจดี")
    both_widths(page, screenshot, "people-handover-preview")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=ส่งต่องานของ")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#person-finance button:has-text('ระงับบัญชี')")
    page.wait_for_selector("text=ระงับบัญชีของ")
    assert "ระงับแล้ว" in page.inner_text("#person-finance")
    both_widths(page, screenshot, "people-after-handover")

    newcomer = User.objects.get(username="new_officer")
    assert list(named.owner_users.all()) == [newcomer]
    item.refresh_from_db()
    assert item.owner_user == newcomer
