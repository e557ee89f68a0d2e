"""The Content-Security-Policy allows scripts from the portal's own files only
(`script-src 'self'`): an inline handler such as onclick="return confirm(…)" is blocked by
the browser, so the question is never asked and the form is sent (UX re-check: roll-over,
publishing criteria, removing and merging items, criteria import went through unasked).
Confirmations are `data-confirm` on the form, handled by static/js/portal.js."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)


def test_the_policy_forbids_inline_scripts():
    scripts = settings.CONTENT_SECURITY_POLICY.split("script-src")[1].split(";")[0]
    assert scripts.strip() == "'self'"


def test_no_template_relies_on_an_inline_script_or_handler():
    found = [f"{path.relative_to(TEMPLATES)}: {match.group(0)[:80]}"
             for path in TEMPLATES.rglob("*.html")
             for pattern in (INLINE_HANDLER, INLINE_SCRIPT)
             for match in pattern.finditer(path.read_text())]
    assert found == []


def test_the_irreversible_criteria_and_year_actions_ask_first():
    for name in ("reports/rollover.html", "indicators/_operator_panel.html",
                 "indicators/merge.html", "indicators/item_edit.html", "indicators/import.html"):
        assert re.search(r"<form[^>]*data-confirm=\"[^\"]+\"", (TEMPLATES / name).read_text()), name
