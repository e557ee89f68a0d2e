#!/usr/bin/env bash
# Set up everything ITA Portal needs on a fresh Debian 12 machine: system packages (when run
# as root), the virtual environment and the Python dependencies. Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(postgresql chromium fonts-thai-tlwg libharfbuzz-subset0 poppler-utils
                 libpango-1.0-0 libpangoft2-1.0-0 fontconfig
                 nginx systemd openssl redis-server  # deployment-file checks, real queue
                 libreoffice-writer-nogui  # the import tests turn a .docx into a PDF
                 wrk valgrind)  # make bench-load, bench/instructions.py

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages (run as root or install them): ${missing[*]}" >&2
  fi
fi

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python dependencies"
  .venv/bin/pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
  .venv/bin/pip install -q -e ".[dev]" 2>&1 | grep -vE "is ignored|^\s*$" | grep -iE "error|fail" && exit 1
  rm -f .venv/.installed-* && touch "$stamp"
fi
# The private env file (generated SECRET_KEY, mode 600) and, unless DATABASE_URL points
# elsewhere, the local SQLite database, so the README's manage.py examples work as written.
if [ -z "${DATABASE_URL:-}" ]; then
  .venv/bin/python manage.py migrate --noinput -v0
else
  .venv/bin/python -c 'from ita_portal import localenv; localenv.ensure()'
fi
echo "setup: ready"
