"""Review findings H2b and M3: a deadline per URL (not per socket read), a cap on what is
read, one DNS lookup whose address is the one connected to, every non-global range refused."""

import asyncio
import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from disclosure.checker import check_url, is_internal

DOMAINS = ["127.0.0.1", "rebind.test"]


class Trickle(BaseHTTPRequestHandler):
    """Answers one byte at a time, every `gap` seconds, forever (until the client leaves)."""
    gap = 0.2

    def do_GET(self):  # noqa: N802
        try:
            if self.path.startswith("/headers"):
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while True:
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(self.gap)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + "ข้อมูล".encode() * 400 + b"</p>" if self.path == "/huge" else b"x"
            while True:
                self.wfile.write(chunk)
                self.wfile.flush()
                if self.path != "/huge":
                    time.sleep(self.gap)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def trickle():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(trickle, path):
    started = time.monotonic()
    result = check_url(trickle + path, DOMAINS, timeout=1.0, allowed_networks=("127.0.0.1/32",))
    elapsed = time.monotonic() - started
    assert result.outcome == "unreachable" and "หมดเวลา" in result.detail
    assert elapsed < 2.0  # one byte every 0.2 s kept the old checker going for ever


def test_an_endless_body_is_read_only_up_to_the_cap(trickle):
    started = time.monotonic()
    result = check_url(trickle + "/huge", DOMAINS, timeout=5.0,
                       allowed_networks=("127.0.0.1/32",))
    assert result.outcome == "ok" and time.monotonic() - started < 2.0


def test_the_host_is_resolved_once_and_that_address_is_used(site, monkeypatch):
    """DNS rebinding: the first answer passes the check, a later one points elsewhere."""
    real, calls = socket.getaddrinfo, []
    port = int(site.rsplit(":", 1)[1])

    def rebinding(host, *args, **kwargs):
        if host != "rebind.test":
            return real(host, *args, **kwargs)
        calls.append(host)
        address = "127.0.0.1" if len(calls) == 1 else "127.0.0.2"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    result = check_url(f"http://rebind.test:{port}/ok", DOMAINS, timeout=2.0,
                       allowed_networks=("127.0.0.1/32",))
    assert result.outcome == "ok" and result.http_status == 200
    assert calls == ["rebind.test"]


@pytest.mark.parametrize("address", [
    "100.64.0.1", "100.100.100.200", "192.0.0.8", "192.0.0.170", "198.18.0.1", "240.0.0.1",
    "224.0.0.1", "2002:7f00:1::", "2002:a00:1::1", "64:ff9b::7f00:1", "::ffff:127.0.0.1",
    "2001:0:4136:e378:8000:63bf:80ff:fffe", "100::1", "2001:db8::1", "fe80::1", "fc00::1",
])
def test_every_non_global_range_is_internal(address):
    assert is_internal(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["164.115.0.1", "8.8.8.8", "2606:4700::1111"])
def test_global_addresses_are_not(address):
    assert not is_internal(ipaddress.ip_address(address))


def test_a_non_global_literal_is_refused_before_connecting(monkeypatch):
    def no_connect(*args, **kwargs):
        raise AssertionError("connected")

    monkeypatch.setattr(socket, "create_connection", no_connect)
    monkeypatch.setattr(asyncio, "open_connection", no_connect)
    for url in ("http://100.100.100.200/latest/", "http://[2002:7f00:1::]/", "http://192.0.0.8/"):
        result = check_url(url, DOMAINS, timeout=1.0)
        assert result.outcome == "refused", url
