"""gunicorn settings for ITA Portal (used by `make serve`, the systemd unit and the image).

Sync workers: the app is CPU-bound (templates, PDFs are queued) with blocking database calls.
Environment overrides: WEB_BIND, WEB_WORKERS, WEB_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then (memory of large imports)
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # the app writes one JSON line per request itself
errorlog = "-"
wsgi_app = "ita_portal.wsgi:application"
