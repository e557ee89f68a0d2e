"""Every measures page with every persona: anonymous, owner, other department, committee,
organisation admin, and an admin of another municipality."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from measures.models import Evidence, MeasureEvent, ProgressUpdate
from tests.measures.conftest import PDF

pytestmark = pytest.mark.django_db
READERS = ["owner", "other_staff", "committee", "org_admin"]
EDITORS = {"owner", "org_admin"}


def get_urls(measure):
    return [reverse("my-measures"), reverse("measure-list"), reverse("issue-list"),
            reverse("measure-detail", args=[measure.pk])]


def update_post(measure, **overrides):
    data = {"version": measure.version, "reported_on": timezone.localdate().isoformat(),
            "note": "จัดทำคู่มือแล้ว", "percent": "40", "status": "in_progress", "urls": ""}
    data.update(overrides)
    return data


def test_anonymous_is_sent_to_login(client, measure):
    for url in get_urls(measure) + [reverse("measure-create")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url
    response = client.post(reverse("measure-update", args=[measure.pk]), update_post(measure))
    assert response.status_code == 302 and not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("name", READERS)
def test_members_read_every_page(client, personas, measure, name):
    client.force_login(personas[name])
    for url in get_urls(measure):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert "มาตรการทดสอบที่ 1" in page
    assert ("บันทึกรายงาน" in page) == (name in EDITORS)


def test_outsider_sees_nothing_of_another_municipality(client, personas, measure,
                                                       foreign_measure):
    client.force_login(personas["outsider"])
    assert client.get(reverse("measure-detail", args=[measure.pk])).status_code == 404
    assert client.post(reverse("measure-update", args=[measure.pk]),
                       update_post(measure)).status_code == 404
    listing = client.get(reverse("measure-list")).content.decode()
    assert f'/measures/{foreign_measure.pk}/' in listing
    assert f'/measures/{measure.pk}/' not in listing


@pytest.mark.parametrize("name", READERS)
def test_only_owners_and_admins_post_updates(client, personas, measure, name):
    client.force_login(personas[name])
    response = client.post(reverse("measure-update", args=[measure.pk]), update_post(measure))
    if name in EDITORS:
        assert response.status_code == 302
        assert ProgressUpdate.objects.filter(measure=measure).count() == 1
    else:
        assert response.status_code == 403
        assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("name", READERS + ["outsider"])
def test_status_and_steps_follow_the_same_rule(client, personas, measure, name):
    client.force_login(personas[name])
    status = client.post(reverse("measure-status", args=[measure.pk]),
                         {"version": measure.version, "status": "in_progress", "note": ""})
    step = measure.steps.first()
    tick = client.post(reverse("measure-step", args=[measure.pk, step.pk]), {"done": "1"})
    expected = 302 if name in EDITORS else (404 if name == "outsider" else 403)
    assert (status.status_code, tick.status_code) == (expected, expected)
    assert MeasureEvent.objects.exists() == (name in EDITORS)


def test_invalid_update_rerenders_with_thai_errors_and_keeps_input(client, owner, measure):
    client.force_login(owner)
    response = client.post(reverse("measure-update", args=[measure.pk]), update_post(
        measure, note="ข้อความที่ต้องไม่หาย", percent="150", urls="not a url"))
    body = response.content.decode()
    assert response.status_code == 400
    assert "ความคืบหน้าต้องอยู่ระหว่าง 0–100" in body and "ลิงก์ไม่ถูกต้อง" in body
    assert "ข้อความที่ต้องไม่หาย" in body and not ProgressUpdate.objects.exists()


def test_upload_of_wrong_type_is_refused(client, owner, measure):
    client.force_login(owner)
    bad = SimpleUploadedFile("report.pdf", b"MZ-not-a-pdf")
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           {**update_post(measure), "files": [bad]})
    assert response.status_code == 400
    assert "ไม่ตรงกับชนิดไฟล์ .pdf" in response.content.decode()
    assert not Evidence.objects.exists()


def test_upload_too_large_is_refused(client, owner, measure, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    client.force_login(owner)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           {**update_post(measure), "files": [big]})
    assert response.status_code == 400 and "ใหญ่เกิน" in response.content.decode()


def test_concurrent_edit_keeps_the_second_writers_text(client, owner, org_admin, measure):
    stale = update_post(measure, note="ข้อความของคนที่สอง", percent="60")
    client.force_login(owner)
    assert client.post(reverse("measure-update", args=[measure.pk]),
                       update_post(measure)).status_code == 302
    client.force_login(org_admin)
    response = client.post(reverse("measure-update", args=[measure.pk]), stale)
    body = response.content.decode()
    assert response.status_code == 409
    assert "มีผู้อื่นบันทึกมาตรการนี้ก่อนท่าน" in body and "ข้อความของคนที่สอง" in body
    assert list(ProgressUpdate.objects.values_list("note", flat=True)) == ["จัดทำคู่มือแล้ว"]


def test_evidence_download_is_for_the_same_organisation(client, personas, measure):
    client.force_login(personas["owner"])
    client.post(reverse("measure-update", args=[measure.pk]), {
        **update_post(measure), "files": [SimpleUploadedFile("คู่มือ.pdf", PDF)]})
    evidence = Evidence.objects.get()
    url = reverse("evidence-download", args=[evidence.pk])
    for name in READERS:
        client.force_login(personas[name])
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]
    client.force_login(personas["outsider"])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_history_is_shown_on_the_measure_page(client, owner, committee, measure):
    client.force_login(owner)
    client.post(reverse("measure-update", args=[measure.pk]), update_post(measure))
    client.force_login(committee)
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert "เปลี่ยนสถานะจาก “ยังไม่เริ่ม” เป็น “กำลังดำเนินการ”" in body
    assert "จัดทำคู่มือแล้ว" in body and "owner" in body


def test_date_input_is_prefilled_in_a_format_browsers_read(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert f'type="date" name="reported_on" value="{timezone.localdate().isoformat()}"' in body


def test_total_evidence_of_one_update_is_capped(client, owner, measure, settings):
    """Review L4: 15 × 10 MB went through in one update; now the total is bounded."""
    settings.EVIDENCE_MAX_BYTES = 1024 * 1024
    settings.EVIDENCE_MAX_TOTAL_BYTES = 2 * 1024 * 1024
    client.force_login(owner)
    files = [SimpleUploadedFile(f"part{n}.pdf", PDF + b"0" * (900 * 1024)) for n in range(3)]
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           {**update_post(measure), "files": files})
    assert response.status_code == 400
    assert "ไฟล์หลักฐานรวมกันใหญ่เกิน 2 MB" in response.content.decode()
    assert not Evidence.objects.exists() and not ProgressUpdate.objects.exists()
