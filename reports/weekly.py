"""The committee chair's weekly summary: what is overdue, what is due before the next meeting,
which evidence links broke. One notice per chair per ISO week."""

from django.urls import reverse
from django.utils import timezone

from disclosure.models import EvidenceLink
from ita_portal.thai import thai_date
from measures.deadlines import days, open_q, overdue_q
from measures.models import Measure
from organizations.models import Organization, User
from organizations.notices import notify
from reports.models import Meeting, MeetingStatus


def next_meeting_date(organization, today):
    meeting = (Meeting.objects.filter(organization=organization, status=MeetingStatus.OPEN,
                                      date__gte=today).order_by("date").first())
    return meeting.date if meeting else today + days("horizon")


def summary_text(organization, today):
    horizon = next_meeting_date(organization, today)
    open_measures = (Measure.objects.filter(organization=organization)
                     .filter(open_q()).order_by("end_date"))
    overdue = list(open_measures.filter(overdue_q(today)))
    due = list(open_measures.filter(end_date__gte=today, end_date__lte=horizon))
    broken = list(EvidenceLink.objects.filter(item__organization=organization, is_broken=True,
                                              removed_at__isnull=True)
                  .select_related("item__oit_item"))
    lines = [f"มาตรการที่เลยกำหนด {len(overdue)} มาตรการ"]
    lines += [f"  - มาตรการที่ {m.number} {m.title[:80]} (สิ้นสุด {thai_date(m.end_date)})"
              for m in overdue]
    lines += [f"ครบกำหนดก่อนการประชุมครั้งถัดไป ({thai_date(horizon)}) {len(due)} มาตรการ"]
    lines += [f"  - มาตรการที่ {m.number} {m.title[:80]} (สิ้นสุด {thai_date(m.end_date)})"
              for m in due]
    lines += [f"ลิงก์หลักฐาน OIT ที่ใช้งานไม่ได้ {len(broken)} ลิงก์"]
    lines += [f"  - ข้อ {link.item.oit_item.code}: {link.url}" for link in broken]
    return "\n".join(lines)


def send_weekly_summaries(today=None):
    """Create this week's summary notice for every committee chair; returns how many."""
    today = today or timezone.localdate()
    year, week, _ = today.isocalendar()
    created = 0
    chairs = User.objects.filter(is_committee_chair=True, is_active=True,
                                 organization__is_active=True).select_related("organization")
    for chair in chairs:
        organization: Organization = chair.organization
        created += notify(chair, key=f"weekly:{year}-W{week:02d}",
                          subject=f"สรุปประจำสัปดาห์สำหรับประธานคณะกรรมการ: {organization.name_th}",
                          body=summary_text(organization, today), url=reverse("dashboard"))
    return created
