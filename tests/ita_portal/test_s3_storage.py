"""Issue 14: with S3_BUCKET set, evidence and PDFs live in an S3-compatible bucket that every
app server and worker shares. Tested against a local S3-compatible server the test starts
(moto's server mode, spoken to over HTTP by django-storages and boto3), never the internet."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from measures.models import Evidence
from tests.measures.conftest import PDF, make_measure
from tests.servers import S3_BUCKET, S3_KEYS, S3_REGION, s3_keys


@pytest.fixture
def s3(settings, s3_endpoint, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "no-local-files"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": S3_BUCKET, "endpoint_url": s3_endpoint, "region_name": S3_REGION,
            "access_key": S3_KEYS["aws_access_key_id"],
            "secret_key": S3_KEYS["aws_secret_access_key"], "default_acl": None,
            "querystring_auth": True, "file_overwrite": False}}}
    return lambda: s3_keys(s3_endpoint)


@pytest.mark.django_db
def test_evidence_is_stored_in_the_bucket_and_downloaded_through_the_portal(
        client, s3, org, owner, committee, outsider, settings):
    measure = make_measure(org, 1)
    client.force_login(owner)
    response = client.post(reverse("measure-update", args=[measure.pk]), {
        "version": measure.version, "reported_on": timezone.localdate().isoformat(),
        "note": "แนบคำสั่งแต่งตั้ง", "percent": "40", "status": "in_progress", "urls": "",
        "files": SimpleUploadedFile("คำสั่ง.pdf", PDF, content_type="application/pdf")})
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.file.name in s3()  # in the bucket …
    assert not settings.MEDIA_ROOT.exists()  # … and nowhere on this server's disk
    client.force_login(committee)
    download = client.get(reverse("evidence-download", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == PDF
    client.force_login(outsider)
    assert client.get(reverse("evidence-download", args=[evidence.pk])).status_code == 404


@pytest.mark.django_db
def test_a_pdf_rendered_by_a_worker_is_read_back_from_the_bucket(
        client, s3, org, owner, django_capture_on_commit_callbacks):
    make_measure(org, 1)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("list-export-start", args=["measures"]),
                              {"query": "fiscal_year=2570"})
    status = client.get(started.url, {"format": "json"}).json()
    assert status["state"] == "done"
    assert any(key.startswith("list-exports/") for key in s3())
    data = b"".join(client.get(status["file"]).streaming_content)
    assert data.startswith(b"%PDF")
