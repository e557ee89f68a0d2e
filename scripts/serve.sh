#!/usr/bin/env bash
# The portal as it runs in production, on this machine: a PostgreSQL cluster kept in
# var/serve/, gunicorn with DEBUG off, the background worker and the scheduled jobs.
# The secret lives in .env (generated, mode 600). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
DATA=$PWD/var/serve
PG_PORT=${SERVE_PG_PORT:-5544}
PORT=${PORT:-8000}
mkdir -p "$DATA/pg"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA/pg"
if [ ! -f "$DATA/pg/PG_VERSION" ]; then
  as_pg "$PG_BIN/initdb" -A trust -U postgres -D "$DATA/pg" >/dev/null
fi
as_pg "$PG_BIN/pg_ctl" -D "$DATA/pg" -l "$DATA/pg/server.log" -w start \
  -o "-h 127.0.0.1 -p $PG_PORT -k /tmp" >/dev/null
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$DATA/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM
"$PG_BIN/psql" -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres \
  -c "SELECT 1 FROM pg_roles WHERE rolname='ita'" | grep -q 1 || \
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -c "CREATE ROLE ita LOGIN CREATEDB PASSWORD 'ita'" -c "CREATE DATABASE ita OWNER ita"

export DEBUG=0 DATABASE_URL="postgres://ita:ita@127.0.0.1:$PG_PORT/ita"
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
# Plain HTTP on loopback: no TLS redirect, no Secure-only cookies (nginx adds TLS in production).
export SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0
export MEDIA_ROOT=${MEDIA_ROOT:-$DATA/uploads} BACKUP_DIR=${BACKUP_DIR:-$DATA/backups}
export WEB_BIND=127.0.0.1:$PORT
PY=.venv/bin/python
$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0
$PY manage.py load_criteria >/dev/null
[ -n "${SERVE_DEMO:-}" ] && $PY manage.py load_demo
if [[ "${TASKS_BACKEND:-}" == django_tasks_rq* ]]; then
  $PY manage.py rqworker default --job-class django_tasks_rq.Job & PIDS+=($!)
else
  $PY manage.py db_worker -v0 & PIDS+=($!)
fi
bash scripts/schedule.sh & PIDS+=($!)
.venv/bin/gunicorn -c deploy/gunicorn.conf.py & PIDS+=($!)
echo "ITA Portal (DEBUG off): http://127.0.0.1:$PORT/  health: /healthz  (Ctrl+C stops)"
wait -n
