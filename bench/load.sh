#!/usr/bin/env bash
# Load on real app servers, on the database in DATABASE_URL (make bench-load gives a throwaway
# PostgreSQL): national-scale data, gunicorn with DEBUG off, then
#   1. each main page's throughput beside a bare view, wrk at 8 connections (one server), with
#      its kept parts (unchanged data) and again rendered on every request (FRAGMENT_SECONDS=0);
#      the kept run again at 1 connection; the national overseer's table also while agencies
#      change;
#   2. 50 signed-in users mixing the main pages and progress updates for 60 s, one server;
#   3. the same spread over two app servers.
# BENCH_ORGS (8300), BENCH_USERS (50), BENCH_SECONDS (60), BENCH_RATIO_SECONDS (20),
# WEB_WORKERS (4) scale it; JSON lands in bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
command -v wrk >/dev/null || { echo "bench-load: wrk is missing (bash scripts/setup.sh installs it)" >&2; exit 1; }
export DJANGO_SETTINGS_MODULE=bench.settings ALLOWED_HOSTS=127.0.0.1,testserver
export SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 LOG_LEVEL=WARNING
export SECRET_KEY=${SECRET_KEY:-bench-only-Zk3#pQ9!vL2@xR7\$mT4%nW8^bY1&cF6*Zk3#pQ9!vL2@xR7}
WORKERS=${WEB_WORKERS:-4}
mkdir -p bench/out && rm -f bench/out/gunicorn-*.log
$PY manage.py migrate --noinput -v0
$PY manage.py load_criteria
$PY bench/generate.py --orgs "${BENCH_ORGS:-8300}" --years 5 --checklists
$PY manage.py refresh_agency_figures  # as the timer after midnight does

PIDS=()
stop_servers() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; PIDS=(); }
trap stop_servers EXIT INT TERM
serve() {  # serve PORT WORKERS
  FRAGMENT_SECONDS=${FRAGMENT_SECONDS:-900} .venv/bin/gunicorn -c deploy/gunicorn.conf.py -w "$2" -b "127.0.0.1:$1" \
    --error-logfile "bench/out/gunicorn-$1.log" 2>>"bench/out/gunicorn-$1.log" &
  PIDS+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return; sleep 0.2; done
  echo "bench-load: gunicorn on port $1 did not start" >&2; exit 1
}
A=http://127.0.0.1:8101 B=http://127.0.0.1:8102
FRAGMENT_SECONDS=0 serve 8101 "$WORKERS"
$PY bench/load.py ratios --server $A --seconds "${BENCH_RATIO_SECONDS:-20}" \
  | tee bench/out/load-ratios-rendered.json
stop_servers
serve 8101 "$WORKERS"
$PY bench/load.py ratios --server $A --seconds "${BENCH_RATIO_SECONDS:-20}" | tee bench/out/load-ratios.json
$PY bench/load.py ratios --server $A --seconds 10 --connections 1 | tee bench/out/load-ratios-1.json
$PY bench/load.py mixed --server $A --users "${BENCH_USERS:-50}" --seconds "${BENCH_SECONDS:-60}" \
  | tee bench/out/load-one-server.json
stop_servers
serve 8101 $((WORKERS / 2)); serve 8102 $((WORKERS / 2))
$PY bench/load.py mixed --server $A --server $B --users "${BENCH_USERS:-50}" \
  --seconds "${BENCH_SECONDS:-60}" | tee bench/out/load-two-servers.json
