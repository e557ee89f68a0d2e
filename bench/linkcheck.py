"""Link-checker throughput against a local web server, and peak memory.

A threaded HTTP server runs in a separate process on 127.0.0.1 and serves an evidence page;
`check_many` checks N URLs (each its own path, 1 in 10 a 404) at a given concurrency.
Memory is the process's peak RSS, measured for two sizes to show it stays flat.

    python bench/linkcheck.py --urls 2000 8600 --concurrency 8 16 32
    python bench/linkcheck.py --slow-orgs 512 --delay 1 --batch 32 64 --job-concurrency 256 512
"""

import argparse
import json
import multiprocessing
import resource
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = ("<html><body><h1>แผนการจัดซื้อจัดจ้าง</h1><p>" + "ข้อมูลเผยแพร่ " * 50
        + "</p></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    delay = 0.0  # seconds before each answer (a municipal website answers in 0.2–2 s)

    def do_GET(self):  # noqa: N802
        time.sleep(self.delay)
        missing = self.path.endswith("0")
        self.send_response(404 if missing else 200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 4096  # the listen backlog, read when the socket starts listening
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client gone before the answer (a check past its deadline) is no error here


def serve(port_queue, delay=0.0, address="127.0.0.1"):
    Handler.delay = delay
    server = Server((address, 0), Handler)
    port_queue.put(server.server_port)
    server.serve_forever()


def run(urls, concurrency, base):
    from disclosure.checker import check_many

    jobs = ((n, f"{base}/oit/{n}", ["127.0.0.1"]) for n in range(urls))
    started, outcomes = time.perf_counter(), {}
    for _, result in check_many(jobs, concurrency=concurrency, timeout=10,
                                allowed_networks=("127.0.0.0/8",)):
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
    seconds = time.perf_counter() - started
    return {"urls": urls, "concurrency": concurrency, "seconds": round(seconds, 2),
            "urls_per_second": round(urls / seconds, 1), "outcomes": outcomes,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def record(orgs, base):
    """End to end: execute_run per organisation, each check written to the database."""
    from django.test.utils import override_settings

    from disclosure.models import DisclosureItem, EvidenceLink
    from disclosure.services import check_run_create, ensure_checklist
    from disclosure.tasks import execute_run
    from organizations.models import Organization

    sample = list(Organization.objects.order_by("pk")[:orgs])
    for org in sample:
        ensure_checklist(org, 2565)
        EvidenceLink.objects.bulk_create([
            EvidenceLink(item=item, url=f"{base}/oit/{org.pk}/{item.pk}")
            for item in DisclosureItem.objects.filter(organization=org,
                                                      oit_item__year__year=2565)])
    started = time.perf_counter()
    with override_settings(LINKCHECK_ALLOWED_NETWORKS=["127.0.0.0/8"]):
        checked = sum(execute_run(check_run_create(organization=org, year=2565)).done
                      for org in sample)
    seconds = time.perf_counter() - started
    return {"organizations": orgs, "urls": checked, "seconds": round(seconds, 2),
            "urls_per_second": round(checked / seconds, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def slow_websites(orgs, delay, job_concurrency, batch):
    """The nightly check as one worker runs it: organisations in batches (LINKCHECK_BATCH),
    each on its own website (127.0.x.y) answering after `delay` seconds, at most
    LINKCHECK_CONCURRENCY checks on one website and `job_concurrency` in flight."""
    from django.conf import settings
    from django.test.utils import override_settings

    from disclosure.models import CheckRun, DisclosureItem, EvidenceLink
    from disclosure.services import check_run_create, ensure_checklist
    from disclosure.tasks import execute_runs
    from organizations.models import Organization

    ports = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(ports, delay, ""), daemon=True)
    server.start()
    port = ports.get(timeout=10)
    sample = list(Organization.objects.order_by("pk")[:orgs])
    for k, org in enumerate(sample):
        ensure_checklist(org, 2565)
        host = f"127.0.{k // 250}.{k % 250 + 1}"
        EvidenceLink.objects.filter(item__organization=org).delete()
        EvidenceLink.objects.bulk_create([
            EvidenceLink(item=item, url=f"http://{host}:{port}/oit/{item.pk}")
            for item in DisclosureItem.objects.filter(organization=org,
                                                      oit_item__year__year=2565)])
    started = time.perf_counter()
    with override_settings(LINKCHECK_ALLOWED_NETWORKS=["127.0.0.0/8"],
                           LINKCHECK_JOB_CONCURRENCY=job_concurrency):
        runs = [check_run_create(organization=org, year=2565) for org in sample]
        for start in range(0, len(runs), batch):
            execute_runs(runs[start:start + batch])
    seconds = time.perf_counter() - started
    server.terminate()
    checked = sum(CheckRun.objects.filter(pk__in=[r.pk for r in runs]).values_list(
        "done", flat=True))
    rate = checked / seconds
    return {"organizations": orgs, "delay_s": delay, "per_website": settings.LINKCHECK_CONCURRENCY,
            "batch": batch, "job_concurrency": job_concurrency, "urls": checked,
            "seconds": round(seconds, 1), "urls_per_second_per_worker": round(rate, 1),
            "national_minutes_by_workers": {n: round(8300 * 43 / (rate * n) / 60, 1)
                                            for n in (1, 2, 4, 8)},
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, nargs="+", default=[2000, 8600])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 16, 32])
    parser.add_argument("--record-orgs", type=int, default=0,
                        help="also check N organisations' 43 links end to end, recorded in the DB")
    parser.add_argument("--slow-orgs", type=int, default=0,
                        help="the nightly check of N organisations on websites that answer "
                             "after --delay seconds, one worker")
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--job-concurrency", type=int, nargs="+", default=[128])
    parser.add_argument("--batch", type=int, nargs="+", default=[32],
                        help="organisations per job (LINKCHECK_BATCH), with --slow-orgs")
    args = parser.parse_args()
    from common import setup_django

    setup_django()
    if args.slow_orgs:
        print(json.dumps([slow_websites(args.slow_orgs, args.delay, c, b)
                          for b in args.batch for c in args.job_concurrency],
                         ensure_ascii=False, indent=2))
        return
    ports = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(ports,), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ports.get(timeout=10)}"
    results = [run(n, c, base) for c in args.concurrency for n in args.urls]
    recorded = record(args.record_orgs, base) if args.record_orgs else None
    server.terminate()
    national = 8300 * 43
    rate = (recorded or max(results, key=lambda r: r["urls_per_second"]))["urls_per_second"]
    print(json.dumps({"runs": results, "recorded": recorded, "national_urls": national,
                      "national_minutes": round(national / rate / 60, 1)},
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
