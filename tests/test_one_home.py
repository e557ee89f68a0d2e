"""Each rule has one home: these tests fail when a rule is written again somewhere else."""

import re
from pathlib import Path

from django.conf import settings

APPS = ["ita_portal", "organizations", "indicators", "measures", "disclosure", "reports",
        "imports", "demo"]
ROOT = Path(settings.BASE_DIR)


def app_files(*suffixes, apps=(*APPS, "templates")):
    for app in apps:
        for path in (ROOT / app).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


def lines_matching(pattern, *suffixes, allowed=(), apps=(*APPS, "templates")):
    regex = re.compile(pattern)
    for path in app_files(*suffixes, apps=apps):
        relative = str(path.relative_to(ROOT))
        if relative in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if regex.search(line):
                yield f"{relative}:{number}"


def test_the_target_score_is_never_written_as_a_number():
    """It is the year's criteria (AssessmentYear.target_score), not 85 or ๘๕."""
    assert list(lines_matching(r"(?<![\d.])85\b|๘๕", ".py", ".html",
                               allowed={"indicators/models.py"})) == []
    assert not hasattr(settings, "ITA_TARGET_SCORE")


def test_day_windows_live_only_in_the_deadlines_table():
    """Due soon, due in 3 days, stale, the dashboard's horizon: measures.deadlines.WINDOWS."""
    apps = ("measures", "reports", "disclosure", "organizations", "templates")
    assert list(lines_matching(r"timedelta\(days=\d", ".py", apps=apps)) == []


def test_today_is_never_the_machines_date():
    assert list(lines_matching(r"date\.today\(\)|datetime\.now\(\)", ".py")) == []


def test_day_windows_are_not_written_in_thai_digits_in_templates():
    """"ภายใน ๑๔ วัน" in a template would not follow the table when a window changes."""
    assert list(lines_matching(r"[๐-๙]+ วัน", ".html", apps=("templates",))) == []
