"""Published documents (issue 17): an admin approves a frozen report or a PDF for the public
pages (who, when), it gets a stable public address that the OIT item it answers picks up as
evidence, and it can be withdrawn with a reason; public pages show only what is published."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.models import DisclosureItem, ItemStatus
from indicators.models import OITItem
from indicators.years import default_year
from organizations.models import Department, Position, Role
from reports.models import PublishedDocument, ReportExport
from tests.personas import make_user

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
LIST = reverse("published-documents")


@pytest.fixture
def export(org, org_admin):
    made = ReportExport.objects.create(organization=org, kind="o42", fiscal_year=2570,
                                       requested_by=org_admin, pages=1)
    made.file.save("o42.pdf", ContentFile(PDF))
    return made


@pytest.fixture
def analysis_item(criteria):
    year = default_year()
    return (OITItem.objects.filter(year__year=year, portal_document="analysis").first()
            or OITItem.objects.filter(year__year=year).first())


def publish(client, export=None, upload=None, item=None, title="การวิเคราะห์ผลการประเมิน ITA"):
    data = {"title": title, "export": export.pk if export else "",
            "oit_item": item.pk if item else ""}
    if upload is not None:
        data["file"] = upload
    return client.post(LIST, data, secure=True)


def test_an_admin_publishes_a_report_and_its_oit_item_counts_it(client, org, org_admin, export,
                                                                 analysis_item):
    client.force_login(org_admin)
    assert publish(client, export, item=analysis_item).status_code == 302
    document = PublishedDocument.objects.get()
    assert (document.published_by, document.export, document.oit_item) == (
        org_admin, export, analysis_item)
    assert document.public_url == "https://testserver" + reverse(
        "public-document", args=[org.slug, document.pk])
    response = client.get(document.public_url.replace("https://testserver", ""), secure=True)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    item = DisclosureItem.objects.get(organization=org, oit_item=analysis_item)
    link = item.links.get(url=document.public_url)
    assert item.status == ItemStatus.PRESENT and link.removed_at is None
    # the portal answers on its own address here, not under tambon-a.go.th: the checklist says so
    assert "ไม่ใช่เว็บไซต์หลัก" in link.off_site_reason or "tambon-a.go.th" in link.off_site_reason
    page = client.get(LIST).content.decode()
    assert "การวิเคราะห์ผลการประเมิน ITA" in page and "เผยแพร่อยู่" in page


def test_under_the_main_website_the_published_document_counts(client, org, org_admin, export,
                                                              analysis_item, settings):
    """The portal behind the municipality's site (www.tambon-a.go.th/ita/): the document's
    address is on the main website and the OIT item passes."""
    from disclosure.selectors import checklist_items, item_passes

    settings.ALLOWED_HOSTS = ["www.tambon-a.go.th"]
    client.force_login(org_admin)
    response = client.post(LIST, {"title": "เอกสาร", "export": export.pk,
                                  "oit_item": analysis_item.pk},
                           secure=True, HTTP_HOST="www.tambon-a.go.th")
    assert response.status_code == 302
    document = PublishedDocument.objects.get()
    assert document.public_url.startswith("https://www.tambon-a.go.th/")
    item = DisclosureItem.objects.get(organization=org, oit_item=analysis_item)
    assert item.links.get(url=document.public_url).off_site_reason == ""
    read = next(i for i in checklist_items(org, analysis_item.year.year)
                if i.oit_item_id == analysis_item.pk)
    assert item_passes(read)


def test_withdrawal_needs_a_reason_and_leaves_a_410_and_the_history(client, org, org_admin,
                                                                    export, analysis_item):
    client.force_login(org_admin)
    publish(client, export, item=analysis_item)
    document = PublishedDocument.objects.get()
    public = reverse("public-document", args=[org.slug, document.pk])
    response = client.post(reverse("published-withdraw", args=[document.pk]), {"reason": " "},
                           follow=True)
    assert "กรุณาระบุเหตุผลที่ถอนการเผยแพร่" in response.content.decode()
    document.refresh_from_db()
    assert document.withdrawn_at is None
    client.post(reverse("published-withdraw", args=[document.pk]),
                {"reason": "ฉบับแก้ไขจะเผยแพร่แทน"})
    document.refresh_from_db()
    assert document.withdrawn_by == org_admin and document.withdrawn_reason == "ฉบับแก้ไขจะเผยแพร่แทน"
    client.logout()
    gone = client.get(public)
    assert gone.status_code == 410 and "ถอนการเผยแพร่" in gone.content.decode()
    listing = client.get(reverse("public-documents", args=[org.slug])).content.decode()
    assert "การวิเคราะห์ผลการประเมิน ITA" not in listing
    link = DisclosureItem.objects.get(organization=org, oit_item=analysis_item).links.get()
    assert link.removed_at is not None  # kept, with its history, not deleted
    from auditlog.models import LogEntry

    changes = LogEntry.objects.get_for_object(document)
    assert changes.count() >= 2  # published, then withdrawn: who and when are in the trail


def test_only_what_is_published_appears_on_public_pages(client, org, other_org, org_admin,
                                                        export, outsider):
    client.force_login(org_admin)
    publish(client, export, title="เอกสารเผยแพร่ของเอ")
    client.logout()
    body = client.get(reverse("public-documents", args=[org.slug])).content.decode()
    assert "เอกสารเผยแพร่ของเอ" in body and "ข้อมูล ณ วันที่" in body
    assert 'href="https://tambon-a.go.th/"' in body  # the way back to the main website
    other = client.get(reverse("public-documents", args=[other_org.slug])).content.decode()
    assert "เอกสารเผยแพร่ของเอ" not in other and "ยังไม่มีเอกสารที่เผยแพร่" in other
    document = PublishedDocument.objects.get()
    assert client.get(reverse("public-document", args=[other_org.slug, document.pk])
                      ).status_code == 404
    # a frozen report never published is not reachable from outside at all
    assert client.get(reverse("report-export-file", args=[export.pk])).status_code == 302


def test_public_documents_may_be_framed_only_by_the_organisations_websites(client, org,
                                                                          org_admin, export):
    client.force_login(org_admin)
    publish(client, export)
    client.logout()
    document = PublishedDocument.objects.get()
    for url in (reverse("public-documents", args=[org.slug]),
                reverse("public-document", args=[org.slug, document.pk])):
        response = client.get(url)
        assert "X-Frame-Options" not in response, url
        assert ("frame-ancestors https://tambon-a.go.th https://www.tambon-a.go.th"
                in response["Content-Security-Policy"]), url


@pytest.mark.parametrize("name", ["anonymous", "owner", "other_staff", "head", "committee",
                                  "outsider", "overseer"])
def test_only_the_organisations_admin_publishes_or_withdraws(client, org, org_admin, export,
                                                             personas, overseer, name):
    finance = Department.objects.get(organization=org, name_th="กองคลัง")
    Position.objects.create(organization=org, department=finance, name_th="ผู้อำนวยการกองคลัง",
                            heads_department=True)
    head = make_user("head", org, Role.STAFF, "กองคลัง", "ผู้อำนวยการกองคลัง")
    people = {**personas, "head": head, "overseer": overseer}
    client.force_login(org_admin)
    publish(client, export)
    document = PublishedDocument.objects.get()
    client.logout()
    if name != "anonymous":
        client.force_login(people[name])
    listing = client.get(LIST)
    assert listing.status_code == {"anonymous": 302, "overseer": 403}.get(name, 200)
    if name in ("owner", "other_staff", "head", "committee"):
        body = listing.content.decode()
        assert "เอกสารเผยแพร่" in body or "การวิเคราะห์" in body
        assert "อนุมัติและเผยแพร่" not in body and "ถอนการเผยแพร่</button>" not in body
    if name == "outsider":
        assert "การวิเคราะห์ผลการประเมิน ITA" not in listing.content.decode()
    response = publish(client, export, title="ไม่ควรเผยแพร่")
    # refused: members 403, anonymous to sign-in, another organisation's admin cannot pick
    # this organisation's report (400, "เลือกจากรายการ")
    assert response.status_code == {"anonymous": 302, "outsider": 400}.get(name, 403)
    assert not PublishedDocument.objects.filter(title="ไม่ควรเผยแพร่").exists()
    response = client.post(reverse("published-withdraw", args=[document.pk]), {"reason": "ลอง"})
    assert response.status_code in (302, 403, 404)
    document.refresh_from_db()
    assert document.withdrawn_at is None


def test_bad_uploads_are_refused_in_thai_and_change_nothing(client, org_admin, settings):
    client.force_login(org_admin)
    not_pdf = SimpleUploadedFile("report.pdf", b"PK\x03\x04 not a pdf")
    body = publish(client, upload=not_pdf).content.decode()
    assert "ไม่ตรงกับชนิดไฟล์" in body
    image = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    assert "ไม่ใช่ PDF" in publish(client, upload=image).content.decode()
    settings.EVIDENCE_MAX_BYTES = 10
    big = SimpleUploadedFile("big.pdf", PDF)
    assert "ใหญ่เกิน" in publish(client, upload=big).content.decode()
    neither = publish(client)
    assert neither.status_code == 400 and "อย่างใดอย่างหนึ่ง" in neither.content.decode()
    assert not PublishedDocument.objects.exists()


def test_an_uploaded_pdf_is_published_as_uploaded(client, org, org_admin):
    client.force_login(org_admin)
    upload = SimpleUploadedFile("แผนป้องกันการทุจริต.pdf", PDF, content_type="application/pdf")
    assert publish(client, upload=upload, title="แผนป้องกันการทุจริต").status_code == 302
    document = PublishedDocument.objects.get()
    assert document.original_name == "แผนป้องกันการทุจริต.pdf" and document.size == len(PDF)
    client.logout()
    response = client.get(reverse("public-document", args=[org.slug, document.pk]))
    assert b"".join(response.streaming_content) == PDF
