"""Notices reach people: OIT item due dates, links that become broken, the chair's weekly
summary, the inbox (read/unread) and each person's e-mail frequency — delivered over a real
SMTP server exactly once, as Thai HTML with a text part."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from disclosure.checker import CheckResult
from disclosure.models import DisclosureItem, EvidenceLink, Outcome
from disclosure.services import apply_check
from indicators.models import OITItem
from organizations.models import Notification, NotifyFrequency, Position
from tests.measures.conftest import make_measure

MONDAY = datetime.date(2026, 11, 30)


@pytest.fixture
def item(org, criteria, owner):
    position = Position.objects.get(organization=org, name_th="เจ้าหน้าที่พัสดุ")
    return DisclosureItem.objects.create(
        organization=org, oit_item=OITItem.objects.filter(year__year=2565).first(),
        owner_position=position, due_date=MONDAY + datetime.timedelta(days=2))


def with_email(*users):
    for user in users:
        user.email = f"{user.username}@tambon-a.go.th"
        user.save()


def run(day=MONDAY):
    call_command("send_notifications", date=day.isoformat())


@pytest.mark.django_db
def test_oit_owner_gets_a_due_reminder_by_smtp_exactly_once(item, owner, smtp_server):
    with_email(owner)
    run()
    run()  # a second run the same day sends nothing
    assert len(smtp_server.messages) == 1
    recipients, message = smtp_server.messages[0]
    assert recipients == [owner.email]
    assert "ครบกำหนดภายใน ๓ วัน" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert item.oit_item.code in text and "<html" in html and item.oit_item.code in html
    assert Notification.objects.filter(user=owner).count() == 1


@pytest.mark.django_db
def test_link_that_becomes_broken_tells_its_owner_once(item, owner, smtp_server, settings):
    with_email(owner)
    settings.LINKCHECK_BROKEN_AFTER_HOURS = 0
    link = EvidenceLink.objects.create(item=item, url="https://tambon-a.go.th/gone")
    failure = CheckResult(url=link.url, outcome=Outcome.MISSING, http_status=404)
    for _ in range(5):
        apply_check(link, failure)
    notices = Notification.objects.filter(user=owner, key__startswith="link-broken")
    assert notices.count() == 1
    item.due_date = None
    item.save()
    run()
    run()
    assert len(smtp_server.messages) == 1
    assert "ใช้งานไม่ได้" in smtp_server.messages[0][1]["Subject"]


@pytest.mark.django_db
def test_weekly_summary_to_the_chair_on_mondays(org, committee, smtp_server):
    with_email(committee)
    committee.is_committee_chair = True
    committee.save()
    make_measure(org, 1, start_offset=-400, end_offset=-300)
    run(MONDAY + datetime.timedelta(days=1))
    assert smtp_server.messages == []
    run()
    run()
    assert len(smtp_server.messages) == 1
    body = smtp_server.messages[0][1].get_body(("plain",)).get_content()
    assert "มาตรการที่เลยกำหนด 1 มาตรการ" in body and "ลิงก์หลักฐาน OIT" in body


@pytest.mark.django_db
def test_daily_and_weekly_choices_and_people_without_email(item, owner, other_staff,
                                                          smtp_server, org):
    with_email(owner)
    owner.notify_frequency = NotifyFrequency.WEEKLY
    owner.save()
    other_staff.position = owner.position  # no e-mail address: the inbox only
    other_staff.save()
    run(MONDAY - datetime.timedelta(days=2))  # Saturday: the weekly reader waits
    assert smtp_server.messages == []
    assert Notification.objects.filter(user=other_staff).count() == 1
    run(MONDAY)
    assert len(smtp_server.messages) == 1  # one digest with everything unsent


@pytest.mark.django_db
def test_inbox_read_unread_as_personas(client, personas, item, owner, overseer):
    run()
    notice = Notification.objects.get(user=owner)
    assert client.get(reverse("inbox")).status_code == 302
    for persona, user in {**personas, "overseer": overseer}.items():
        client.force_login(user)
        page = client.get(reverse("inbox"))
        assert page.status_code == 200
        # the item name, not its code: "O1" can occur by chance in the random CSRF token
        assert (item.oit_item.name_th in page.content.decode()) == (persona == "owner")
        if persona != "owner":  # nobody else can mark it read
            assert client.post(reverse("notice-read", args=[notice.pk])).status_code == 404
    client.force_login(owner)
    assert "การแจ้งเตือน (1)" in client.get(reverse("home")).content.decode()
    client.post(reverse("notice-read", args=[notice.pk]))
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "การแจ้งเตือน (" not in client.get(reverse("home")).content.decode()
    settings_page = client.post(reverse("notification-settings"),
                                {"notify_frequency": "daily", "email": "x@y.go.th"})
    assert settings_page.status_code == 302
    assert client.post(reverse("notification-settings"),
                       {"notify_frequency": "hourly"}).status_code == 400


@pytest.mark.django_db
def test_measure_digests_reach_the_inbox_of_people_without_email(org, owner):
    from django.core import mail

    from measures.reminders import send_reminders
    make_measure(org, 1, end_offset=2)
    send_reminders()
    send_reminders()
    assert mail.outbox == []
    notice = Notification.objects.get(user=owner)
    assert "มาตรการที่ต้องติดตาม 1 รายการ" in notice.subject and notice.emailed_at is not None


@pytest.mark.django_db
def test_the_menus_unread_count_is_read_with_the_signed_in_person(client, owner):
    """Every page shows the count: it comes in the query that reads the person (with the
    organisation), not in queries of its own."""
    for key in ("a", "b", "c"):
        Notification.objects.create(user=owner, key=key, subject=key, body="")
    Notification.objects.filter(key="c").update(read_at=timezone.now())
    client.force_login(owner)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("home"))
    assert "การแจ้งเตือน (2)" in page.content.decode()
    sql = [query["sql"] for query in queries.captured_queries]
    reads = [q for q in sql if "organizations_notification" in q]
    assert len(reads) == 1 and 'FROM "organizations_user"' in reads[0]
    organization = f'"organizations_organization"."id" = {owner.organization_id}'
    assert not [q for q in sql if 'FROM "organizations_organization"' in q
                and "organizations_user" not in q and organization in q]
