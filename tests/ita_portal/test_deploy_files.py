"""The deployment files for a Debian 12 server are valid: systemd units and timers pass
`systemd-analyze verify` without a warning, the nginx site passes `nginx -t`."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_systemd_units_and_timers_verify(tmp_path):
    assert shutil.which("systemd-analyze"), "scripts/setup.sh installs systemd"
    units = sorted((DEPLOY / "systemd").iterdir())
    names = {u.name for u in units}
    for needed in ("ita-portal-web.service", "ita-portal-worker.service",
                   "ita-portal-reminders.timer", "ita-portal-linkcheck.timer",
                   "ita-portal-backup.timer"):
        assert needed in names
    for unit in units:  # the paths of this checkout, so ExecStart binaries exist
        text = unit.read_text().replace("/srv/ita-portal", str(ROOT))
        (tmp_path / unit.name).write_text(text.replace("/etc/ita-portal/env", str(tmp_path)))
    result = subprocess.run(["systemd-analyze", "verify", *sorted(map(str, tmp_path.iterdir()))],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr
    for timer in tmp_path.glob("*.timer"):
        assert (tmp_path / timer.name.replace(".timer", ".service")).exists()


@pytest.fixture
def certificate(tmp_path):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=ita.example.go.th", "-keyout", str(tmp_path / "privkey.pem"),
                    "-out", str(tmp_path / "fullchain.pem")], check=True, capture_output=True,
                   timeout=60)
    return tmp_path


def test_nginx_site_passes_nginx_t(tmp_path, certificate):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "scripts/setup.sh installs nginx"
    site = (DEPLOY / "nginx" / "ita-portal.conf").read_text().replace(
        "/etc/ssl/ita-portal", str(certificate))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {tmp_path}/body;\n include {tmp_path}/site.conf;\n}}\n")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_takes_one_update_of_evidence_and_forwards_what_django_reads():
    site = (DEPLOY / "nginx" / "ita-portal.conf").read_text()
    size = int(re.search(r"client_max_body_size (\d+)m;", site).group(1)) * 1024 * 1024
    assert size >= settings.EVIDENCE_MAX_TOTAL_BYTES
    for header in ("X-Forwarded-Proto", "X-Forwarded-For", "X-Request-ID", "Host"):
        assert f"proxy_set_header {header}" in site
    assert "expires 30d" in site and "ssl_certificate " in site


def test_gunicorn_worker_sets_what_loading_made_aside_from_the_collector():
    """After the app is loaded in a worker, the cyclic collector no longer walks the objects
    loading made (gc.freeze) and looks at young objects after 10,000 allocations."""
    script = ("import gc, runpy; conf = runpy.run_path('deploy/gunicorn.conf.py');"
              "before = gc.get_freeze_count(); conf['post_worker_init'](None);"
              "print(before, gc.get_freeze_count(), gc.get_threshold())")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    before, frozen, threshold = result.stdout.split(maxsplit=2)
    assert before == "0" and int(frozen) > 1000
    assert threshold.strip() == "(10000, 10, 10)"
