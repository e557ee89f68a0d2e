"""Machine instructions a request, each main page beside the bare view, counted by valgrind.

    python bench/instructions.py [--requests 100]

Throughput on a shared machine moves by ±0.15 between runs of the same code; instructions do
not (±0.5 %), so a change to a page is measured here first. Each page runs in its own Python
under `valgrind --tool=callgrind`: warmed up, then N bare requests, then N of the page
(Django's test client, signed in as bench/load.py's staff member; the overseer's table as the
national overseer), the counts split between the phases at each call of getppid(). Counted:
this process only (not PostgreSQL, not an app server's HTTP handling), so the ratio here is
higher than the throughput's. Needs the national data of bench/load.sh in DATABASE_URL.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import setup_django

for name, value in (("DJANGO_SETTINGS_MODULE", "bench.settings"), ("SECURE_SSL_REDIRECT", "0"),
                    ("SECURE_COOKIES", "0"), ("ALLOWED_HOSTS", "127.0.0.1,testserver"),
                    ("LOG_LEVEL", "WARNING")):
    os.environ.setdefault(name, value)  # as bench/load.sh serves it, on plain http


def child(name, requests, person, overseer):
    setup_django()
    import load
    from django.test import Client

    def client(session):
        made = Client(HTTP_HOST="127.0.0.1")
        made.cookies["sessionid"] = session
        return made

    bare = client(person["session"])
    page, path = ((client(overseer), "/") if name == "overseer table"
                  else (bare, load.pages(person)[name]))
    for _ in range(40):
        assert page.get(path).status_code == 200 and bare.get("/bench/bare/").status_code == 200
    os.getppid()  # the marks callgrind splits the counts at
    for _ in range(requests):
        bare.get("/bench/bare/")
    os.getppid()
    for _ in range(requests):
        page.get(path)
    os.getppid()


def counted(name, requests, person, overseer):
    """(bare, page) instructions a request."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=getppid",
                        "--collect-jumps=no", f"--callgrind-out-file={out}/cg",
                        sys.executable, __file__, "--child", name, "--requests", str(requests),
                        "--person", json.dumps(person), "--overseer", overseer],
                       check=True, capture_output=True)
        totals = [total(Path(out) / f"cg.{part}") for part in (2, 3)]
    return [round(t / requests / 1e6, 2) for t in totals]


def total(path):
    for line in path.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise ValueError(f"{path}: no summary")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--child")
    parser.add_argument("--person")
    parser.add_argument("--overseer")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.requests, json.loads(args.person), args.overseer)
    if not shutil.which("valgrind"):
        raise SystemExit("bench/instructions.py: valgrind is missing (bash scripts/setup.sh)")
    setup_django()
    import load

    person, overseer = load.people(1)[0], load.overseer()
    rows = {}
    for name in [*load.pages(person), "overseer table"]:
        if name.startswith("public"):
            continue  # not signed in: beside the signed-in bare view it says little
        bare, page = counted(name, args.requests, person, overseer)
        rows[name] = {"bare_M": bare, "page_M": page, "page_over_bare": round(page / bare, 2)}
    print(json.dumps(rows, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
