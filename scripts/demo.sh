#!/usr/bin/env bash
# The demo portal and its background worker (PDF exports, frozen meeting reports, link checks,
# imports go through django-tasks' database queue); Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=1
.venv/bin/python manage.py db_worker --no-reload -v0 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
echo "ITA Portal: http://127.0.0.1:8000/  (Ctrl+C to stop; background worker pid $WORKER)"
.venv/bin/python manage.py runserver 127.0.0.1:8000
