"""Database connections survive a PostgreSQL restart (review L3: the first request on each
worker after a restart answered 500). Runs under gunicorn against the throwaway cluster of
`make test`, which it restarts in the middle."""

import os
import subprocess

import pytest
from django.db import connection

from tests.servers import Gunicorn, get

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("ITA_PG_DATA"),
                       reason="needs the throwaway PostgreSQL of scripts/with_postgres.sh"),
]


def restart_postgres():
    pg_ctl = os.path.join(os.environ["ITA_PG_BIN"], "pg_ctl")
    data = os.environ["ITA_PG_DATA"]
    command = [pg_ctl, "-D", data, "-l", os.path.join(os.path.dirname(data), "log"),
               "-m", "immediate", "-w", "restart"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def test_requests_after_a_postgresql_restart_all_succeed():
    server = Gunicorn(workers=2)
    try:
        for _ in range(8):  # every worker holds a persistent connection
            assert get(server.url + "/healthz")[0] == 200
        restart_postgres()
        connection.close()  # the test's own connection died too
        statuses = [get(server.url + "/healthz")[0] for _ in range(12)]
        assert statuses == [200] * 12
    finally:
        server.stop()
