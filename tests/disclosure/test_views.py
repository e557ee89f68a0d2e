import csv
import io
import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disclosure.models import CheckRun, DisclosureItem, EvidenceLink, LinkCheck
from disclosure.services import ensure_checklist
from organizations.models import Position
from tests.disclosure.helpers import answer, fill

pytestmark = pytest.mark.django_db
MEMBERS = ["owner", "other_staff", "committee", "org_admin"]


def item_post(item, **overrides):
    data = {"version": item.version, "status": "present", "explanation": "เผยแพร่แล้ว",
            "urls": "https://tambon-a.go.th/o1", "owner_department": "", "owner_position": "",
            "due_date": ""}
    data.update(overrides)
    return data


@pytest.fixture
def item(criteria, org):
    ensure_checklist(org, 2565)
    o1 = answer(org, 2565, "O1")
    o1.owner_position = Position.objects.get(organization=org, name_th="นักวิชาการคอมพิวเตอร์")
    o1.save()
    return o1


def test_anonymous_goes_to_login_but_reads_the_public_page(client, item):
    for url in [reverse("checklist", args=[2565]), reverse("disclosure-item", args=[item.pk])]:
        assert client.get(url).status_code == 302
    assert client.post(reverse("check-links", args=[2565])).status_code == 302
    assert client.get(reverse("public-oit", args=["tambon-a", 2565])).status_code == 200


@pytest.mark.parametrize("name", MEMBERS)
def test_members_read_the_checklist(client, personas, item, name):
    client.force_login(personas[name])
    body = client.get(reverse("checklist", args=[2565])).content.decode()
    assert "๙.๑ ข้อมูลพื้นฐาน" in body and "O43" in body and "คาดการณ์คะแนน OIT" in body
    assert ("ตรวจลิงก์ทั้งหมด" in body) == (name != "committee")
    assert ("ย้ายเข้าปี ๒๕๖๕" in body) == (name == "org_admin")


@pytest.mark.parametrize(("name", "expected"), [
    ("other_staff", 302),  # นักวิชาการคอมพิวเตอร์: the item's owner
    ("org_admin", 302), ("owner", 403), ("committee", 403), ("outsider", 404)])
def test_only_the_items_owner_and_admins_edit_it(client, personas, item, name, expected):
    client.force_login(personas[name])
    response = client.post(reverse("disclosure-item", args=[item.pk]), item_post(item))
    assert response.status_code == expected
    item.refresh_from_db()
    assert (item.status == "present") == (expected == 302)


def test_invalid_item_form_rerenders_in_thai(client, org_admin, item):
    client.force_login(org_admin)
    response = client.post(reverse("disclosure-item", args=[item.pk]),
                           item_post(item, urls="", explanation="ข้อความที่ต้องไม่หาย"))
    body = response.content.decode()
    assert response.status_code == 400 and "ต้องมี URL หลักฐาน" in body
    assert "ข้อความที่ต้องไม่หาย" in body
    response = client.post(reverse("disclosure-item", args=[item.pk]),
                           item_post(item, urls="ftp://tambon-a.go.th/x"))
    assert response.status_code == 400 and "http:// หรือ https://" in response.content.decode()


def test_concurrent_edit_of_an_item_is_refused(client, org_admin, other_staff, item):
    stale = item_post(item, explanation="ฉบับของคนที่สอง")
    client.force_login(other_staff)
    assert client.post(reverse("disclosure-item", args=[item.pk]),
                       item_post(item)).status_code == 302
    client.force_login(org_admin)
    response = client.post(reverse("disclosure-item", args=[item.pk]), stale)
    assert response.status_code == 409 and "ฉบับของคนที่สอง" in response.content.decode()


@pytest.mark.parametrize(("name", "expected"), [("owner", 302), ("org_admin", 302),
                                                 ("committee", 403)])
def test_running_a_check_from_the_button(client, personas, item, site, allow_local, name,
                                         expected, org, django_capture_on_commit_callbacks):
    fill(org, 2565, personas["org_admin"], urls={"O1": site + "/ok"}, base=site)
    client.force_login(personas[name])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("check-links", args=[2565]))
    assert response.status_code == expected
    if expected == 302:
        run = CheckRun.objects.get()
        assert run.finished_at and run.done == run.total == 43
        status = json.loads(client.get(reverse("check-run", args=[run.pk]) + "?format=json")
                            .content)
        assert {k: status[k] for k in ("total", "done", "failed", "finished", "state")} == {
            "total": 43, "done": 43, "failed": 42, "finished": True, "state": "done"}
        assert LinkCheck.objects.get(link__url=site + "/ok").outcome == "ok"


def test_carry_over_is_for_admins(client, personas, item):
    client.force_login(personas["owner"])
    assert client.post(reverse("carry-over", args=[2566])).status_code == 403
    client.force_login(personas["org_admin"])
    assert client.post(reverse("carry-over", args=[2566])).status_code == 302


def test_command_checks_one_organisation(criteria, org, org_admin, site, allow_local, capsys,
                                         django_capture_on_commit_callbacks):
    fill(org, 2565, org_admin, urls={"O1": site + "/ok"}, base=site)
    with django_capture_on_commit_callbacks(execute=True):  # the job is queued after commit
        call_command("check_disclosure_links", "--organization", "tambon-a", "--year", "2565")
    assert "tambon-a 2565: ส่งตรวจ 43 ลิงก์" in capsys.readouterr().out
    assert LinkCheck.objects.count() == 43
    assert CheckRun.objects.get(organization=org, year=2565).done == 43


def test_nightly_check_queues_organisations_in_batches(
        client, criteria, site, allow_local, settings, capsys, django_capture_on_commit_callbacks):
    from ita_portal.models import Job
    from tests.personas import make_org, make_user

    settings.LINKCHECK_BATCH = 2
    orgs = [make_org(f"tambon-{n}", f"เทศบาลตำบล {n}") for n in "xyz"]
    admins = [make_user(f"admin-{o.slug}", o, "admin") for o in orgs]
    for org, admin in zip(orgs, admins, strict=True):
        fill(org, 2565, admin, urls={"O1": site + "/ok"}, base=site)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_disclosure_links", "--year", "2565")
    assert capsys.readouterr().out.count("ส่งตรวจ 43 ลิงก์") == 3
    runs = list(CheckRun.objects.order_by("pk"))
    assert [r.batch_id for r in runs] == [None, runs[0].pk, None]  # 2 + 1 organisations
    assert Job.objects.filter(kind="disclosure.check_links").count() == 2
    assert all(r.finished_at and r.done == 43 for r in runs) and LinkCheck.objects.count() == 129
    client.force_login(admins[1])  # a batched run's page follows its batch's job
    status = json.loads(client.get(reverse("check-run", args=[runs[1].pk]),
                                   {"format": "json"}).content)
    assert status["done"] == 43 and status["state"] == "done" and status["finished"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_disclosure_links", "--year", "2565")  # again: new runs, same shape
    assert CheckRun.objects.count() == 6


def test_public_page_shows_only_what_it_should(client, criteria, org, org_admin):
    fill(org, 2565, org_admin, skip={"O5"}, urls={"O2": "https://drive.google.com/secret"})
    o3 = answer(org, 2565, "O3")
    o3.owner_department = org.departments.get(name_th="กองคลัง")
    o3.save()
    body = client.get(reverse("public-oit", args=["tambon-a", 2565])).content.decode()
    assert "https://tambon-a.go.th/oit/O1" in body
    assert "drive.google.com" not in body  # off-site evidence is not published
    assert "กองคลัง" not in body  # owners stay inside
    assert "O5" not in body and "ข้อมูล ณ วันที่" in body  # only what is disclosed
    assert "เผยแพร่แล้ว ๔๑ จาก ๔๓ ข้อ" in body
    assert 'href="https://tambon-a.go.th/"' in body  # the way back to the main website
    data = json.loads(client.get(reverse("public-oit-json", args=["tambon-a", 2565])).content)
    by_code = {i["code"]: i for i in data["items"]}
    assert by_code["O1"]["urls"] == ["https://tambon-a.go.th/oit/O1"]
    assert "O5" not in by_code and "O2" not in by_code  # not disclosed, not published
    assert len(data["items"]) == 41 and data["items_in_year"] == 43
    assert client.get(reverse("public-oit", args=["tambon-a", 2599])).status_code == 404


def test_only_the_organisations_own_website_may_frame_the_public_page(client, criteria, org,
                                                                      org_admin):
    fill(org, 2565, org_admin)
    response = client.get(reverse("public-oit", args=["tambon-a", 2565]))
    assert "X-Frame-Options" not in response
    assert ("frame-ancestors https://tambon-a.go.th https://www.tambon-a.go.th"
            in response["Content-Security-Policy"])
    org.website_domains = ""
    org.save()
    response = client.get(reverse("public-oit", args=["tambon-a", 2565]))
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    client.force_login(org_admin)
    inside = client.get(reverse("checklist", args=[2565]))
    assert inside["X-Frame-Options"] == "DENY"  # every other page stays unframeable
    assert "frame-ancestors 'none'" in inside["Content-Security-Policy"]


def test_itas_export_lists_every_item(client, criteria, org, org_admin):
    fill(org, 2565, org_admin, skip={"O5"})
    client.force_login(org_admin)
    response = client.get(reverse("checklist", args=[2565]) + "?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["ข้อ", "ชื่อข้อมูล", "ตัวชี้วัดย่อย", "มี/ไม่มี"]
    by_code = {r[0]: r for r in rows[1:]}
    assert len(by_code) == 43 and by_code["O5"][3] == "ไม่มี" and by_code["O1"][3] == "มี"
    xlsx = client.get(reverse("checklist", args=[2565]) + "?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxml")


def test_checklist_page_runs_a_constant_number_of_queries(client, criteria, org, org_admin):
    client.force_login(org_admin)
    url = reverse("checklist", args=[2565])
    ensure_checklist(org, 2565)  # the rows, still without links

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx.captured_queries)

    before = count()  # the page's parts rendered (the data changed since they were kept)
    fill(org, 2565, org_admin)
    assert count() == before
    assert count() <= before - 4  # unchanged data: the kept parts, no checklist queries


def test_item_history_reads_in_thai(client, org_admin, item):
    client.force_login(org_admin)
    client.post(reverse("disclosure-item", args=[item.pk]), item_post(item))
    body = client.get(reverse("disclosure-item", args=[item.pk])).content.decode()
    assert "เปลี่ยนสถานะจาก “ไม่มี” เป็น “มี”" in body and "missing → present" not in body


@pytest.mark.parametrize("name", [*MEMBERS, "overseer"])
def test_reading_the_checklist_writes_nothing(client, personas, overseer, criteria, org, name):
    """Every item shows from the year's criteria; no answer row exists until someone starts."""
    client.force_login(overseer if name == "overseer" else personas[name])
    if name == "overseer":
        client.post(reverse("read-organization", args=[org.slug]))
    body = client.get(reverse("checklist", args=[2565])).content.decode()
    assert "O43" in body and DisclosureItem.objects.count() == 0
    assert ("disclosure/2565/start/O1/" in body) == (name in ("owner", "other_staff",
                                                              "org_admin"))


@pytest.mark.parametrize(("name", "expected"), [
    ("owner", 302), ("org_admin", 302), ("committee", 403), ("outsider", 404),
    ("overseer", 403)])
def test_starting_an_item_creates_the_years_rows(client, personas, overseer, criteria, org,
                                                 name, expected):
    client.force_login(overseer if name == "overseer" else personas[name])
    if name == "overseer":
        client.post(reverse("read-organization", args=[org.slug]))
    response = client.post(reverse("disclosure-item-start", args=[2565, "O1"]))
    if name == "outsider":  # another organisation's member starts their own year, not this one
        expected = 302
        assert DisclosureItem.objects.filter(organization=org).count() == 0
    assert response.status_code == expected
    if expected == 302:
        item = DisclosureItem.objects.get(organization=personas.get(name, overseer).organization,
                                          oit_item__code="O1", oit_item__year__year=2565)
        assert response.url == reverse("disclosure-item", args=[item.pk])
    else:
        assert DisclosureItem.objects.count() == 0
    before = DisclosureItem.objects.count()
    asked = client.get(reverse("disclosure-item-start", args=[2565, "O1"]))  # without scripts
    assert asked.status_code == (200 if expected == 302 else expected)
    assert DisclosureItem.objects.count() == before  # asking creates nothing


@pytest.mark.parametrize(("name", "expected"), [
    ("owner", 200), ("org_admin", 200), ("committee", 403)])
def test_the_checklist_carries_no_token_and_its_check_link_asks(client, personas, item, name,
                                                                expected):
    """Its actions are links that post (ita_portal/confirm.py): no CSRF token per request."""
    client.force_login(personas[name])
    page = client.get(reverse("checklist", args=[2565]))
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert ('data-post>ตรวจลิงก์ทั้งหมด' in page.content.decode()) == (expected == 200)
    asked = client.get(reverse("check-links", args=[2565]))
    assert asked.status_code == expected and CheckRun.objects.count() == 0
    if expected == 200:
        assert "csrfmiddlewaretoken" in asked.content.decode()


def test_urls_stored_unencoded_are_published_and_exported_encoded(client, criteria, org,
                                                                   org_admin):
    """Review L8: rows saved before URLs were encoded still publish valid URLs."""
    fill(org, 2565, org_admin, urls={"O1": "https://tambon-a.go.th/oit/O1"})
    EvidenceLink.objects.filter(url="https://tambon-a.go.th/oit/O1").update(
        url='https://tambon-a.go.th/ข้อมูล a<b>"c')
    data = json.loads(client.get(reverse("public-oit-json", args=["tambon-a", 2565])).content)
    o1 = next(i for i in data["items"] if i["code"] == "O1")
    assert o1["urls"] == ["https://tambon-a.go.th/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9"
                          "%E0%B8%A5%20a%3Cb%3E%22c"]
    page = client.get(reverse("public-oit", args=["tambon-a", 2565])).content.decode()
    assert "ข้อมูล a&lt;b&gt;&quot;c" in page  # the link's text is readable, its href valid
    client.force_login(org_admin)
    exported = client.get(reverse("checklist", args=[2565]) + "?export=csv").content
    assert b"%E0%B8%82" in exported and b"a<b>" not in exported


def test_an_item_page_reads_cleanly_before_any_change(client, org_admin, item):
    """UX re-check: "9.1 ข้อมูลพื้นฐาน · ข้อมูลพื้นฐาน" and a numbered "1. ยังไม่มีการ
    เปลี่ยนสถานะ"."""
    name = item.oit_item.sub_indicator.name_th
    type(item.oit_item).objects.filter(pk=item.oit_item_id).update(group_th=name)  # as in 2570
    client.force_login(org_admin)
    body = client.get(reverse("disclosure-item", args=[item.pk])).content.decode()
    assert name in body and f"{name} · {name}" not in body
    assert re.search(r"<p class=\"muted\">ยังไม่มีการเปลี่ยนสถานะ</p>", body)


def test_the_public_page_and_the_favicon_address_have_the_icon(client, item):
    body = client.get(reverse("public-oit", args=["tambon-a", 2565])).content.decode()
    assert 'rel="icon"' in body
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
