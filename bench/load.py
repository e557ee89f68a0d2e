"""Load on real app servers (gunicorn, DEBUG off) against the database in DATABASE_URL.

    python bench/load.py ratios --server URL --seconds 20 [--connections 8] [--rounds 5]
                                [--only "measure page,measures list"]
    python bench/load.py mixed --server URL [--server URL2] --users 50 --seconds 60

`ratios`: each main page with wrk at 8 connections (--connections), signed in, in turns with
/bench/bare/ (signed in too: the whole middleware stack and two trivial queries, bench/urls.py)
on the same server, five rounds each (--rounds: more and shorter turns when the host's speed
swings; --only: these pages alone); the national overseer's table also while 5 agencies a
second change. Each page's throughput ÷ the bare view's, and its capacity ÷ the bare view's
(the app server's and the database's CPU time a request, when they run on this machine).
`mixed`: N signed-in staff of N organisations, each a thread with its own connection, for S
seconds: the main pages and progress updates (the measure page, then the form posted with its
CSRF token), spread over the servers given; afterwards every accepted update is looked up in
the database. Prints JSON.
"""

import argparse
import json
import os
import random
import re
import subprocess
import threading
import time
from pathlib import Path

from common import setup_django

HERE = Path(__file__).resolve().parent
MIX = [("measures list", 20), ("my measures", 20), ("measure page", 20), ("OIT checklist", 10),
       ("dashboard", 10), ("public OIT page", 5), ("progress update", 15)]


def people(count):
    """Staff of `count` organisations whose department owns measures in progress, each with
    a session (as after signing in) and the measures they may update."""
    import datetime

    from django.utils import timezone

    from disclosure.models import DisclosureItem, ItemStatus
    from disclosure.services import ensure_checklist
    from indicators.models import AssessmentYear
    from measures.models import Measure
    from organizations.models import User

    today = timezone.localdate()
    year = AssessmentYear.objects.latest("year").year
    chosen, seen = [], set()
    staff = User.objects.filter(role="staff", department__isnull=False, is_active=True
                                ).select_related("organization").order_by("pk")
    for user in staff.iterator():
        if user.organization_id in seen:
            continue
        measures = list(Measure.objects.filter(
            owner_departments=user.department_id, status="in_progress",
            start_date__lte=today - datetime.timedelta(days=1)).values_list("pk", flat=True))
        if not measures:
            continue
        seen.add(user.organization_id)
        ensure_checklist(user.organization, year)
        DisclosureItem.objects.filter(organization=user.organization,
                                      oit_item__code__regex=r"[13579]$").update(
            status=ItemStatus.PRESENT)
        chosen.append({"user": user.pk, "slug": user.organization.slug, "year": year,
                       "session": session_of(user), "measures": measures})
        if len(chosen) == count:
            return chosen
    raise SystemExit(f"only {len(chosen)} organisations have staff with measures in progress")


def session_of(user):
    """A session as after signing in (the portal's own authentication backend)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session.update({SESSION_KEY: str(user.pk), HASH_SESSION_KEY: user.get_session_auth_hash(),
                    BACKEND_SESSION_KEY: "organizations.backends.MemberBackend"})
    session.create()
    return session.session_key


def overseer():
    from organizations.models import User

    user, _ = User.objects.get_or_create(username="bench-overseer", defaults={"role": "overseer"})
    return session_of(user)


def pages(person):
    measure = person["measures"][0]
    return {"measures list": "/measures/", "my measures": "/measures/mine/",
            "measure page": f"/measures/{measure}/",
            "OIT checklist": f"/disclosure/{person['year']}/",
            "dashboard": "/dashboard/",
            "public OIT page": f"/public/{person['slug']}/{person['year']}/"}


def browser(server, session):
    """The cookies a signed-in browser sends: its session and the CSRF cookie signing in set
    (without it every page with a form would make a new CSRF secret, as no browser does)."""
    import requests

    # Signing in leaves it; a bench session made in the database has none yet: the sign-out
    # page (a form, opened without signing out) sets it as any page with a form would.
    first = requests.get(server + "/accounts/logout/", cookies={"sessionid": session},
                         allow_redirects=False, timeout=60)
    assert first.status_code == 200 and "csrftoken" in first.cookies, first.status_code
    return {"sessionid": session, "csrftoken": first.cookies["csrftoken"]}


def wrk(url, seconds, cookies=None, connections=8):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
               "--timeout", "10s", "-s", str(HERE / "wrk_report.lua"), url]
    if cookies:
        header = "; ".join(f"{name}={value}" for name, value in cookies.items())
        command[1:1] = ["-H", f"Cookie: {header}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def warm(server, person, seconds=3):
    """Every worker past its first requests (templates compiled, criteria read) before timing;
    the signed-in browser's cookies."""
    import requests

    cookies = browser(server, person["session"])
    wrk(server + "/bench/bare/", seconds, cookies)
    for name, path in pages(person).items():
        sent = None if name.startswith("public") else cookies
        first = requests.get(server + path, cookies=sent or {}, allow_redirects=False,
                             timeout=60)
        assert first.status_code == 200, (name, path, first.status_code,
                                          first.headers.get("Location"))  # the page itself
        wrk(server + path, seconds, sent)
    return cookies


ROUNDS = 5  # short turns: the speed drifts within seconds too
OVERSEER = (("overseer table (whole country, page 1)", 0),
            ("overseer table while agencies change (5 a second)", 5))


def ratios(server, seconds, connections=8, rounds=ROUNDS, only=None):
    person = people(1)[0]
    cookies = warm(server, person)
    bare = wrk(server + "/bench/bare/", seconds, cookies, connections)
    rows = {"bare view (signed in, 2 trivial queries)": bare}
    turns = {"seconds": seconds, "connections": connections, "rounds": rounds}
    for name, path in pages(person).items():
        if only is None or name in only:
            sent = None if name.startswith("public") else cookies
            rows[name] = paired(server, path, sent, cookies, **turns)
    national = browser(server, overseer())
    wrk(server + "/", 3, national)  # warm
    for name, changes in OVERSEER:
        if only is None or name in only:
            with Changes(changes):
                rows[name] = paired(server, "/", national, cookies, **turns)
    return rows


def paired(server, path, cookies, bare_cookies, *, seconds, connections, rounds):
    """The page and the bare view in turns, `rounds` times (this machine's speed drifts over
    minutes, so a page is compared with the bare run just before it): the page's figures
    from its median round, its ratio the median of the rounds' ratios. Beside the measured
    throughput, the capacity: the server's and the database's CPU time a request (read from
    /proc, so only when they run on this machine), bare ÷ page — what the throughput ratio
    would be were the CPUs theirs alone (wrk shares them here, and the host's other guests)."""
    runs, ratios_seen, capacity_seen = [], [], []
    for _ in range(rounds):
        bare, bare_cpu = timed_cpu(server + "/bench/bare/", max(2, seconds // rounds),
                                   bare_cookies, connections)
        page, page_cpu = timed_cpu(server + path, max(2, seconds // rounds), cookies,
                                   connections)
        runs.append(page)
        ratios_seen.append(page["rps"] / bare["rps"])
        if bare_cpu and page_cpu:
            capacity_seen.append(bare_cpu / page_cpu)
            page["cpu_ms_per_request"], page["bare_cpu_ms_per_request"] = page_cpu, bare_cpu
    row = sorted(runs, key=lambda run: run["rps"])[rounds // 2]
    row["ratio_to_bare"] = round(sorted(ratios_seen)[rounds // 2], 2)
    row["round_ratios"] = [round(ratio, 2) for ratio in ratios_seen]
    if len(capacity_seen) == rounds:
        row["capacity_ratio_to_bare"] = round(sorted(capacity_seen)[rounds // 2], 2)
        row["round_capacity_ratios"] = [round(ratio, 2) for ratio in capacity_seen]
    return row


SERVER_PROCESSES = ("gunicorn", "postgres")


def server_cpu_seconds():
    """CPU seconds used so far by this machine's app server and database processes, the
    workers and connections that ended included (None where /proc cannot be read)."""
    ticks = 0
    try:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:  # the process ended meanwhile
                continue
            name, fields = text[text.index("(") + 1:text.rindex(")")], text.rsplit(")", 1)[1]
            if name.startswith(SERVER_PROCESSES):  # its own time and its ended children's
                ticks += sum(int(value) for value in fields.split()[11:15])  # (workers recycle)
    except OSError:
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def timed_cpu(url, seconds, cookies, connections):
    """wrk's figures and the server's CPU milliseconds a request meanwhile."""
    before = server_cpu_seconds()
    run = wrk(url, seconds, cookies, connections)
    after = server_cpu_seconds()
    if before is None or after is None or not run["requests"]:
        return run, None
    return run, round((after - before) * 1000 / run["requests"], 3)


class Changes(threading.Thread):
    """`per_second` changes of random agencies' data while timing (each raises that agency's
    data version, as any write does): what a national overseer's table meets in office
    hours (8,300 agencies writing ~20 times a day each is ~6 a second)."""

    def __init__(self, per_second):
        super().__init__(daemon=True)
        self.per_second, self.done = per_second, threading.Event()

    def __enter__(self):
        if self.per_second:
            self.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        if self.per_second:
            self.join()

    def run(self):
        from organizations import versions
        from organizations.models import Organization

        ids = list(Organization.objects.values_list("pk", flat=True))
        rng = random.Random(2570)
        while not self.done.wait(1 / self.per_second):
            versions.touch(rng.choice(ids))


class User(threading.Thread):
    def __init__(self, person, server, deadline, run_id, seed):
        super().__init__(daemon=True)
        import requests

        self.person, self.server, self.deadline, self.run_id = person, server, deadline, run_id
        self.rng = random.Random(seed)
        self.http = requests.Session()
        self.http.cookies.set("sessionid", person["session"])
        self.samples, self.failures, self.posted = [], [], []

    def run(self):
        names, weights = zip(*MIX, strict=True)
        while time.monotonic() < self.deadline:
            action = self.rng.choices(names, weights)[0]
            if action == "progress update":
                self.update()
            else:
                self.get(action, pages(self.person)[action])

    def timed(self, action, call, expect):
        started = time.perf_counter()
        try:
            response = call()
            ok = response.status_code == expect
        except Exception as error:  # noqa: BLE001 (a failed request is a result here)
            response, ok = None, False
            self.failures.append((action, repr(error)))
        elapsed = (time.perf_counter() - started) * 1000
        self.samples.append((action, elapsed, ok))
        if response is not None and not ok:
            self.failures.append((action, response.status_code,
                                  response.headers.get("Location")))
        return response if ok else None

    def get(self, action, path):
        return self.timed(action, lambda: self.http.get(self.server + path, timeout=30,
                                                        allow_redirects=False), 200)

    def update(self):
        measure = self.rng.choice(self.person["measures"])
        page = self.get("measure page", f"/measures/{measure}/")
        if page is None:
            return
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
        note = f"bench-load {self.run_id} {self.person['user']} {len(self.posted)}"
        done = self.timed("progress update", lambda: self.http.post(
            f"{self.server}/measures/{measure}/update/", timeout=30, allow_redirects=False,
            headers={"Referer": f"{self.server}/measures/{measure}/"}, data={
                "csrfmiddlewaretoken": token, "version": version, "note": note,
                "reported_on": time.strftime("%Y-%m-%d"), "percent": "50",
                "status": "in_progress", "urls": ""}), 302)
        if done is not None:
            self.posted.append(note)


def percentile(values, share):
    return round(values[min(len(values) - 1, int(len(values) * share))], 1)


def summary(samples, seconds):
    if not samples:
        return {"requests": 0}
    times = sorted(t for _, t, _ in samples)
    return {"requests": len(samples), "rps": round(len(samples) / seconds, 1),
            "errors": sum(1 for *_, ok in samples if not ok),
            "p50_ms": percentile(times, 0.50), "p95_ms": percentile(times, 0.95),
            "p99_ms": percentile(times, 0.99)}


def mixed(servers, users, seconds):
    from measures.models import ProgressUpdate

    run_id = f"{time.time():.0f}"
    crowd = people(users)
    for server in servers:
        warm(server, crowd[0])
    deadline = time.monotonic() + seconds
    threads = [User(person, servers[n % len(servers)], deadline, run_id, n)
               for n, person in enumerate(crowd)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    samples = [s for t in threads for s in t.samples]
    posted = [note for t in threads for note in t.posted]
    stored = ProgressUpdate.objects.filter(note__startswith=f"bench-load {run_id} ").count()
    by_action = {name: summary([s for s in samples if s[0] == name], elapsed)
                 for name, _ in MIX}
    return {"servers": len(servers), "users": users, "seconds": round(elapsed, 1),
            "all": summary(samples, elapsed), "by_action": by_action,
            "updates_accepted": len(posted), "updates_in_database": stored,
            "failures": [f for t in threads for f in t.failures][:20]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["ratios", "mixed"])
    parser.add_argument("--server", action="append", required=True)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--only", help="page names, comma-separated (ratios)")
    args = parser.parse_args()
    setup_django()
    if args.mode == "ratios":
        only = None if args.only is None else {name.strip() for name in args.only.split(",")}
        result = ratios(args.server[0], args.seconds, args.connections, args.rounds, only)
    else:
        result = mixed(args.server, args.users, args.seconds)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
