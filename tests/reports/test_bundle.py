"""The public pages as a bundle of files (issue 17, "copied"): every link inside resolves in the
unpacked folder with no portal to ask; only published documents and disclosed items are in it;
its feed validates against the schema."""

import json
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from reports.models import PublishedDocument
from reports.publishing import publish_document, withdraw_document
from tests.disclosure.helpers import fill
from tests.disclosure.test_feed import validate

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


def published(org, by, title):
    return publish_document(organization=org, by=by, title=title, public_url=lambda d: (
        f"https://portal.example/public/{org.slug}/documents/{d.pk}/"),
        upload=SimpleUploadedFile(f"{title}.pdf", PDF))


def unpacked(zip_path, into):
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    (root,) = [p for p in Path(into).iterdir() if p.is_dir()]
    return root


def broken_links(root):
    """Links of the bundle's pages and style sheet that point at nothing inside the folder (or
    back at the portal by an absolute path)."""
    broken = []
    for page in [*root.glob("*.html"), *root.glob("css/*.css")]:
        text = page.read_text(encoding="utf-8")
        links = re.findall(r'(?:href|src)="([^"]+)"', text) + re.findall(
            r'url\("([^"]+)"\)', text)
        for link in links:
            if link.startswith(("https://", "http://", "data:", "mailto:")):
                continue
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            if link.startswith("/") or not target.is_file() or root not in target.parents:
                broken.append(f"{page.name}: {link}")
    return broken


def test_the_bundle_reads_offline_and_holds_only_what_is_public(tmp_path, criteria, org,
                                                                 org_admin):
    fill(org, 2565, org_admin, skip={"O5"})
    kept = published(org, org_admin, "แผนป้องกันการทุจริต")
    gone = published(org, org_admin, "ฉบับเก่า")
    withdraw_document(document=gone, by=org_admin, reason="มีฉบับใหม่")
    out = tmp_path / "bundle.zip"
    call_command("public_bundle", "tambon-a", "2565", "-o", str(out),
                 "--base-url", "https://www.tambon-a.go.th/ita")
    root = unpacked(out, tmp_path / "site")
    assert broken_links(root) == []
    index = (root / "index.html").read_text(encoding="utf-8")
    documents = (root / "documents.html").read_text(encoding="utf-8")
    assert "https://tambon-a.go.th/oit/O1" in index and "/oit/O5" not in index
    assert "แผนป้องกันการทุจริต" in documents and "ฉบับเก่า" not in documents
    assert (root / "documents" / f"{kept.pk}.pdf").read_bytes() == PDF
    assert not (root / "documents" / f"{gone.pk}.pdf").exists()
    data = json.loads((root / "oit-2565.json").read_text(encoding="utf-8"))
    assert validate(data) == [] and len(data["items"]) == 42
    assert data["schema"] == "https://www.tambon-a.go.th/ita/public/oit-feed-v1.schema.json"


def test_a_broken_link_is_noticed(tmp_path):
    """The check above is a real check: a page pointing at a missing file is reported."""
    root = tmp_path / "b"
    (root / "css").mkdir(parents=True)
    (root / "index.html").write_text('<a href="documents/9.pdf">x</a><a href="/public/x/">y</a>')
    (root / "css" / "portal.css").write_text('src: url("../fonts/none.ttf")')
    assert len(broken_links(root)) == 3


def test_members_download_their_own_bundle(client, criteria, org, other_org, org_admin, owner,
                                           outsider):
    published(org, org_admin, "เอกสารของเอ")
    client.force_login(owner)
    response = client.get(reverse("published-bundle"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    assert b"%PDF" in content
    client.force_login(outsider)
    other = b"".join(client.get(reverse("published-bundle")).streaming_content)
    assert "เอกสารของเอ".encode() not in other and PublishedDocument.objects.count() == 1
    client.logout()
    assert client.get(reverse("published-bundle")).status_code == 302


def test_the_command_refuses_an_unknown_organisation_or_year_in_thai(tmp_path, org):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ไม่พบหน่วยงาน"):
        call_command("public_bundle", "no-such", "2565", "-o", str(tmp_path / "a.zip"))
    with pytest.raises(CommandError, match="ปี พ.ศ. ต้องอยู่ระหว่าง"):
        call_command("public_bundle", "tambon-a", "2026", "-o", str(tmp_path / "b.zip"))
    assert not list(tmp_path.iterdir())
