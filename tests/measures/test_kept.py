"""Measure pages keep their rendered parts while the organisation's data is unchanged (fewer
queries, the same page) and show every change at once, made through the real forms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import Measure, MeasureStep
from organizations.models import Department
from tests.measures.conftest import make_measure
from tests.measures.test_views import update_post

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(ctx.captured_queries)


def without_token(body):
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)


@pytest.mark.parametrize("url_name", ["measure-list", "my-measures", "measure-detail"])
def test_unchanged_data_is_read_once(client, owner, org, url_name):
    measure = make_measure(org, 1)
    for number in range(2, 12):
        make_measure(org, number)
    client.force_login(owner)
    url = reverse(url_name, args=[measure.pk]) if url_name == "measure-detail" else reverse(
        url_name)
    first, rendered = get(client, url)
    again, kept = get(client, url)
    assert without_token(again) == without_token(first)
    # Pinned: what every request reads (session, user, organisation, menu) and no more.
    assert kept <= {"measure-list": 7, "my-measures": 7, "measure-detail": 9}[url_name], kept
    assert kept < rendered


def test_a_progress_update_shows_on_every_page_at_once(client, owner, org):
    measure = make_measure(org, 1)
    client.force_login(owner)
    pages = [reverse("measure-list"), reverse("my-measures"),
             reverse("measure-detail", args=[measure.pk])]
    for url in pages:
        assert "ร้อยละ ๐" in client.get(url).content.decode()
    assert client.post(reverse("measure-update", args=[measure.pk]),
                       update_post(measure, percent="40")).status_code == 302
    for url in pages:
        body = client.get(url).content.decode()
        assert "ร้อยละ ๔๐" in body and "ร้อยละ ๐<" not in body, url


def test_status_approval_and_steps_show_at_once(client, owner, org, org_admin):
    measure = make_measure(org, 1)
    detail = reverse("measure-detail", args=[measure.pk])
    client.force_login(owner)
    assert "{#" not in client.get(detail).content.decode()  # no template note on the page
    assert "มาตรการทดสอบที่ 1<" in client.get(reverse("my-measures")).content.decode()
    assert client.post(reverse("measure-status", args=[measure.pk]),
                       {"status": "done", "version": measure.version, "note": "เสร็จ"}
                       ).status_code == 302
    body = client.get(detail).content.decode()
    assert "รอหัวหน้ากองรับรองผล" in body and "เป็น “ดำเนินการแล้วเสร็จ”" in body
    assert "มาตรการทดสอบที่ 1<" not in client.get(reverse("my-measures")).content.decode()
    step = MeasureStep.objects.get(measure=measure, order=1)
    client.force_login(org_admin)
    client.get(detail)
    measure.refresh_from_db()
    assert client.post(reverse("measure-approval", args=[measure.pk]), {
        "decision": "approve", "note": "ครบถ้วน", "version": measure.version}).status_code == 302
    assert "รับรองผลแล้ว" in client.get(detail).content.decode()
    assert client.post(reverse("measure-step", args=[measure.pk, step.pk]),
                       {"done": "1"}).status_code == 302
    assert "ทำเครื่องหมายเสร็จ" in client.get(detail).content.decode()


def test_a_renamed_department_shows_as_owner_at_once(client, owner, org):
    measure = make_measure(org, 1)
    client.force_login(owner)
    urls = [reverse("measure-list"), reverse("measure-detail", args=[measure.pk])]
    for url in urls:
        assert "กองคลัง" in client.get(url).content.decode()
    department = Department.objects.get(organization=org, name_th="กองคลัง")
    department.name_th = "กองการเงินและบัญชี"
    department.save()
    for url in urls:
        assert "กองการเงินและบัญชี" in client.get(url).content.decode(), url


def test_kept_parts_are_never_shown_to_another_organisation(client, owner, outsider, org,
                                                             other_org):
    make_measure(org, 1)
    Measure.objects.filter(organization=org).update(title="มาตรการของหน่วยงานเอ")
    make_measure(other_org, 1)
    client.force_login(owner)
    assert "มาตรการของหน่วยงานเอ" in client.get(reverse("measure-list")).content.decode()
    client.force_login(outsider)
    body = client.get(reverse("measure-list")).content.decode()
    assert "มาตรการของหน่วยงานเอ" not in body and "มาตรการทดสอบที่ 1<" in body


def test_my_measures_are_each_persons_own(client, owner, other_staff, org):
    make_measure(org, 1)  # owned by กองคลัง (owner), not สำนักปลัด (other_staff)
    client.force_login(owner)
    assert "มาตรการทดสอบที่ 1<" in client.get(reverse("my-measures")).content.decode()
    client.force_login(other_staff)
    assert "มาตรการทดสอบที่ 1<" not in client.get(reverse("my-measures")).content.decode()


def token_of(body):
    import re

    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body))
    assert len(tokens) == 1, tokens
    return tokens.pop()


def test_kept_forms_carry_each_requests_own_token(owner, org):
    """The steps and the progress form are kept, but each person's page has its own token and
    a report sent from a kept page is accepted (CSRF checks on, as in production)."""
    from django.test import Client

    measure = make_measure(org, 1)
    detail = reverse("measure-detail", args=[measure.pk])
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(owner)
    second.force_login(owner)
    rendered, _ = get(first, detail)
    kept, _ = get(second, detail)
    report = reverse("measure-update", args=[measure.pk])
    assert "\x00" not in kept and f'action="{report}"' in kept
    assert token_of(rendered) != token_of(kept)
    data = update_post(measure, percent="55", csrfmiddlewaretoken=token_of(kept))
    assert second.post(reverse("measure-update", args=[measure.pk]), data).status_code == 302
    assert "ร้อยละ ๕๕" in get(second, detail)[0]


def test_a_failed_report_shows_the_persons_input_not_the_kept_form(client, owner, org):
    measure = make_measure(org, 1)
    detail = reverse("measure-detail", args=[measure.pk])
    client.force_login(owner)
    client.get(detail)  # the form is kept
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           update_post(measure, percent="140", note="ข้อความที่พิมพ์ไว้"))
    body = response.content.decode()
    assert response.status_code == 400 and "ข้อความที่พิมพ์ไว้" in body
    assert "ความคืบหน้าต้องอยู่ระหว่าง 0–100" in body
    assert "ข้อความที่พิมพ์ไว้" not in client.get(detail).content.decode()


def test_the_measure_is_read_once_while_unchanged_and_afresh_for_a_new_place(client, owner, org):
    """The page keeps the measure and whether its reader owns it (the measure's query has an
    ownership subquery per way of owning); moving the reader to another department takes
    the right to report at once."""
    measure = make_measure(org, 1)
    detail = reverse("measure-detail", args=[measure.pk])
    client.force_login(owner)
    assert "รายงานความคืบหน้า</a>" in client.get(detail).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(detail).status_code == 200
    assert not [q for q in ctx.captured_queries if 'FROM "measures_measure"' in q["sql"]]
    owner.department = Department.objects.get(organization=org, name_th="สำนักปลัด")
    owner.save(update_fields=["department"])
    assert "รายงานความคืบหน้า</a>" not in client.get(detail).content.decode()


def test_each_reader_gets_the_page_made_for_what_they_may_do(client, owner, other_staff,
                                                             committee, org_admin, org):
    """The page is kept whole per what its reader may do (report, manage, approve): in any
    order of readers, each gets exactly the page made for them afresh."""
    from django.core.cache import caches

    from organizations.models import Position, Role
    from tests.personas import make_user

    finance = Department.objects.get(organization=org, name_th="กองคลัง")
    Position.objects.create(organization=org, department=finance, name_th="ผู้อำนวยการกองคลัง",
                            heads_department=True)
    head = make_user("finance_head", org, Role.STAFF, "กองคลัง", "ผู้อำนวยการกองคลัง")
    measure = make_measure(org, 1, status="done", percent=100)
    detail = reverse("measure-detail", args=[measure.pk])
    readers = {"head": head, "owner": owner, "admin": org_admin, "committee": committee,
               "other_staff": other_staff}
    fresh = {}
    for name, person in readers.items():
        caches["fragments"].clear()
        client.force_login(person)
        fresh[name] = without_token(get(client, detail)[0])
    approves = {name for name, body in fresh.items() if 'id="approval"' in body}
    reports = {name for name, body in fresh.items() if 'id="update"' in body}
    manages = {name for name, body in fresh.items()
               if reverse("measure-edit", args=[measure.pk]) in body}
    assert approves == {"head", "admin"} and manages == {"admin"}
    assert reports == {"head", "owner", "admin"}
    caches["fragments"].clear()
    for name in [*readers, *reversed(readers), *readers]:
        client.force_login(readers[name])
        assert without_token(get(client, detail)[0]) == fresh[name], name
