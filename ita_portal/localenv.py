"""The local environment file: settings an operator keeps out of the repository.

`manage.py` creates it on first use with a generated SECRET_KEY (mode 600), so the README's
commands work on a fresh clone without typing a key; the app server and worker read it too.
Values already in the real environment win. systemd units use the same file as
`EnvironmentFile=`.
"""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_path():
    return Path(os.environ.get("ITA_ENV_FILE") or BASE_DIR / ".env")


def ensure(path=None):
    """Create the file with a random SECRET_KEY when it does not exist yet."""
    path = Path(path or env_path())
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("# Local settings for ITA Portal (generated; keep private, mode 600).\n")
        handle.write(f"SECRET_KEY={secrets.token_urlsafe(50)}\n")
    return path


def read(path):
    values = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = line.split("=", 1)
        values[name.strip()] = value.strip().strip("'\"")
    return values


def load(path=None):
    """Put the file's values into os.environ unless already set there."""
    path = Path(path or env_path())
    if not path.exists():
        return {}
    values = read(path)
    for name, value in values.items():
        os.environ.setdefault(name, value)
    return values
