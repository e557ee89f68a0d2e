"""The trail of every edit (django-auditlog): who, when, each field before → after, for every
model the issue names; the object's history and the organisation-wide page with CSV."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from disclosure.models import DisclosureItem, EvidenceLink
from indicators.models import Indicator, OITItem
from measures.models import ImprovementIssue, MeasureStep
from organizations.models import Department, Position
from reports.models import Committee, Meeting, MeetingNote
from tests.measures.conftest import make_measure
from tests.personas import make_user


def entries(obj):
    return LogEntry.objects.get_for_object(obj).order_by("pk")


def assert_trail(obj, field, new_value):
    """Created, then changed (before → after recorded), then removed."""
    model = type(obj)
    pk = obj.pk
    assert entries(obj).first().action == LogEntry.Action.CREATE
    old = getattr(obj, field)
    setattr(obj, field, new_value)
    obj.save()
    change = entries(obj).last()
    assert change.action == LogEntry.Action.UPDATE
    assert change.changes_dict[field] == [str(old), str(new_value)]
    obj.delete()
    assert LogEntry.objects.filter(content_type__model=model._meta.model_name,
                                   object_pk=str(pk), action=LogEntry.Action.DELETE).exists()


@pytest.mark.django_db
def test_every_named_model_is_recorded(org, criteria, owner):
    measure = make_measure(org, 7)
    assert_trail(MeasureStep.objects.filter(measure=measure).first(), "text", "ขั้นตอนใหม่")
    indicator = Indicator.objects.filter(year__year=2565).first()
    issue = ImprovementIssue.objects.create(organization=org, fiscal_year=2565, title="ประเด็น",
                                            assessment_year=indicator.year)
    assert_trail(issue, "title", "ประเด็นที่แก้แล้ว")
    item = DisclosureItem.objects.create(organization=org,
                                         oit_item=OITItem.objects.filter(year__year=2565).first())
    link = EvidenceLink.objects.create(item=item, url="https://tambon-a.go.th/a")
    assert_trail(link, "url", "https://tambon-a.go.th/b")
    assert_trail(item, "explanation", "คำอธิบาย")
    committee = Committee.objects.create(organization=org, name_th="คณะทำงาน")
    meeting = Meeting.objects.create(organization=org, committee=committee, fiscal_year=2570,
                                     number=1, date=datetime.date(2026, 12, 1))
    note = MeetingNote.objects.create(meeting=meeting, measure=measure, note="มติ", by=owner)
    assert_trail(note, "note", "มติใหม่")
    assert_trail(meeting, "place", "ห้องประชุม")
    assert_trail(measure, "title", "ชื่อใหม่")
    assert_trail(Department.objects.create(organization=org, name_th="กองช่าง"), "name_th",
                 "กองช่างและผังเมือง")
    assert_trail(Position.objects.create(organization=org, name_th="นายช่าง"), "name_th",
                 "นายช่างโยธา")
    assert_trail(make_user("leaver", org, "staff"), "first_name", "สมชาย")
    indicator.name_th = indicator.name_th + " (แก้)"
    indicator.save()
    assert entries(indicator).last().additional_data == {"organization_id": None}


@pytest.mark.django_db
def test_owner_changes_and_the_actor_are_recorded(client, org_admin, owner, org):
    measure = make_measure(org, 1)
    client.force_login(org_admin)
    measure.owner_users.add(owner)  # outside a request: no actor
    m2m = entries(measure).last()
    assert m2m.changes_dict["owner_users"]["operation"] == "add" and m2m.actor is None
    client.post(reverse("person-edit", args=[owner.pk]),
                {"username": "owner", "first_name": "สมศรี", "role": "staff"},
                REMOTE_ADDR="192.0.2.4")
    change = entries(owner).last()
    assert change.actor == org_admin and change.remote_addr == "192.0.2.4"
    assert change.changes_dict["first_name"] == ["owner", "สมศรี"]
    assert "password" not in entries(owner).first().changes_dict


@pytest.mark.django_db
def test_audit_page_and_csv_are_the_organisations_own(client, org_admin, outsider, org,
                                                      other_org):
    for organization, title in ((org, '=HYPERLINK("http://x")'), (other_org, "ของหน่วยงานอื่น")):
        measure = make_measure(organization, 1)
        measure.title = title
        measure.save()
    client.force_login(org_admin)
    page = client.get(reverse("audit")).content.decode()
    assert "HYPERLINK" in page and "ของหน่วยงานอื่น" not in page
    csv = client.get(reverse("audit") + "?export=csv").content.decode("utf-8-sig")
    assert "มาตรการ" in csv and "'=HYPERLINK" in csv and "ของหน่วยงานอื่น" not in csv


@pytest.mark.django_db
def test_object_history_as_every_persona(client, personas, overseer, org):
    measure = make_measure(org, 1)
    url = reverse("object-history", args=["measures", "measure", measure.pk])
    assert client.get(url).status_code == 302
    for persona, user in {**personas, "overseer": overseer}.items():
        client.force_login(user)
        expected = 404 if persona == "outsider" else 200
        assert client.get(url).status_code == expected, persona
    assert client.get(reverse("object-history", args=["nope", "nope", 1])).status_code == 404
    indicator = Indicator.objects.first()
    indicator.save()
    criteria_url = reverse("object-history", args=["indicators", "indicator", indicator.pk])
    assert client.get(criteria_url).status_code == 404  # criteria: platform staff only
