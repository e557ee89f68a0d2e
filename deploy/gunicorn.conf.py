"""gunicorn settings for ITA Portal (used by `make serve`, the systemd unit and the image).

Sync workers: the app is CPU-bound (templates, PDFs are queued) with blocking database calls.
Environment overrides: WEB_BIND, WEB_WORKERS, WEB_TIMEOUT, WEB_MAX_REQUESTS.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
graceful_timeout = 30
# Recycle workers now and then (memory creep), but rarely: the kept page parts live in each
# worker's memory (bounded by FRAGMENT_ENTRIES), and 2,000 requests threw them away every
# ~40 s under load (a fresh worker boots and renders every page again: seconds at national
# scale). Imports and PDFs run in the task worker, not here.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", 20000))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # the app writes one JSON line per request itself
errorlog = "-"
wsgi_app = "ita_portal.wsgi:application"

YOUNG_OBJECTS = 10_000  # the cyclic collector's first threshold (Python's default: 700)


def post_worker_init(worker):
    """The app is loaded: what loading made lives as long as the worker, so the cyclic
    collector stops walking it (gc.freeze; a full collection walked ~120,000 such objects,
    ~40-70 ms, every few hundred requests), and it looks at new objects after 10,000
    allocations instead of 700 (a page allocates a few thousand, nearly all freed at once)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
