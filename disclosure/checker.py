"""Check evidence URLs over HTTP: bounded concurrency, a timeout per request, redirects
followed one hop at a time (each hop's address checked), and a classified outcome.

No database access here: `check_many` yields results to the caller, which records them.
"""

import http.client
import ipaddress
import re
import socket
import ssl
import time
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


def is_internal(address):
    return (address.is_private or address.is_loopback or address.is_link_local
            or address.is_reserved or address.is_multicast or address.is_unspecified)


def address_problem(host, port, allowed_networks):
    """Resolve the host; refuse private, loopback, link-local and reserved addresses unless
    they fall in one of the explicitly allowed networks."""
    networks = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
    for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = ipaddress.ip_address(info[4][0])
        if is_internal(address) and not any(address in net for net in networks):
            return f"{host} ชี้ไปยังที่อยู่ภายใน ({address}) ระบบจึงไม่เชื่อมต่อ"
    return None


def fetch(url, timeout, allowed_networks):
    """(status, headers, first bytes of the body) of one GET, without following redirects."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    problem = address_problem(parts.hostname, port, allowed_networks)
    if problem:
        raise Refused(problem)
    if https:
        conn = http.client.HTTPSConnection(parts.hostname, port, timeout=timeout,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)
    try:
        path = parts.path or "/"
        conn.request("GET", f"{path}?{parts.query}" if parts.query else path,
                     headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = conn.getresponse()
        return response.status, response.headers, response.read(READ_LIMIT)
    finally:
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


def check_url(url, domains, *, timeout=10.0, max_redirects=5, allowed_networks=()):
    started, current, redirects = time.monotonic(), url, []
    result = CheckResult(url=url, outcome=Outcome.UNREACHABLE)
    try:
        for _ in range(max_redirects + 1):
            status, headers, body = fetch(current, timeout, allowed_networks)
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


def check_many(jobs, *, concurrency=8, **options):
    """Check (key, url, domains) jobs with at most `concurrency` at once; yield (key, result)
    as each finishes. Only the jobs in flight are held in memory."""
    jobs = iter(jobs)
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        pending = {}

        def submit_next():
            job = next(jobs, None)
            if job is not None:
                key, url, domains = job
                pending[pool.submit(check_url, url, domains, **options)] = key
            return job is not None

        for _ in range(concurrency):
            if not submit_next():
                break
        while pending:
            done = next(as_completed(pending))
            key = pending.pop(done)
            submit_next()
            yield key, done.result()
