"""manage.py backup / restore: the archive restores into an empty database and storage with
every row of every table and every file identical (PostgreSQL: pg_dump / pg_restore)."""

import hashlib
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from measures.models import Evidence
from tests.measures.conftest import PDF, make_measure
from tests.servers import process_env

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("backup is pg_dump: runs in the PostgreSQL pass (make test)")


def fingerprint(conn):
    """{table: (rows, md5 of all rows)} and {sequence: last value} of a database."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = sorted(r[0] for r in cursor.fetchall())
        rows = {}
        for table in tables:
            cursor.execute(f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' '
                           f'ORDER BY t::text), \'\')) FROM "{table}" t')
            rows[table] = cursor.fetchone()
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences "
                       "WHERE schemaname = 'public'")
        return rows, dict(cursor.fetchall())


def files_of(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in Path(folder).rglob("*") if p.is_file()}


def manage(*args, **env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env=process_env(**env))


def test_backup_restores_every_row_and_file(postgres, client, org, owner, tmp_path):
    measure = make_measure(org)
    client.force_login(owner)
    client.post(reverse("measure-update", args=[measure.pk]), {
        "version": measure.version, "reported_on": "2026-01-05", "note": "ส่งหลักฐาน",
        "percent": "40", "status": "in_progress", "urls": "",
        "files": [ContentFile(PDF, name="คู่มือ.pdf")]})
    assert Evidence.objects.count() == 1
    default_storage.save("meeting-reports/m1.pdf", ContentFile(PDF + b"meeting"))
    archive = tmp_path / "backup.tar"
    call_command("backup", "-o", str(archive))
    assert {"database.dump", "manifest.json"} <= set(tarfile.open(archive).getnames())

    settings_dict = connection.settings_dict
    target = f"{settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}"')
    restored_media = tmp_path / "restored"
    url = (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
           f"{settings_dict['HOST']}:{settings_dict['PORT']}/{target}")
    result = manage("restore", str(archive), DATABASE_URL=url, MEDIA_ROOT=restored_media)
    assert result.returncode == 0, result.stderr
    other = psycopg2.connect(dbname=target, user=settings_dict["USER"],
                             password=settings_dict["PASSWORD"], host=settings_dict["HOST"],
                             port=settings_dict["PORT"])
    try:
        original, restored = fingerprint(connection.connection), fingerprint(other)
        assert restored == original and original[0]["measures_evidence"][0] == 1
        assert files_of(restored_media) == files_of(settings.MEDIA_ROOT)
        assert len(files_of(restored_media)) == 2
        again = manage("restore", str(archive), DATABASE_URL=url, MEDIA_ROOT=restored_media)
        assert again.returncode == 2 and "ต้องว่าง" in again.stderr
    finally:
        other.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{target}"')


def test_a_damaged_archive_is_refused(postgres, tmp_path):
    archive = tmp_path / "backup.tar"
    call_command("backup", "-o", str(archive))
    data = bytearray(archive.read_bytes())
    data[2048] ^= 0xFF  # inside the database dump
    archive.write_bytes(bytes(data))
    result = manage("restore", str(archive), DATABASE_URL="postgres://x:y@127.0.0.1:1/none")
    assert result.returncode == 2 and "SHA-256" in result.stderr


def s3_objects(endpoint, prefix):
    import boto3

    from tests.servers import S3_BUCKET, S3_KEYS, S3_REGION

    client = boto3.client("s3", endpoint_url=endpoint, region_name=S3_REGION, **S3_KEYS)
    found = client.list_objects_v2(Bucket=S3_BUCKET, Prefix=prefix + "/").get("Contents", [])
    return {o["Key"].removeprefix(prefix + "/"): hashlib.sha256(client.get_object(
        Bucket=S3_BUCKET, Key=o["Key"])["Body"].read()).hexdigest() for o in found}


def test_backup_and_restore_with_files_in_an_s3_bucket(postgres, settings, s3_endpoint, tmp_path):
    from tests.servers import S3_BUCKET, S3_KEYS, S3_REGION

    keys = {"S3_BUCKET": S3_BUCKET, "S3_ENDPOINT_URL": s3_endpoint, "S3_REGION": S3_REGION,
            "S3_ACCESS_KEY_ID": S3_KEYS["aws_access_key_id"],
            "S3_SECRET_ACCESS_KEY": S3_KEYS["aws_secret_access_key"]}
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": S3_BUCKET, "endpoint_url": s3_endpoint, "region_name": S3_REGION,
            "access_key": keys["S3_ACCESS_KEY_ID"], "secret_key": keys["S3_SECRET_ACCESS_KEY"],
            "location": "source", "default_acl": None, "file_overwrite": False}}}
    default_storage.save("evidence/2570/คู่มือ.pdf", ContentFile(PDF))
    default_storage.save("meeting-reports/m1.pdf", ContentFile(PDF + b"meeting"))
    archive = tmp_path / "backup.tar"
    call_command("backup", "-o", str(archive))
    assert {"files/evidence/2570/คู่มือ.pdf", "files/meeting-reports/m1.pdf"} <= set(
        tarfile.open(archive).getnames())
    settings_dict = connection.settings_dict
    target = f"{settings_dict['NAME']}_restored_s3"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}"')
    url = (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
           f"{settings_dict['HOST']}:{settings_dict['PORT']}/{target}")
    try:
        result = manage("restore", str(archive), DATABASE_URL=url, S3_PREFIX="restored", **keys)
        assert result.returncode == 0, result.stderr
        source = s3_objects(s3_endpoint, "source")
        assert len(source) == 2 and s3_objects(s3_endpoint, "restored") == source
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{target}"')
