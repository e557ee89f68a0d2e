#!/usr/bin/env bash
# The nightly link check as one worker runs it, against local websites that answer after 1 s
# (bench/linkcheck.py --slow-orgs), on the database in DATABASE_URL (make bench-links gives a
# throwaway PostgreSQL). BENCH_LINK_ORGS (default 512) organisations of 43 links each.
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
ORGS=${BENCH_LINK_ORGS:-512}
$PY bench/generate.py --orgs "$ORGS" --years 1
$PY bench/linkcheck.py --slow-orgs "$ORGS" --delay 1 --batch ${BENCH_LINK_BATCH:-64 128} \
    --job-concurrency ${BENCH_LINK_CONCURRENCY:-512 1024} | tee bench/out/linkcheck-slow.json
