"""One digit system per page (issue 15): the pages officials read write numbers, years, scores
and counts in Thai digits; only codes that carry Latin letters (O1, IIT, ITA) and addresses keep
Arabic ones."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from demo.loader import load_demo
from ita_portal.thai import thai_date, thai_digits
from measures.models import Measure
from organizations.models import User

PAGES = [("home", []), ("dashboard", []), ("measure-list", []), ("my-measures", []),
         ("issue-list", []), ("meeting-list", []), ("report-list", []),
         ("checklist-latest", [])]


def arabic_numbers(html):
    """Arabic digits a reader sees: in text, not in tags, scripts, styles, charts' markup, or
    a token with Latin letters or a slash (a code, an address)."""
    html = re.sub(r"(?s)<(script|style|svg|textarea)\b.*?</\1>", " ", html)
    text = re.sub(r"(?s)<[^>]+>", " ", html)
    return [m.group(0).strip() for m in
            re.finditer(r".{0,25}(?<![A-Za-z/._:-])[0-9]+(?![A-Za-z/])[^\n]{0,10}", text)
            if not re.search(r"[A-Za-z/][0-9]|[0-9][A-Za-z]", m.group(0))]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["admin", "committee", "finance"])
def test_pages_write_numbers_in_thai_digits(client, criteria, username):
    org, _, _ = load_demo()
    client.force_login(User.objects.get(username=username))
    measure = Measure.objects.filter(organization=org).first()
    pages = [*PAGES, ("measure-detail", [measure.pk])]
    found = {}
    for name, args in pages:
        response = client.get(reverse(name, args=args), follow=True)
        assert response.status_code == 200, name
        if numbers := arabic_numbers(response.content.decode()):
            found[name] = numbers[:5]
    assert found == {}


@pytest.mark.django_db
def test_meetings_reports_and_an_import_preview_with_rows_use_thai_digits(client, criteria):
    """UX re-check: with rows in them, the meeting list ("1/2570", "15 ธันวาคม 2569"), the
    reports list ("2570 · 2 ธ.ค. 69 · (3 หน้า)") and an import preview wrote Arabic digits
    (the demo has no meeting, export or import, so the test above saw none)."""
    import datetime

    from django.core.files.base import ContentFile

    from imports.services import preview
    from reports.models import Committee, Meeting, ReportExport

    org, _, _ = load_demo()
    admin = User.objects.get(username="admin")
    Meeting.objects.get_or_create(  # the demo has the next meeting of the year in progress
        organization=org, committee=Committee.objects.filter(organization=org).first(),
        fiscal_year=2570, number=1, defaults={"date": datetime.date(2026, 12, 15)})
    export = ReportExport.objects.create(organization=org, kind="annual", fiscal_year=2570,
                                         requested_by=admin, pages=3)
    export.file.save("annual.pdf", ContentFile(b"%PDF-1.4"))
    seed = (Path(__file__).resolve().parents[2] / "fixtures" / "seed" / "arun_nikhom_o42.txt")
    batch = preview(organization=org, fiscal_year=2565, data=seed.read_bytes(),
                    filename="seed.txt", by=admin)
    client.force_login(admin)
    found = {}
    for url in (reverse("meeting-list"), reverse("report-list"),
                reverse("import-batch", args=[batch.pk])):
        body = client.get(url).content.decode()
        # the seed document's own text is shown as written ("ข้อ 0๒๗" is in it)
        if numbers := [n for n in arabic_numbers(body) if "0๒๗" not in n]:
            found[url] = numbers[:5]
    assert found == {}


@pytest.mark.django_db
def test_criteria_pages_and_the_audit_trail_use_thai_digits_and_be_dates(client, criteria):
    """UX re-check leftovers: the criteria page wrote weights, bands, codes and counts in
    Arabic digits and its publication date in the Christian year ("1 ธันวาคม 2026"); the audit
    trail's times and numbers were Arabic. (Names typed as data, "รอบ 6 เดือน", stay as typed.)"""
    from django.utils import timezone

    from indicators.models import AssessmentYear

    load_demo()
    AssessmentYear.objects.filter(year=2565).update(published_at=timezone.now())
    client.force_login(User.objects.get(username="admin"))
    body = client.get(reverse("criteria", args=[2565])).content.decode()
    for shown in ("พ.ศ. ๒๕๖๕", "ร้อยละ ๓๐", "๘๕.๐๐", "(๔๓ ข้อ)", "๙.๑ ข้อมูลพื้นฐาน", "ฉบับที่ ๑",
                  thai_digits(thai_date(timezone.localdate(), True))):
        assert shown in body, shown
    assert str(timezone.now().year) not in body
    trail = client.get(reverse("audit")).content.decode()
    assert re.search(r"[๐-๙]+ [ก-ฮ.]+ [๐-๙]{2} [๐-๙]{2}:[๐-๙]{2} น\.", trail)
    assert not re.search(r"[0-9]+ [ก-ฮ.]+ [0-9]{2} [0-9]{2}:[0-9]{2}", trail)
    assert re.search(r"ปีงบประมาณ\s*:\s*–\s*→\s*๒๕", re.sub(r"<[^>]+>", " ", trail))
    operator = User.objects.create_superuser("operator-digits", password="x" * 12)
    client.force_login(operator)
    assert arabic_numbers(client.get(reverse("criteria-manage")).content.decode()) == []
