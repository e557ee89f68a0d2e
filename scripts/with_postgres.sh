#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: started on a free 127.0.0.1 port,
# DATABASE_URL exported, stopped and deleted on exit whatever happens.
set -euo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG_BIN" ] || { echo "with_postgres: PostgreSQL binaries not found (run scripts/setup.sh as root)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PGDIR=$(mktemp -d /tmp/ita-pg.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT INT TERM

as_pg "$PG_BIN/initdb" --no-sync -A trust -U postgres -D "$PGDIR/data" >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w start -o \
  "-h 127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
for _ in $(seq 50); do "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres && break; sleep 0.1; done
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE ROLE ita LOGIN CREATEDB PASSWORD 'ita'" \
  -c "CREATE DATABASE ita OWNER ita" >/dev/null
export DATABASE_URL="postgres://ita:ita@127.0.0.1:$PORT/ita"
# Tests that restart the cluster (connections must survive it) find it here.
export ITA_PG_DATA="$PGDIR/data" ITA_PG_BIN="$PG_BIN"
echo "with_postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT"
"$@"
