import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from measures.models import ReminderSent
from measures.reminders import send_reminders
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(owner, other_staff, org_admin, committee):
    for user in (owner, other_staff, org_admin, committee):
        user.email = f"{user.username}@tambon-a.go.th"
        user.save()


def test_digest_covers_each_kind_once_and_never_twice(org, owner, mailboxes):
    make_measure(org, 1, end_offset=10)               # due within 14 days
    make_measure(org, 2, end_offset=2)                # due within 3 days
    make_measure(org, 3, start_offset=-60, end_offset=-1)   # overdue
    stale = make_measure(org, 4, end_offset=200)      # no update for 60 days
    stale.created_at = timezone.now() - datetime.timedelta(days=61)
    stale.save()
    make_measure(org, 5, end_offset=-3, status="done", percent=100)  # closed: no reminder
    make_measure(org, 6, department="สำนักปลัด", end_offset=1)

    send_reminders()
    to_owner = [m for m in mail.outbox if m.to == ["owner@tambon-a.go.th"]]
    assert len(to_owner) == 1
    body = to_owner[0].body
    for text in ("ครบกำหนดภายใน ๑๔ วัน", "ครบกำหนดภายใน ๓ วัน", "เลยกำหนดแล้ว",
                 "ไม่มีรายงานความคืบหน้า ๖๐ วัน", "มาตรการที่ 4"):
        assert text in body
    assert "มาตรการที่ 5" not in body and "มาตรการที่ 6" not in body
    html, kind = to_owner[0].alternatives[0]  # a Thai HTML part beside the text
    assert kind == "text/html" and "<h3" in html and "เลยกำหนดแล้ว" in html
    assert "มาตรการที่ ๔" in html and "/measures/" in html and "มาตรการที่ ๕" not in html
    assert {m.to[0] for m in mail.outbox} == {"owner@tambon-a.go.th",
                                             "other_staff@tambon-a.go.th"}
    assert ReminderSent.objects.filter(user=owner).count() == 4

    mail.outbox.clear()
    send_reminders()
    assert mail.outbox == []


def test_a_new_due_date_warrants_a_new_reminder(org, owner, mailboxes):
    measure = make_measure(org, 1, end_offset=10)
    send_reminders()
    measure.end_date += datetime.timedelta(days=2)
    measure.save()
    mail.outbox.clear()
    send_reminders()
    assert len(mail.outbox) == 1


def test_command_dry_run_sends_and_records_nothing(org, owner, mailboxes, capsys):
    make_measure(org, 1, end_offset=10)
    call_command("send_reminders", "--dry-run")
    assert mail.outbox == [] and not ReminderSent.objects.exists()
    assert "จะส่ง 1 ฉบับ" in capsys.readouterr().out
    call_command("send_reminders")
    assert len(mail.outbox) == 1 and ReminderSent.objects.count() == 1
