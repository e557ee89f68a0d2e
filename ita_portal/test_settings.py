"""Settings for the test suite: the real settings plus a test key and a fast hasher."""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-" + "k3y-for-the-suite-0123456789abcdefghijklmnopqrstuv")

from ita_portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Background tasks run at once in tests (the database worker is exercised separately).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["loggers"]["ita_portal.request"]["level"] = "WARNING"  # noqa: F405 (quiet; tests raise it)
