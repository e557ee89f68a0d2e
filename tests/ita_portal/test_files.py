"""A stored file that is gone from storage (a lost disk, a server not pointed at the shared
bucket) answers a clear Thai 404 to the person allowed to have it, not a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from measures.models import Evidence
from tests.measures.conftest import PDF, make_measure


@pytest.mark.django_db
def test_evidence_missing_from_storage_is_a_thai_404(client, org, owner, committee, settings):
    measure = make_measure(org, 1)
    client.force_login(owner)
    client.post(reverse("measure-update", args=[measure.pk]), {
        "version": measure.version, "reported_on": timezone.localdate().isoformat(),
        "note": "แนบคำสั่ง", "percent": "40", "status": "in_progress", "urls": "",
        "files": SimpleUploadedFile("คำสั่ง.pdf", PDF, content_type="application/pdf")})
    evidence = Evidence.objects.get()
    url = reverse("evidence-download", args=[evidence.pk])
    client.force_login(committee)
    assert b"".join(client.get(url).streaming_content) == PDF
    (settings.MEDIA_ROOT / evidence.file.name).unlink()
    gone = client.get(url)
    assert gone.status_code == 404
    assert "ไม่พบไฟล์ในที่เก็บไฟล์ของระบบ" in gone.content.decode()
