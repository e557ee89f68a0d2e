"""Real servers the tests start on loopback: gunicorn (and, for the tests that need them,
Redis and an S3-compatible server), each on a free port, stopped when the test ends."""

import os
import shutil
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


def start_redis():
    """A Debian redis-server on a free port, no persistence; returns (process, url)."""
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    assert Path(server).exists(), "scripts/setup.sh installs redis-server"
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--daemonize", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        ping = subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True,
                              text=True)
        if ping.stdout.strip() == "PONG":
            break
        time.sleep(0.1)
    return proc, f"redis://127.0.0.1:{port}/0"


S3_BUCKET = "ita-portal-test"
S3_REGION = "ap-southeast-1"
S3_KEYS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}


def start_s3():
    """A local S3-compatible server (moto's server mode) with an empty bucket; returns
    (server, endpoint URL)."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name=S3_REGION, **S3_KEYS).create_bucket(
        Bucket=S3_BUCKET, CreateBucketConfiguration={"LocationConstraint": S3_REGION})
    return server, endpoint


def s3_keys(endpoint):
    import boto3

    client = boto3.client("s3", endpoint_url=endpoint, region_name=S3_REGION, **S3_KEYS)
    return [o["Key"] for o in client.list_objects_v2(Bucket=S3_BUCKET).get("Contents", [])]
