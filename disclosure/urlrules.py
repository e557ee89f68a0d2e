"""URL validation and the OIT main-website rule.

The NACC accepts evidence only at URLs on the agency's main website. A declared domain
covers itself and its "www." form; any other host — another site, a file-sharing service,
or a sub-site such as oit.<domain> — is not the main website unless the organisation
declares it as one.
"""

from urllib.parse import quote, urlsplit, urlunsplit

from django.core.exceptions import ValidationError

# RFC 3986's reserved and unreserved characters, and "%" so an escape is not escaped again.
URL_SAFE = "/:@!$&'()*+,;=-._~%?"


def encoded(url):
    """The URL with spaces, quotes, <>, Thai letters and the like percent-encoded (UTF-8);
    already-encoded URLs come back unchanged (review L8)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, quote(parts.path, safe=URL_SAFE),
                       quote(parts.query, safe=URL_SAFE), ""))


MAIN_SITE_RULE = "ต้องเป็นการเข้าถึงผ่าน URL บนเว็บไซต์หลักของหน่วยงานโดยตรง"


def normalise_url(raw):
    """A canonical http(s) URL: lower-case IDNA host, no default port, no fragment."""
    text = (raw or "").strip()
    if "://" not in text and text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValidationError(f"URL ไม่ถูกต้อง: {raw}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(f"URL ต้องขึ้นต้นด้วย http:// หรือ https://: {raw}")
    if not parts.hostname or "." not in parts.hostname:
        raise ValidationError(f"URL ไม่มีชื่อเว็บไซต์ที่ถูกต้อง: {raw}")
    host = _idna(parts.hostname, raw)
    scheme = parts.scheme.lower()
    if port and port != {"http": 80, "https": 443}[scheme]:
        host = f"{host}:{port}"
    return encoded(urlunsplit((scheme, host, parts.path or "/", parts.query, "")))


def _idna(hostname, raw):
    try:
        return hostname.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValidationError(f"ชื่อเว็บไซต์ใน URL ไม่ถูกต้อง: {raw}") from None


def host_of(url):
    return (urlsplit(url).hostname or "").lower()


def off_site_reason(url, domains):
    """None when the URL is on a main-website domain, else a Thai reason."""
    host = host_of(url)
    if not domains:
        return "หน่วยงานยังไม่ได้ระบุโดเมนของเว็บไซต์หลัก"
    for domain in domains:
        if host in (domain, f"www.{domain}"):
            return None
    for domain in domains:
        if host.endswith("." + domain):
            return (f"{host} เป็นเว็บไซต์ย่อย ไม่ใช่เว็บไซต์หลัก ({', '.join(domains)}): "
                    f"{MAIN_SITE_RULE}")
    return f"{host} ไม่ใช่เว็บไซต์หลักของหน่วยงาน ({', '.join(domains)}): {MAIN_SITE_RULE}"
