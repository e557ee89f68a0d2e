"""Each agency's figures for the overseer are kept in one row and made again exactly when they
stop being current: a change of the agency's data (through the services, the link checker, the
criteria), the next day (overdue is a day rule), another year in progress. Only the agencies
that changed are made again, in a fixed number of queries."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from disclosure.models import DisclosureItem, ItemStatus
from disclosure.services import ensure_checklist, item_write
from indicators.models import AssessmentYear
from ita_portal.jobs import execute
from ita_portal.models import Job
from measures.models import ProgressUpdate, Status
from organizations.models import Organization
from reports.agency_figures import refresh
from reports.models import AgencyFigures
from reports.tasks import AGENCY_FIGURES
from tests.measures.conftest import make_measure
from tests.personas import make_org

pytestmark = pytest.mark.django_db
YEAR = 2570


def today():
    return timezone.localdate()


def figures(org):
    return AgencyFigures.objects.get(organization=org)


def test_figures_are_made_once_and_again_only_after_a_change(criteria, org, personas):
    make_measure(org, 1, end_offset=0)  # ends today: overdue from tomorrow
    ensure_checklist(org, YEAR)
    orgs = Organization.objects.filter(pk=org.pk)
    assert refresh(orgs, year=YEAR, today=today()) == 1
    assert (figures(org).overdue, figures(org).disclosed) == (0, 0)
    assert refresh(orgs, year=YEAR, today=today()) == 0  # current: nothing made

    item = DisclosureItem.objects.filter(organization=org, oit_item__year__year=YEAR).first()
    item_write(item=item, by=personas["org_admin"], fields={"status": ItemStatus.PRESENT},
               urls=[])
    assert refresh(orgs, year=YEAR, today=today()) == 1
    assert figures(org).disclosed == 1

    tomorrow = today() + datetime.timedelta(days=1)
    assert refresh(orgs, year=YEAR, today=tomorrow) == 1
    assert figures(org).overdue == 1 and figures(org).day == tomorrow
    assert refresh(orgs, year=YEAR + 1, today=tomorrow) == 1
    assert figures(org).year == YEAR + 1 and figures(org).overdue == 0


def test_only_the_agencies_that_changed_are_made_again(criteria, org, personas):
    other = make_org("tambon-z", "เทศบาลตำบลแซด")
    orgs = Organization.objects.all()
    refresh(orgs, year=YEAR, today=today())
    measure = make_measure(other, 1)
    ProgressUpdate.objects.create(measure=measure, reported_on=today(), note="เริ่มแล้ว",
                                  percent=10, status=Status.IN_PROGRESS, by=personas["owner"])
    assert refresh(orgs, year=YEAR, today=today()) == 1
    assert figures(other).last_activity is not None and figures(org).last_activity is None


def test_a_change_of_criteria_makes_everyones_figures_again(criteria, org):
    make_org("tambon-z", "เทศบาลตำบลแซด")
    orgs = Organization.objects.all()
    refresh(orgs, year=YEAR, today=today())
    year = AssessmentYear.objects.get(year=YEAR)
    year.target_score = 90
    year.save()
    assert refresh(orgs, year=YEAR, today=today()) == orgs.count() >= 2


def test_making_figures_costs_the_same_queries_for_one_or_many_agencies(criteria, org):
    make_measure(org, 1, end_offset=-3)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            made = refresh(Organization.objects.all(), year=YEAR, today=today())
        return made, len(ctx.captured_queries)

    one = count()
    for n in range(12):
        make_measure(make_org(f"tambon-{n}", f"เทศบาลตำบลที่ {n}"), 1, end_offset=-3)
    many = count()
    assert one[0] >= 1 and many[0] == 12 and one[1] == many[1]


def test_the_table_follows_a_change_the_agency_makes(client, criteria, org, overseer,
                                                     personas):
    ensure_checklist(org, YEAR)
    client.force_login(overseer)
    assert "<strong class=\"\">๐</strong> หน่วยงาน ·\n    มีลิงก์" in (
        client.get(reverse("home")).content.decode())
    make_measure(org, 7, end_offset=-2)  # overdue
    body = client.get(reverse("home")).content.decode()
    assert "มีมาตรการเลยกำหนด <strong class=\"bad\">๑</strong>" in body
    assert figures(org).overdue == 1 and figures(org).version == Organization.objects.get(
        pk=org.pk).data_version


def test_the_nightly_command_makes_every_agencys_figures(criteria, org, capsys):
    make_org("tambon-z", "เทศบาลตำบลแซด")
    call_command("refresh_agency_figures")
    everyone = Organization.objects.filter(is_active=True).count()
    assert AgencyFigures.objects.count() == everyone >= 2
    assert f"คำนวณใหม่ {everyone} หน่วยงาน" in capsys.readouterr().out
    call_command("refresh_agency_figures")
    assert "คำนวณใหม่ 0 หน่วยงาน" in capsys.readouterr().out


def test_a_change_of_criteria_queues_one_job_that_makes_everyones_figures(
        criteria, org, django_capture_on_commit_callbacks):
    orgs = Organization.objects.filter(is_active=True)
    refresh(orgs, year=YEAR, today=today())
    before = set(Job.objects.filter(kind=AGENCY_FIGURES).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        year = AssessmentYear.objects.get(year=YEAR)
        year.target_score = 90
        year.save()
        year.target_score = 88
        year.save()
    queued = Job.objects.filter(kind=AGENCY_FIGURES).exclude(pk__in=before)
    assert queued.count() == 1  # two changes, one job
    execute(queued.get().pk)  # (a job already run by the test's task backend is left alone)
    assert queued.get().state == "done"
    assert refresh(orgs, year=YEAR, today=today()) == 0  # the job made them all current


def test_a_slower_pass_never_puts_back_older_figures(criteria, org):
    """A pass that read an agency before its change and writes after a quicker pass made the
    newer figures (or a pass of the day before, finishing after midnight) changes nothing."""
    from reports.agency_figures import _write

    orgs = Organization.objects.filter(pk=org.pk)
    measure = make_measure(org, 1, end_offset=-2)  # overdue
    refresh(orgs, year=YEAR, today=today())
    old = figures(org)
    assert old.overdue == 1
    measure.status = Status.DONE
    measure.save()
    refresh(orgs, year=YEAR, today=today())
    assert figures(org).overdue == 0 and figures(org).version > old.version
    _write([old])  # the slow pass: an older version
    yesterday = today() - datetime.timedelta(days=1)
    _write([AgencyFigures(organization_id=org.pk, year=YEAR, day=yesterday,
                          version=old.version + 100, overdue=5)])  # an older day
    assert figures(org).overdue == 0
