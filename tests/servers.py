"""Real servers the tests start on loopback: gunicorn (and, for the tests that need them,
Redis and an S3-compatible server), each on a free port, stopped when the test ends."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url():
    """The URL of the database the test run uses (so a server process sees the same rows)."""
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def wait_for_http(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def process_env(**extra):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="ita_portal.test_settings", DATABASE_URL=test_database_url(),
               ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING",
               REQUEST_LOG_LEVEL="WARNING")
    env.update({k: str(v) for k, v in extra.items()})
    return env


class Gunicorn:
    def __init__(self, workers=2, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
             "-w", str(workers), "-b", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=process_env(**env), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        wait_for_http(self.url + "/healthz")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
