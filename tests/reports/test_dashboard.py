import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, IndicatorScore
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db
MEMBERS = ["owner", "other_staff", "committee", "org_admin"]


@pytest.fixture
def scored(criteria, org, other_org):
    for year, base in ((2565, 80), (2566, 88)):
        for number in range(1, 11):
            IndicatorScore.objects.create(organization=org, score=base + number % 3,
                                          indicator=Indicator.objects.get(year__year=year,
                                                                          number=number))
    IndicatorScore.objects.create(organization=other_org, score=12.34,
                                  indicator=Indicator.objects.get(year__year=2566, number=9))
    make_measure(org, 1, start_offset=-90, end_offset=-3)
    make_measure(org, 2, end_offset=5)
    make_measure(other_org, 1, end_offset=-3).title = "ต่างหน่วยงาน"
    return org


def test_anonymous_is_sent_to_login(client):
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.parametrize("name", MEMBERS)
def test_everyone_in_the_organisation_reads_it(client, personas, scored, name):
    client.force_login(personas[name])
    body = client.get(reverse("dashboard") + "?year=2570").content.decode()
    assert "ปีงบประมาณ ๒๕๗๐ · เทศบาลตำบลทดสอบเอ" in body
    assert "ITA ๒๕๖๖" in body and "<svg" in body
    assert "เลยกำหนด (๑)" in body and "มาตรการทดสอบที่ 1" in body and "กองคลัง" in body
    assert "๓ วัน" in body  # days overdue
    assert "12.34" not in body and "๑๒.๓๔" not in body


def test_the_first_screen_is_the_year_in_progress_then_the_official_result(client, committee,
                                                                            scored):
    client.force_login(committee)
    body = client.get(reverse("dashboard") + "?year=2570&meeting=1").content.decode()
    order = [body.index(s) for s in ("มาตรการเลยกำหนด", "OIT คาดการณ์ ปี ๒๕๗๐",
                                     "เลยกำหนด (๑)", "แผนเวลามาตรการ",
                                     "ผลการประเมินทางการล่าสุด ITA ๒๕๖๖")]
    assert order == sorted(order)
    assert "ครบกำหนดก่อนภายใน" not in body


def test_the_year_comes_from_the_address(client, committee, scored):
    client.force_login(committee)
    body = client.get(reverse("dashboard") + "?year=2569").content.decode()
    assert "ปีงบประมาณ ๒๕๖๙ ·" in body and "มาตรการทดสอบที่ 1" not in body
    assert "ยังไม่มีมาตรการของปีงบประมาณ ๒๕๖๙" in body
    bad = client.get(reverse("dashboard") + "?year=abc")
    assert bad.status_code == 200


def test_an_incomplete_official_result_is_one_line(client, committee, criteria, org):
    IndicatorScore.objects.create(organization=org, score=80,
                                  indicator=Indicator.objects.get(year__year=2566, number=1))
    client.force_login(committee)
    body = client.get(reverse("dashboard") + "?year=2570").content.decode()
    assert "คะแนนทางการ ITA ๒๕๖๖ ยังไม่ครบ: ขาดตัวชี้วัดที่ ๒, ๓" in body
    assert "คะแนนรวม (เป้าหมาย ๘๕)" not in body


def test_outsider_sees_only_their_own(client, personas, scored):
    client.force_login(personas["outsider"])
    body = client.get(reverse("dashboard")).content.decode()
    assert "เทศบาลตำบลทดสอบบี" in body and "เทศบาลตำบลทดสอบเอ" not in body


def test_meeting_mode_has_no_navigation(client, committee, scored):
    client.force_login(committee)
    body = client.get(reverse("dashboard") + "?meeting=1").content.decode()
    assert '<body class="meeting">' in body


def test_dashboard_runs_a_constant_number_of_queries(client, committee, scored, org):
    client.force_login(committee)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("dashboard")).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for number in range(3, 40):
        make_measure(org, number, end_offset=number - 20)
    for number in range(1, 11):
        IndicatorScore.objects.create(organization=org, score=70,
                                      indicator=Indicator.objects.get(year__year=2564,
                                                                      number=number))
    assert count() == before


def test_the_target_comes_from_the_years_criteria(client, personas, scored):
    """No literal 85: a year whose criteria set another target shows and colours by it."""
    from indicators.models import AssessmentYear

    client.force_login(personas["committee"])
    assert "คะแนนรวม (เป้าหมาย ๘๕)" in client.get(reverse("dashboard")).content.decode()
    year = AssessmentYear.objects.get(year=2566)
    year.target_score = 95
    year.save()  # as the operator's correction saves it: every organisation's pages refresh
    body = client.get(reverse("dashboard")).content.decode()
    assert "คะแนนรวม (เป้าหมาย ๙๕)" in body and "เป้าหมาย 95" in body
    assert "เป้าหมาย ๘๕" not in body


def test_a_year_whose_criteria_are_published_shows_in_the_year_menu_at_once(
        client, committee, scored):
    """The year menu is kept with the organisation's data version; publishing criteria
    raises every organisation's."""
    from indicators.models import AssessmentYear, CriteriaStatus, ResultKind

    client.force_login(committee)
    assert "?year=2572" not in client.get(reverse("dashboard")).content.decode()
    AssessmentYear.objects.create(year=2572, title_th="เกณฑ์ ITA 2572",
                                  result_kind=ResultKind.RATING,
                                  status=CriteriaStatus.PROVISIONAL)
    assert "?year=2572" in client.get(reverse("dashboard")).content.decode()
