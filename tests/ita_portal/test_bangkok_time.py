"""Every date and time shown or exported is Bangkok's: an action at 01:00 on 1 December in
Bangkok (18:00 UTC on 30 November) shows 1 December in history, "ปิดเมื่อ", the last link
check, the CSV export and the printed annual report."""

import datetime

import pytest
from django.urls import reverse

from disclosure.models import CheckRun
from disclosure.services import ensure_checklist
from measures.models import Measure, MeasureEvent
from reports.documents import report_pdf
from reports.models import Committee, Meeting, MeetingStatus, ReportKind
from tests.measures.conftest import make_measure
from tests.reports.pdfcheck import read_pdf, squash

pytestmark = pytest.mark.django_db
AT_ONE_AM = datetime.datetime(2026, 11, 30, 18, 0, tzinfo=datetime.UTC)  # 01:00 in Bangkok


@pytest.fixture
def measure(org, org_admin):
    measure = make_measure(org, 1)
    change = MeasureEvent.objects.create(measure=measure, from_status="not_started",
                                         to_status="in_progress", by=org_admin, note="เริ่ม")
    MeasureEvent.objects.filter(pk=change.pk).update(at=AT_ONE_AM)
    Measure.objects.filter(pk=measure.pk).update(last_update_at=AT_ONE_AM)
    return measure


def test_history_shows_the_bangkok_day(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert "<strong>๑ ธ.ค. ๖๙ ๐๑:๐๐ น.</strong>" in body and "<strong>๓๐ พ.ย. ๖๙" not in body


def test_csv_export_has_the_bangkok_day(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("measure-list") + f"?fiscal_year={measure.fiscal_year}"
                      "&export=csv").content.decode("utf-8-sig")
    assert "2026-12-01" in body.splitlines()[1] and "2026-11-30" not in body


def test_meeting_closed_at_shows_the_bangkok_day(client, org, org_admin):
    committee = Committee.objects.create(organization=org, name_th="คณะกรรมการ")
    meeting = Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                     number=1, date=datetime.date(2026, 12, 1),
                                     status=MeetingStatus.CLOSED, closed_at=AT_ONE_AM,
                                     closed_by=org_admin)
    client.force_login(org_admin)
    body = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "ปิดเมื่อ ๑ ธ.ค. ๖๙" in body


def test_last_link_check_shows_the_bangkok_day(client, org, owner, criteria):
    ensure_checklist(org, 2565)
    run = CheckRun.objects.create(organization=org, year=2565, total=1, done=1)
    CheckRun.objects.filter(pk=run.pk).update(created_at=AT_ONE_AM)
    client.force_login(owner)
    body = client.get(reverse("checklist", args=[2565])).content.decode()
    assert "ตรวจลิงก์ล่าสุด ๑ ธ.ค. ๖๙ ๐๑:๐๐ น." in body


def test_printed_annual_report_has_the_bangkok_day(org, measure, tmp_path):
    facts = read_pdf(report_pdf(ReportKind.ANNUAL, org, measure.fiscal_year), tmp_path)
    assert "๑ธ.ค.๖๙" in squash(facts.text) and "๓๐พ.ย.๖๙" not in squash(facts.text)
