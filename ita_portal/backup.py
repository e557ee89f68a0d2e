"""One archive holding everything the portal keeps: a PostgreSQL dump (pg_dump custom
format), every file in storage (evidence, frozen meeting PDFs, exports) and a manifest with
the SHA-256 of each member. `restore` checks the manifest, then loads the dump into an empty
database and the files into empty storage."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

FORMAT = "ita-portal-backup/1"


class BackupError(Exception):
    pass


def pg_tool(name):
    """pg_dump/pg_restore of the newest installed PostgreSQL (a match for the server)."""
    folders = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    found = [f / name for f in folders if (f / name).exists()]
    path = os.environ.get("PG_BIN") and Path(os.environ["PG_BIN"]) / name
    chosen = path or (found[-1] if found else shutil.which(name))
    if not chosen:
        raise BackupError(f"ไม่พบโปรแกรม {name} (ติดตั้งแพ็กเกจ postgresql-client)")
    return str(chosen)


def _pg_args():
    if connection.vendor != "postgresql":
        raise BackupError("สำรองข้อมูลได้เฉพาะฐานข้อมูล PostgreSQL")
    s = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": s.get("PASSWORD") or ""}
    args = ["-h", s.get("HOST") or "127.0.0.1", "-p", str(s.get("PORT") or 5432),
            "-U", s["USER"], "-d", s["NAME"]]
    return args, env


def storage_files(folder=""):
    """Every file name in default storage, recursively (works for local and S3 storage)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{f}".lstrip("/") for f in files]
    for sub in folders:
        names += storage_files(f"{folder}/{sub}".lstrip("/"))
    return sorted(names)


def _add(archive, name, data, manifest):
    info = tarfile.TarInfo(name)
    info.size, info.mtime = len(data), int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))
    manifest[name] = hashlib.sha256(data).hexdigest()


def backup(path):
    """Write the archive to `path`; return the manifest."""
    args, env = _pg_args()
    dump = subprocess.run([pg_tool("pg_dump"), "-Fc", "--no-owner", "--no-acl", *args],
                          capture_output=True, env=env, timeout=3600)
    if dump.returncode:
        raise BackupError(f"pg_dump ล้มเหลว: {dump.stderr.decode()[:300]}")
    members = {}
    with tarfile.open(path, "w") as archive:
        _add(archive, "database.dump", dump.stdout, members)
        for name in storage_files():
            with default_storage.open(name) as handle:
                _add(archive, f"files/{name}", handle.read(), members)
        manifest = {"format": FORMAT, "created": datetime.now(UTC).isoformat(),
                    "members": members}
        _add(archive, "manifest.json", json.dumps(manifest, indent=1).encode(), {})
    return manifest


def _verified(archive):
    manifest = json.loads(archive.extractfile("manifest.json").read())
    if manifest.get("format") != FORMAT:
        raise BackupError("ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลของระบบ")
    for name, digest in manifest["members"].items():
        if hashlib.sha256(archive.extractfile(name).read()).hexdigest() != digest:
            raise BackupError(f"ไฟล์สำรองเสียหาย: {name} ไม่ตรงกับ SHA-256 ในรายการ")
    return manifest


def _require_empty():
    if connection.introspection.table_names():
        raise BackupError("ฐานข้อมูลปลายทางต้องว่าง (ยังไม่มีตาราง) จึงจะกู้คืนได้")
    if storage_files():
        raise BackupError("ที่เก็บไฟล์ปลายทางต้องว่าง จึงจะกู้คืนได้")


def restore(path):
    """Load the archive into an empty database and storage; return the manifest."""
    with tarfile.open(path, "r") as archive:
        manifest = _verified(archive)
        _require_empty()
        args, env = _pg_args()
        with tempfile.NamedTemporaryFile(suffix=".dump") as dump:
            dump.write(archive.extractfile("database.dump").read())
            dump.flush()
            loaded = subprocess.run([pg_tool("pg_restore"), "--no-owner", "--no-acl",
                                     "--exit-on-error", *args, dump.name],
                                    capture_output=True, env=env, timeout=3600)
        if loaded.returncode:
            raise BackupError(f"pg_restore ล้มเหลว: {loaded.stderr.decode()[:300]}")
        for name in manifest["members"]:
            if name.startswith("files/"):
                data = archive.extractfile(name).read()
                default_storage.save(name.removeprefix("files/"), ContentFile(data))
    return manifest
