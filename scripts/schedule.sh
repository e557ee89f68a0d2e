#!/usr/bin/env bash
# The scheduled jobs for `make serve` (on a server, deploy/systemd/*.timer do this):
# reminders, the overseers' figures, link checks and a backup once a day (SCHEDULE_INTERVAL_SECONDS), retention weekly.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
day=0
while true; do
  $PY manage.py send_reminders
  $PY manage.py refresh_agency_figures
  $PY manage.py check_disclosure_links
  $PY manage.py backup
  (( day++ % 7 == 0 )) && $PY manage.py prune_link_checks && $PY manage.py prune_list_exports
  sleep "${SCHEDULE_INTERVAL_SECONDS:-86400}"
done
