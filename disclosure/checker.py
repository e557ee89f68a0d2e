"""Check evidence URLs over HTTP: bounded concurrency in all and per website, one deadline
per URL (redirects and slow servers included), at most READ_LIMIT bytes read, redirects
followed one hop at a time (each hop's host resolved once, checked, and connected to at that
address), and a classified outcome.

No database access here: `check_many` yields results to the caller, which records them.
"""

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from disclosure.models import Outcome
from disclosure.urlrules import off_site_reason

USER_AGENT = "ITA-Portal-LinkCheck/1.0 (+OIT evidence check)"
READ_LIMIT = 64 * 1024
MIN_TEXT_CHARS = 40
REDIRECT_CODES = {301, 302, 303, 307, 308}


@dataclass
class CheckResult:
    url: str
    outcome: str
    http_status: int | None = None
    final_url: str = ""
    redirects: list = field(default_factory=list)
    elapsed_ms: int = 0
    detail: str = ""


class Refused(Exception):
    pass


NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Not reachable on the internet, though Python 3.11 calls them global.
NON_GLOBAL = [ipaddress.ip_network(n) for n in ("192.0.0.0/24", "64:ff9b:1::/48", "2001::/23")]


def embedded_ipv4(address):
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo client, NAT64), if any."""
    if address.version != 6:
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_internal(address):
    """Anything but a global unicast address, looking inside IPv6 forms that carry IPv4."""
    inner = embedded_ipv4(address)
    if inner is not None and is_internal(inner):
        return True
    return (not address.is_global or address.is_multicast
            or any(address in net for net in NON_GLOBAL if net.version == address.version))


def resolve(host, port, allowed_networks):
    """Resolve the host once; the address returned is the one connected to (no second
    lookup an attacker's DNS could answer differently)."""
    networks = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if is_internal(address) and not any(address in net for net in networks):
            raise Refused(f"{host} ชี้ไปยังที่อยู่ภายใน ({address}) ระบบจึงไม่เชื่อมต่อ")
    return infos[0][4][0]


class Deadline:
    """A wall-clock limit for one URL, redirects included, whatever the server trickles."""

    def __init__(self, seconds):
        self.seconds, self.ends = seconds, time.monotonic() + seconds

    def remaining(self):
        left = self.ends - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left


class PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address, self.raw = address, None

    def connect(self):
        self.sock = self.raw = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address, self.raw = address, None

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.raw = self._context.wrap_socket(sock, server_hostname=self.host)


def _cut_off(conn):
    """Shut the socket (the response may hold it after the connection let go of it)."""
    sock = getattr(conn, "raw", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _read_capped(response, limit):
    body = b""
    while len(body) < limit:
        chunk = response.read1(limit - len(body))
        if not chunk:
            break
        body += chunk
    return body


def fetch(url, deadline, allowed_networks, read_limit=READ_LIMIT):
    """(status, headers, first bytes of the body) of one GET, without following redirects.
    A timer shuts the socket when the deadline passes, so no trickle outlives it."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    address = resolve(parts.hostname, port, allowed_networks)
    conn = (PinnedHTTPS if https else PinnedHTTP)(parts.hostname, port, address,
                                                  deadline.remaining())
    watchdog = threading.Timer(deadline.remaining(), _cut_off, [conn])
    watchdog.start()
    try:
        path = parts.path or "/"
        conn.request("GET", f"{path}?{parts.query}" if parts.query else path,
                     headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = conn.getresponse()
        body = _read_capped(response, read_limit)
        deadline.remaining()  # a body cut short by the deadline is a timeout
        return response.status, response.headers, body
    except (OSError, http.client.HTTPException):
        deadline.remaining()  # past the deadline: report a timeout, not the broken socket
        raise
    finally:
        watchdog.cancel()
        conn.close()


def looks_empty(headers, body):
    if not body.strip():
        return True
    if "html" not in (headers.get("Content-Type") or "").lower():
        return False
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>|<[^>]+>|&nbsp;|\s+", "",
                  body.decode("utf-8", "replace"))
    return len(text) < MIN_TEXT_CHARS


def classify(status, headers, body, final_url, redirects, domains):
    if status in (404, 410):
        return Outcome.MISSING, "ไม่พบหน้าเว็บ"
    if status in (401, 403, 429):
        return Outcome.BLOCKED, "เว็บไซต์ปฏิเสธการเข้าถึง"
    if status >= 400 or status < 200:
        return Outcome.UNREACHABLE, f"เว็บไซต์ตอบกลับด้วยรหัส {status}"
    if redirects:
        reason = off_site_reason(final_url, domains)
        if reason:
            return Outcome.OFF_SITE, reason[:300]
    if looks_empty(headers, body):
        return Outcome.NOT_DOCUMENT, "หน้าเว็บว่างหรือแทบไม่มีเนื้อหา"
    return (Outcome.REDIRECTED, "") if redirects else (Outcome.OK, "")


def check_url(url, domains, *, timeout=10.0, max_redirects=5, allowed_networks=(),
              read_limit=READ_LIMIT):
    """Check one URL within `timeout` seconds in all (connect, redirects, reads)."""
    started, current, redirects = time.monotonic(), url, []
    result = CheckResult(url=url, outcome=Outcome.UNREACHABLE)
    deadline = Deadline(timeout)
    try:
        for _ in range(max_redirects + 1):
            status, headers, body = fetch(current, deadline, allowed_networks, read_limit)
            location = headers.get("Location")
            if status in REDIRECT_CODES and location:
                redirects.append(f"{status} {current} → {urljoin(current, location)}")
                current = urljoin(current, location)
                continue
            result.outcome, result.detail = classify(status, headers, body, current,
                                                     redirects, domains)
            result.http_status = status
            break
        else:
            result.detail = f"เปลี่ยนเส้นทางเกิน {max_redirects} ครั้ง"
    except Refused as error:
        result.outcome, result.detail = Outcome.REFUSED, str(error)
    except TimeoutError:
        result.detail = f"หมดเวลารอ ({timeout:g} วินาที)"
    except socket.gaierror:
        result.detail = "ไม่พบชื่อเว็บไซต์ (DNS)"
    except ssl.SSLError as error:
        result.detail = f"ใบรับรอง TLS/SSL มีปัญหา: {error.reason or error}"[:300]
    except (OSError, http.client.HTTPException) as error:
        result.detail = f"เชื่อมต่อไม่ได้: {error.__class__.__name__}"
    result.final_url, result.redirects = current, redirects
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


def check_many(jobs, *, concurrency=8, per_host=None, **options):
    """Check (key, url, domains) jobs with at most `concurrency` at once in all and at most
    `per_host` at once on any one website (so many organisations can be checked together
    without one municipality's server taking more than its share); yield (key, result) as
    each finishes. The jobs are read up front (a batch holds a few thousand at most)."""
    waiting = defaultdict(deque)
    for job in jobs:
        waiting[(urlsplit(job[1]).hostname or "").lower()].append(job)
    per_host, busy, pending = per_host or concurrency, Counter(), {}
    with ThreadPoolExecutor(max_workers=concurrency) as pool:

        def fill():
            for host in list(waiting):
                queue = waiting[host]
                while queue and busy[host] < per_host and len(pending) < concurrency:
                    key, url, domains = queue.popleft()
                    busy[host] += 1
                    pending[pool.submit(check_url, url, domains, **options)] = (key, host)
                if not queue:
                    del waiting[host]

        fill()
        while pending:
            done = next(as_completed(pending))
            key, host = pending.pop(done)
            busy[host] -= 1
            fill()
            yield key, done.result()
