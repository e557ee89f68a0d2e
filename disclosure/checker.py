"""Check evidence URLs over HTTP with asynchronous I/O: bounded concurrency in all and per
website, one deadline per URL (DNS, connecting, redirects and slow servers included), at most
READ_LIMIT bytes read, redirects followed one hop at a time (each host resolved once, checked,
and connected to at that address), and a classified outcome.

HTTP/1.1 is spoken by h11 (the protocol state machine httpx and uvicorn use) over asyncio's
streams, so the connection goes to the address the SSRF guard approved and to no other.
No database access here: `check_batches` hands results to the caller, which records them.
"""

import asyncio
import ipaddress
import queue
import re
import resource
import socket
import ssl
import threading
import time
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import h11

from disclosure.models import Outcome
from disclosure.urlrules import off_site_reason

USER_AGENT = "ITA-Portal-LinkCheck/1.0 (+OIT evidence check)"
READ_LIMIT = 64 * 1024
MIN_TEXT_CHARS = 40
REDIRECT_CODES = {301, 302, 303, 307, 308}
DNS_THREADS = 32  # lookups run in threads (getaddrinfo blocks); one per website and batch


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


def pick_address(host, infos, networks):
    """The address to connect to, when no address the name has is internal."""
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if is_internal(address) and not any(address in net for net in networks):
            raise Refused(f"{host} ชี้ไปยังที่อยู่ภายใน ({address}) ระบบจึงไม่เชื่อมต่อ")
    return infos[0][4][0]


class Resolver:
    """Each website's name looked up once per batch of checks; the address returned is the one
    connected to (no second lookup an attacker's DNS could answer differently)."""

    def __init__(self, allowed_networks=()):
        self.networks = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
        self.lookups = {}

    async def address(self, host, port):
        key = (host, port)
        if key not in self.lookups:
            loop = asyncio.get_running_loop()
            self.lookups[key] = loop.create_task(
                loop.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        # shielded: a check cut off by its deadline does not cancel its neighbours' lookup
        infos = await asyncio.shield(self.lookups[key])
        return pick_address(host, infos, self.networks)


TLS = ssl.create_default_context()


async def _next_event(conn, reader):
    while True:
        event = conn.next_event()
        if event is not h11.NEED_DATA:
            return event
        conn.receive_data(await reader.read(READ_LIMIT))


async def _response(conn, reader):
    event = await _next_event(conn, reader)
    while isinstance(event, h11.InformationalResponse):  # 100 Continue and the like
        event = await _next_event(conn, reader)
    if not isinstance(event, h11.Response):
        raise h11.RemoteProtocolError("no response", 502)
    return event


async def _body(conn, reader, limit):
    body = bytearray()
    while len(body) < limit:
        event = await _next_event(conn, reader)
        if not isinstance(event, h11.Data):
            break
        body += event.data
    return bytes(body[:limit])


async def fetch(url, resolver, read_limit=READ_LIMIT):
    """(status, headers with lower-case names, first bytes of the body) of one GET, without
    following redirects. The caller's deadline cancels it wherever it waits."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    address = await resolver.address(parts.hostname, port)
    reader, writer = await asyncio.open_connection(
        address, port, ssl=TLS if https else None,
        server_hostname=parts.hostname if https else None)
    try:
        conn = h11.Connection(our_role=h11.CLIENT)
        path = parts.path or "/"
        writer.write(conn.send(h11.Request(
            method="GET", target=f"{path}?{parts.query}" if parts.query else path,
            headers=[("Host", parts.netloc.rpartition("@")[2]), ("User-Agent", USER_AGENT),
                     ("Accept", "*/*"), ("Connection", "close")])))
        writer.write(conn.send(h11.EndOfMessage()))
        response = await _response(conn, reader)
        headers = {name.decode("latin-1"): value.decode("latin-1")
                   for name, value in response.headers}
        return response.status_code, headers, await _body(conn, reader, read_limit)
    finally:
        writer.transport.abort()  # a checker never reuses a connection; no lingering close


def looks_empty(headers, body):
    if not body.strip():
        return True
    if "html" not in (headers.get("content-type") or "").lower():
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


async def check_url_async(url, domains, *, timeout=10.0, max_redirects=5, allowed_networks=(),
                          read_limit=READ_LIMIT, resolver=None):
    """Check one URL within `timeout` seconds in all (lookups, connects, redirects, reads)."""
    resolver = resolver or Resolver(allowed_networks)
    started, current, redirects = time.monotonic(), url, []
    result = CheckResult(url=url, outcome=Outcome.UNREACHABLE)
    try:
        async with asyncio.timeout(timeout):
            for _ in range(max_redirects + 1):
                status, headers, body = await fetch(current, resolver, read_limit)
                location = headers.get("location")
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
    except (OSError, h11.ProtocolError, ValueError) as error:  # ValueError: a malformed URL
        result.detail = f"เชื่อมต่อไม่ได้: {error.__class__.__name__}"
    result.final_url, result.redirects = current, redirects
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


def check_url(url, domains, **options):
    """`check_url_async` for a synchronous caller (one link, a test), on the checker's own
    loop and thread: the caller's thread may have a loop running already (Playwright's)."""
    [(_, result)] = check_many([(0, url, domains)], concurrency=1, **options)
    return result


def check_many(jobs, **options):
    """(key, result) for each (key, url, domains) job, as each finishes (see check_batches)."""
    for batch in check_batches(jobs, **options):
        yield from batch


END = object()


def check_batches(jobs, *, concurrency=8, per_host=None, **options):
    """Check (key, url, domains) jobs with at most `concurrency` at once in all and at most
    `per_host` at once on any one website (so many organisations are checked together without
    one municipality's server taking more than its share). The checks run on an event loop in
    a thread of their own while the caller records: each list yielded holds every (key, result)
    finished since the last one. The jobs are read up front (a batch holds a few thousand)."""
    results, stop = queue.SimpleQueue(), threading.Event()
    concurrency = sockets_allowed(concurrency)
    work = _check_all(list(jobs), concurrency, per_host or concurrency, options, results, stop)
    thread = threading.Thread(target=asyncio.run, args=(work,), name="link-check", daemon=True)
    thread.start()
    try:
        finished = False
        while not finished:
            batch = [results.get()]
            while not results.empty():
                batch.append(results.get())
            failure = next((item for item in batch if isinstance(item, BaseException)), None)
            if failure is not None:
                raise failure
            finished = END in batch
            if done := [item for item in batch if item is not END]:
                yield done
    finally:
        stop.set()  # the caller stopped early (or failed): cancel what is still in flight
        thread.join()


SPARE_FILES = 256  # for the database, logs and the DNS threads beside the checks


def sockets_allowed(wanted):
    """As many checks in flight as this process may open sockets: the soft limit on open files
    is raised towards the hard one when it is too low (1024 by default outside systemd)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < wanted + SPARE_FILES:
        raised = wanted + SPARE_FILES if hard == resource.RLIM_INFINITY else min(
            hard, wanted + SPARE_FILES)
        resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
        soft = raised
    return wanted if soft == resource.RLIM_INFINITY else max(1, min(wanted, soft - SPARE_FILES))


async def _check_all(jobs, concurrency, per_host, options, results, stop):
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(DNS_THREADS, thread_name_prefix="link-check-dns"))
    resolver = Resolver(options.pop("allowed_networks", ()))
    waiting = defaultdict(deque)
    for job in jobs:
        waiting[(urlsplit(job[1]).hostname or "").lower()].append(job)
    busy, pending = Counter(), {}

    def fill():
        for host in list(waiting):
            line = waiting[host]
            while line and busy[host] < per_host and len(pending) < concurrency:
                key, url, domains = line.popleft()
                busy[host] += 1
                check = check_url_async(url, domains, resolver=resolver, **options)
                pending[asyncio.create_task(check)] = (key, host)
            if not line:
                del waiting[host]

    try:
        fill()
        while pending and not stop.is_set():
            done, _ = await asyncio.wait(pending, timeout=0.25,
                                         return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                key, host = pending.pop(task)
                busy[host] -= 1
                results.put((key, task.result()))
            fill()
    except BaseException as error:  # handed to the caller, raised there
        results.put(error)
    finally:
        for task in pending:
            task.cancel()
        results.put(END)
