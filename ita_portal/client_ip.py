"""The client's address, read the same way by the login lockout (axes) and the audit trail.

Behind `PROXY_COUNT` reverse proxies the client is the address the outermost trusted proxy
saw: the PROXY_COUNT-th entry from the right of X-Forwarded-For (each proxy appends the
address it received the request from). Entries further left are written by the client and
are never trusted. With PROXY_COUNT=0 the header is ignored and REMOTE_ADDR is the client.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote  # not through all our proxies: the request came straight in
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
