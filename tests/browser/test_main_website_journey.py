"""Issue 17's journey on a real proxy: the portal behind nginx under /ita/ of a local "main
website" (TLS, the prefix removed on the way in). The admin publishes the analysis document
there; it shows in the OIT page embedded in a page of the main site, and the checklist counts
it as on the main website."""

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_script_prefix

from demo.loader import DEMO_PASSWORD
from disclosure.selectors import checklist_items, item_passes
from indicators.models import OITItem
from indicators.years import default_year
from organizations.models import User
from reports.models import PublishedDocument, ReportExport
from tests.browser.conftest import ARTIFACTS, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def main_site(tmp_path, live_server, settings):
    """nginx with TLS on https://localhost:<port>/: its own home page, and /ita/ passed on to
    the portal with the prefix removed, as the README's recipe says."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is missing (scripts/setup.sh installs it)")
    port, upstream = free_port(), live_server.url.removeprefix("http://")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem")], check=True, capture_output=True,
                   timeout=60)
    (tmp_path / "site").mkdir()
    user = "user root;" if os.geteuid() == 0 else ""  # workers read the test's own folder
    (tmp_path / "nginx.conf").write_text(f"""{user}
pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; daemon off;
events {{}}
http {{
  include /etc/nginx/mime.types; access_log off;
  client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
  server {{
    listen 127.0.0.1:{port} ssl; server_name localhost;
    ssl_certificate {tmp_path}/cert.pem; ssl_certificate_key {tmp_path}/key.pem;
    location = / {{ root {tmp_path}/site; try_files /index.html =404; }}
    location /ita/ {{
      proxy_pass http://{upstream}/;
      proxy_set_header Host $host:$server_port;
      proxy_set_header X-Forwarded-Proto https;
      client_max_body_size 42m;
    }}
  }}
}}
""")
    server = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode())
    origin = f"https://localhost:{port}"
    settings.FORCE_SCRIPT_NAME = "/ita"
    settings.STATIC_URL = "/ita/static/"
    settings.SESSION_COOKIE_PATH = settings.CSRF_COOKIE_PATH = "/ita/"
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    settings.CSRF_TRUSTED_ORIGINS = [origin]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    yield origin, tmp_path / "site"
    server.terminate()
    server.wait(timeout=10)
    clear_script_prefix()


@pytest.fixture
def report(demo):
    demo.website_domains = "localhost"
    demo.save()
    made = ReportExport.objects.create(organization=demo, kind="o42", fiscal_year=2570,
                                       requested_by=User.objects.get(username="admin"), pages=1)
    made.file.save("o42.pdf", ContentFile(PDF))
    return made


def test_published_under_ita_shows_embedded_on_the_main_site_and_counts(browser, demo, report,
                                                                        main_site):
    origin, site = main_site
    year = default_year()
    item = OITItem.objects.filter(year__year=year, portal_document="analysis").first()
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok",
                                  ignore_https_errors=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, f"{origin}/ita/accounts/login/", "admin", DEMO_PASSWORD)
    assert page.url.startswith(f"{origin}/ita/"), page.url
    page.goto(f"{origin}/ita/reports/published/")
    page.fill("#id_title", "การวิเคราะห์ผลการประเมินและมาตรการ ITA ๒๕๗๐")
    page.select_option("#id_export", str(report.pk))
    page.select_option("#id_oit_item", str(item.pk))
    page.click("button:has-text('อนุมัติและเผยแพร่')")
    page.wait_for_selector("text=เผยแพร่เอกสารแล้ว")
    document = PublishedDocument.objects.get()
    assert document.public_url.startswith(f"{origin}/ita/public/{demo.slug}/documents/")

    (site / "index.html").write_text(
        '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>เทศบาล</title></head>'
        '<body><h1>เว็บไซต์หลักของเทศบาล</h1><h2>ITA: การเปิดเผยข้อมูลสาธารณะ</h2>'
        f'<iframe id="ita" src="/ita/public/{demo.slug}/{year}/" '
        'style="width:100%;height:1400px;border:1px solid #ccc"></iframe></body></html>',
        encoding="utf-8")
    reader = context.new_page()
    reader.goto(f"{origin}/")
    frame = reader.frame_locator("#ita")
    frame.locator(f'a[href="{document.public_url}"]').wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    reader.screenshot(path=str(ARTIFACTS / "main-site-embedded-oit.png"), full_page=True)
    pdf = reader.request.get(document.public_url)
    assert pdf.status == 200 and pdf.body() == PDF

    answered = next(i for i in checklist_items(demo, year) if i.oit_item_id == item.pk)
    assert item_passes(answered)  # on the main website: the NACC would count it
    page.goto(f"{origin}/ita/disclosure/{year}/")
    row = page.locator(f"text={document.public_url}").first
    assert row.count() == 1 or document.public_url in page.content()
    page.screenshot(path=str(ARTIFACTS / "main-site-checklist.png"), full_page=True)
    context.close()
