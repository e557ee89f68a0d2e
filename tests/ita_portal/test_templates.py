"""Template source rules the template engine does not enforce."""

import re

from django.conf import settings


def template_files():
    roots = [settings.BASE_DIR / "templates", *settings.BASE_DIR.glob("*/templates")]
    return [path for root in roots for path in root.rglob("*.html")]


def test_a_short_comment_ends_on_its_own_line():
    """Django's {# … #} comment is one line only: a second line shows the text on the page
    (it did on every measure page). Longer notes use {% comment %}."""
    files = template_files()
    assert len(files) > 50
    unclosed = [f"{path.relative_to(settings.BASE_DIR)}:{number}"
                for path in files
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if re.search(r"\{#(?!.*#\})", line)]
    assert unclosed == []
