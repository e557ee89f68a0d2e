"""Every link-checker outcome against a local test server."""

import socket
import ssl
import subprocess
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from disclosure import checker
from disclosure.checker import check_batches, check_many, check_url

from .conftest import ROUTES, Handler, QuietServer

DOMAINS = ["127.0.0.1"]
LOCAL = ("127.0.0.0/8",)


def check(url, **options):
    options.setdefault("allowed_networks", LOCAL)
    options.setdefault("timeout", 0.5)
    return check_url(url, DOMAINS, **options)


@pytest.mark.parametrize(("path", "outcome", "status"), [
    ("/ok", "ok", 200), ("/doc.pdf", "ok", 200), ("/empty", "not_document", 200),
    ("/missing", "missing", 404), ("/gone", "missing", 410), ("/forbidden", "blocked", 403),
    ("/unauthorised", "blocked", 401), ("/too-many", "blocked", 429),
    ("/error", "unreachable", 500),
])
def test_status_codes_are_classified(site, path, outcome, status):
    result = check(site + path)
    assert (result.outcome, result.http_status) == (outcome, status)


def test_a_301_302_chain_is_followed_and_recorded(site):
    result = check(site + "/r1")
    assert result.outcome == "redirected" and result.final_url == site + "/ok"
    assert [hop.split()[0] for hop in result.redirects] == ["301", "302"]


def test_a_redirect_to_another_host_is_off_site(site):
    result = check(site + "/to-other-host")
    assert result.outcome == "off_site" and "127.0.0.2" in result.final_url
    assert "ไม่ใช่เว็บไซต์หลัก" in result.detail


def test_endless_redirects_stop(site):
    result = check(site + "/loop", max_redirects=3)
    assert result.outcome == "unreachable" and "เกิน 3 ครั้ง" in result.detail


def test_timeout(site):
    result = check(site + "/slow", timeout=0.3)
    assert result.outcome == "unreachable" and "หมดเวลา" in result.detail


def test_connection_refused():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the check: nothing listens
    result = check(f"http://127.0.0.1:{port}/")
    assert result.outcome == "unreachable" and "เชื่อมต่อไม่ได้" in result.detail


def test_dns_failure():
    result = check("http://no-such-host.invalid/")
    assert result.outcome == "unreachable" and "DNS" in result.detail


def test_private_addresses_are_refused_unless_allowed(site):
    result = check(site + "/ok", allowed_networks=())
    assert result.outcome == "refused" and "ที่อยู่ภายใน" in result.detail


def test_a_redirect_to_a_private_address_is_refused_before_connecting(site):
    result = check(site + "/to-metadata")
    assert result.outcome == "refused" and "169.254.169.254" in result.detail
    assert result.redirects and result.http_status is None


def test_check_many_bounds_concurrency_and_returns_every_job(site):
    jobs = [(n, site + ("/ok" if n % 2 else "/missing"), DOMAINS) for n in range(40)]
    results = dict(check_many(iter(jobs), concurrency=4, allowed_networks=LOCAL, timeout=1))
    assert sorted(results) == list(range(40))
    assert {results[n].outcome for n in range(1, 40, 2)} == {"ok"}
    assert {results[n].outcome for n in range(0, 40, 2)} == {"missing"}


class Gauge:
    """Counts requests in flight per website (Host header), and the most seen at once."""

    def __init__(self):
        self.lock, self.now, self.most = threading.Lock(), Counter(), Counter()
        self.most_in_all = 0

    def handler(gauge):
        class Slow(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the stdlib's name)
                host = self.headers["Host"].split(":")[0]
                with gauge.lock:
                    gauge.now[host] += 1
                    gauge.most[host] = max(gauge.most[host], gauge.now[host])
                    gauge.most_in_all = max(gauge.most_in_all, gauge.now.total())
                time.sleep(0.15)
                with gauge.lock:
                    gauge.now[host] -= 1
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        return Slow


def test_check_many_limits_each_website_and_checks_websites_side_by_side():
    gauge = Gauge()
    server = ThreadingHTTPServer(("", 0), gauge.handler())
    server.request_queue_size = 64
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hosts = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"]
    jobs = [(n, f"http://{hosts[n // 12]}:{server.server_port}/{n}", hosts)  # website by website
            for n in range(48)]
    results = dict(check_many(jobs, concurrency=12, per_host=3, allowed_networks=LOCAL,
                              timeout=5))
    server.shutdown()
    assert sorted(results) == list(range(48))
    assert {r.outcome for r in results.values()} == {"missing"}
    assert max(gauge.most.values()) == 3 and set(gauge.most) == set(hosts)  # ≤ 3 per website …
    assert gauge.most_in_all > 3  # … and several websites were checked at the same time


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory):
    """The test website over HTTPS, with a certificate for 127.0.0.1 no public CA signed."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    Handler.routes = Handler.routes or ROUTES
    server = QuietServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_port}", cert
    server.shutdown()


def test_an_untrusted_certificate_is_reported(tls_site):
    url, _ = tls_site
    result = check(url + "/ok", timeout=2)
    assert result.outcome == "unreachable" and "TLS/SSL" in result.detail


def test_https_is_checked_against_the_certificate_it_trusts(tls_site, monkeypatch):
    url, cert = tls_site
    monkeypatch.setattr(checker, "TLS", ssl.create_default_context(cafile=cert))
    result = check(url + "/ok", timeout=2)
    assert (result.outcome, result.http_status) == ("ok", 200)


def test_a_check_stopped_early_leaves_nothing_running(site):
    """The caller stops reading (its recording failed): the checks in flight are cancelled
    and the checker's thread ends."""
    jobs = [(n, site + "/slow", DOMAINS) for n in range(6)] + [(9, site + "/ok", DOMAINS)]
    batches = check_batches(jobs, concurrency=7, allowed_networks=LOCAL, timeout=5)
    started = time.monotonic()
    first = next(batches)
    batches.close()
    assert first == [(9, first[0][1])] and first[0][1].outcome == "ok"
    assert time.monotonic() - started < 1.4  # /slow answers after 1.5 s: nobody waited for it
    assert not [t for t in threading.enumerate() if t.name.startswith("link-check")]


@pytest.mark.parametrize(("limits", "allowed", "raised_to"), [
    ((600, 600), 600 - checker.SPARE_FILES, (600, 600)),  # cannot be raised: fewer in flight
    ((600, 20000), 1024, (1024 + checker.SPARE_FILES, 20000)),  # raised for the job
    ((65536, 65536), 1024, None),  # enough already
])
def test_checks_in_flight_stay_within_the_open_files_allowed(monkeypatch, limits, allowed,
                                                             raised_to):
    calls = []
    monkeypatch.setattr(checker.resource, "getrlimit", lambda kind: limits)
    monkeypatch.setattr(checker.resource, "setrlimit", lambda kind, value: calls.append(value))
    assert checker.sockets_allowed(1024) == allowed
    assert calls == ([raised_to] if raised_to else [])


def test_a_check_runs_where_an_event_loop_is_already_running(site):
    """Playwright's sync API keeps a loop running in the test thread (CI ran the browser tests
    first and every check failed with "asyncio.run() cannot be called from a running event
    loop"): the checker runs on its own loop and thread."""
    import asyncio

    async def inside():
        return check(site + "/ok")  # a synchronous call while this thread's loop runs

    results = []  # in a thread of its own: the test's thread may have Playwright's loop
    thread = threading.Thread(target=lambda: results.append(asyncio.run(inside())))
    thread.start()
    thread.join()
    assert [r.outcome for r in results] == ["ok"]
