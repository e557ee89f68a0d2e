"""Shared start-up for benchmark scripts: Django on the production settings module."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ita_portal.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "Zk3#pQ9!vL2@xR7$mT4%nW8^bY1&cF6*" * 2)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
