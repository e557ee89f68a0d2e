"""Deployment safety, checked in a fresh process with the production settings module."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "x7!Kq2#pL9vR4tY8wZ1mN6bC3dF5gH0jA@sE$uI^oP&kL*zX(cV)bN-mQ_wE+rT="


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items()
             if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE",
                          "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    clean.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=clean,
                          capture_output=True, text=True, timeout=120)


def test_refuses_to_start_without_a_real_secret_key():
    for key in ("", "short", "django-insecure-" + "a" * 60):
        result = manage("check", SECRET_KEY=key, DEBUG="0")
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_silent_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=STRONG_KEY,
                    DEBUG="0", ALLOWED_HOSTS="ita.example.go.th")
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr and "no issues" in result.stdout


def test_debug_runs_without_a_key():
    assert manage("check", DEBUG="1").returncode == 0
