"""Apps import in one direction: ita_portal → organizations → indicators → measures, disclosure
(never each other) → reports → imports, api (never each other) → demo. `ita_portal` imports
apps only in urls.py. Every import counts, also one inside a function."""

import ast
from pathlib import Path

from django.conf import settings

RANK = {"ita_portal": 0, "organizations": 1, "indicators": 2, "measures": 3, "disclosure": 3,
        "reports": 4, "imports": 5, "api": 5, "demo": 6}
ALLOWED_ANYWHERE = {Path("ita_portal/urls.py")}


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            app = name.split(".")[0]
            if app in RANK:
                yield node.lineno, app


def wrong_imports(root):
    for app, rank in RANK.items():
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root)
            if relative in ALLOWED_ANYWHERE:
                continue
            for line, other in imported_apps(path):
                if other != app and RANK[other] >= rank:
                    yield f"{relative}:{line} imports {other}"


def test_apps_import_only_apps_below_them():
    assert list(wrong_imports(Path(settings.BASE_DIR))) == []


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    (tmp_path / "measures").mkdir()
    (tmp_path / "measures" / "late.py").write_text(
        "def f():\n    from disclosure.models import DisclosureItem\n", encoding="utf-8")
    for app in RANK:
        (tmp_path / app).mkdir(exist_ok=True)
    assert list(wrong_imports(tmp_path)) == ["measures/late.py:2 imports disclosure"]
