"""A new assessment year is data: no Buddhist-Era year is written into the application code.

Python files are read token by token (docstrings and comments may name years as examples);
templates and scripts are read whole.
"""

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("ita_portal", "organizations", "indicators", "measures", "disclosure", "reports",
        "imports")
YEAR = re.compile(r"(?<![\d.])25[5-9]\d(?!\d)")


def _python_literals(path):
    source = path.read_text(encoding="utf-8")
    previous = None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        docstring = token.type == tokenize.STRING and previous in (
            None, tokenize.INDENT, tokenize.NEWLINE, tokenize.DEDENT)
        if token.type in (tokenize.NUMBER, tokenize.STRING) and not docstring:
            for match in YEAR.finditer(token.string):
                yield token.start[0], match.group()
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type


def _app_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path
    yield from (ROOT / "templates").rglob("*.html")
    yield from (ROOT / "static" / "js").rglob("*.js")


def test_no_year_literal_in_application_code():
    found = []
    for path in _app_files():
        if path.suffix == ".py":
            hits = list(_python_literals(path))
        else:
            hits = [(n, m.group()) for n, line in enumerate(path.read_text().splitlines(), 1)
                    for m in YEAR.finditer(line)]
        found += [f"{path.relative_to(ROOT)}:{line}: {year}" for line, year in hits]
    assert found == []


def test_the_check_would_find_one():
    sample = ROOT / "var" / "year_literal_sample.py"
    sample.parent.mkdir(exist_ok=True)
    sample.write_text('"""Docstring 2565 is fine."""\nYEAR = 2569\nLABEL = "ปี 2570"\n')
    try:
        assert [year for _, year in _python_literals(sample)] == ["2569", "2570"]
    finally:
        sample.unlink()
