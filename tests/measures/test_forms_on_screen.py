"""What staff see around the progress form: only the statuses the workflow allows, the errors
summarised at the top with links, a size limit the browser can check, an empty history said
in words, and lists that become cards on a phone."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from ita_portal.thai import thai_digits
from measures.models import Measure, ProgressUpdate, Status
from tests.measures.test_views import update_post

pytestmark = pytest.mark.django_db


def progress_statuses(body):
    select = re.search(r'<select name="status"[^>]*id="id_status".*?</select>', body, re.S)
    return re.findall(r'<option value="([a-z_]+)"', select.group(0))


@pytest.mark.parametrize(("status", "name", "offered"), [
    (Status.NOT_STARTED, "owner", ["not_started", "in_progress", "on_hold", "done"]),
    (Status.IN_PROGRESS, "owner", ["in_progress", "on_hold", "done"]),
    (Status.IN_PROGRESS, "org_admin", ["in_progress", "on_hold", "done", "cancelled"]),
    (Status.DONE, "owner", ["in_progress", "done"]),
])
def test_the_progress_form_offers_only_allowed_statuses(client, personas, measure, status,
                                                        name, offered):
    measure.status = status
    measure.save()
    client.force_login(personas[name])
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert progress_statuses(body) == offered


def test_a_status_the_workflow_refuses_is_refused_with_a_thai_message(client, owner, measure):
    client.force_login(owner)
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           update_post(measure, status="cancelled"))
    assert response.status_code == 400 and not ProgressUpdate.objects.exists()
    assert "เป็นสถานะที่เลือกไม่ได้" in response.content.decode()


def test_errors_are_summarised_at_the_top_with_links(client, owner, measure):
    client.force_login(owner)
    response = client.post(reverse("measure-update", args=[measure.pk]),
                           update_post(measure, note="", percent="140"))
    body = response.content.decode()
    assert response.status_code == 400
    summary = body.index('class="error-summary"')
    assert summary < body.index("<h1>")
    assert 'href="#id_note">ผลการดำเนินงาน: กรุณาบรรยายผลการดำเนินงาน</a>' in body
    assert 'href="#id_percent">' in body and "กรุณาแก้ไข ๒ รายการ" in body


def test_the_file_limit_is_told_to_the_browser(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert f'data-max-bytes="{settings.EVIDENCE_MAX_BYTES}"' in body
    assert "js/portal.js" in body


def test_an_empty_history_is_a_sentence_not_a_numbered_item(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert '<p class="muted">ยังไม่มีการเปลี่ยนแปลง</p>' in body
    assert '<li class="muted">ยังไม่มีการเปลี่ยนแปลง' not in body


def test_my_measures_become_labelled_cards_on_a_phone(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("my-measures")).content.decode()
    assert '<table class="cards">' in body
    assert 'data-label="ผู้รับผิดชอบ"' in body and 'data-label="ความคืบหน้า"' in body


def test_every_page_has_a_favicon_and_a_menu_button(client, owner):
    client.force_login(owner)
    body = client.get(reverse("home")).content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in body
    assert 'class="linklike menu-toggle" aria-expanded="false"' in body
    assert (settings.BASE_DIR / "static" / "favicon.svg").read_text().startswith("<svg")


def test_the_screen_stylesheet_never_breaks_thai_anywhere():
    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    assert "overflow-wrap: anywhere" not in css and "break-all" not in css
    pdf = (settings.BASE_DIR / "templates" / "reports" / "pdf" / "base_pdf.html").read_text()
    assert "overflow-wrap: anywhere" not in pdf


def test_the_measure_list_draws_the_fiscal_year_timeline(client, owner, measure):
    client.force_login(owner)
    body = client.get(reverse("measure-list") + "?fiscal_year=2570").content.decode()
    assert "แผนเวลา ปีงบประมาณ ๒๕๗๐ (ต.ค.–ก.ย.)" in body and 'class="timeline-chart"' in body


def test_the_indicator_picker_names_each_year(client, org_admin, criteria, org):
    """The measure's fiscal year and the result it answers, each indicator named with its
    year, as boxes to tick (UX re-check: 80 names of every year in a four-line list)."""
    from indicators.years import year_in_progress
    from tests.measures.conftest import make_measure

    client.force_login(org_admin)
    body = client.get(reverse("measure-create")).content.decode()
    labels = re.findall(r'type="checkbox" name="indicators"[^>]*>\s*(ITA [^<]+)</label>', body)
    now = year_in_progress()
    assert {label.split(" · ")[0] for label in labels} == {
        f"ITA {thai_digits(now)}", f"ITA {thai_digits(now - 1)}"}
    assert f"ITA {thai_digits(now)} · ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่" in labels
    assert len(labels) == len(set(labels))
    old = make_measure(org, 7)
    Measure.objects.filter(pk=old.pk).update(fiscal_year=2565)
    body = client.get(reverse("measure-edit", args=[old.pk])).content.decode()
    labels = re.findall(r'type="checkbox" name="indicators"[^>]*>\s*(ITA [^<]+)</label>', body)
    assert {label.split(" · ")[0] for label in labels} == {"ITA ๒๕๖๕", "ITA ๒๕๖๔"}


def aside_statuses(body):
    select = re.search(r'<select name="status" id="id_new_status">(.*?)</select>', body, re.S)
    return re.findall(r'<option value="(\w+)"', select.group(1)) if select else []


@pytest.mark.parametrize(("status", "name", "offered"), [
    (Status.IN_PROGRESS, "owner", ["on_hold"]),
    (Status.IN_PROGRESS, "org_admin", ["on_hold", "cancelled"]),
    (Status.DONE, "owner", ["in_progress"]),
])
def test_the_status_form_only_holds_cancels_or_reopens(client, personas, measure, status, name,
                                                        offered):
    """UX re-check 1.4: two forms offered the same moves; moving on is the progress report,
    the form beside it holds, cancels (each with a reason) or reopens."""
    measure.status = status
    measure.save()
    client.force_login(personas[name])
    body = client.get(reverse("measure-detail", args=[measure.pk])).content.decode()
    assert aside_statuses(body) == offered
    assert "พักไว้ ยกเลิก หรือเปิดมาตรการใหม่" in body
