#!/usr/bin/env bash
# Benchmarks on the database in DATABASE_URL (make bench gives a throwaway PostgreSQL).
# BENCH_ORGS (default 8300) and BENCH_REQUESTS (default 200) scale the run; BENCH_ONLY=pages
# stops after the page latencies.
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
$PY bench/generate.py --orgs "${BENCH_ORGS:-8300}" --years 5
$PY bench/pages.py --requests "${BENCH_REQUESTS:-200}" | tee bench/out/pages.json
[ "${BENCH_ONLY:-}" = pages ] && exit 0  # BENCH_ONLY=pages: the page latencies alone
$PY bench/reports.py | tee bench/out/reports.json
$PY bench/imports.py | tee bench/out/imports.json
$PY bench/criteria.py | tee bench/out/criteria.json
$PY bench/linkcheck.py --urls 2000 20000 --concurrency 8 16 32 \
    --record-orgs "${BENCH_LINK_ORGS:-100}" | tee bench/out/linkcheck.json
