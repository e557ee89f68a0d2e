"""Server-side latency (p50/p95) and query count of pages, in-process through Django's test
client against the database in DATABASE_URL.

    python bench/pages.py --requests 200
"""

import argparse
import json
import random
import statistics
import time

from common import setup_django


def measure(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], set()
    for i in range(requests + 5):
        connection.queries_log.clear()  # the log keeps 9,000 entries; counts need a fresh one
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url(i) if callable(url) else url, secure=True)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if i >= 5:  # warm-up requests are not counted
            timings.append(elapsed)
            queries.add(len(ctx.captured_queries))
    timings.sort()
    return {"requests": requests, "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
            "max_ms": round(timings[-1], 1), "queries": sorted(queries)}


def signed_in_with_two_factor(client, user):
    """Mark the client's session as verified with a TOTP device, as django_otp.login does."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench",
                                                 defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def scenarios(requests):
    from django.test import Client

    from organizations.models import Organization, User

    rng = random.Random(1)
    slugs = list(Organization.objects.values_list("slug", flat=True))
    staff = Client()
    staff.force_login(User.objects.filter(role="staff").order_by("?").first())
    superuser, _ = User.objects.get_or_create(username="bench-superuser",
                                              defaults={"is_staff": True, "is_superuser": True})
    admin = Client()
    admin.force_login(superuser)
    signed_in_with_two_factor(admin, superuser)  # platform staff must use two-factor
    overseer, _ = User.objects.get_or_create(username="bench-overseer",
                                             defaults={"role": "overseer"})
    national = Client()
    national.force_login(overseer)
    provinces = sorted(set(Organization.objects.values_list("province", flat=True)) - {""})
    finance = Client()
    finance_user = User.objects.filter(role="staff", department__name_th="กองคลัง").first()
    finance.force_login(finance_user)
    from disclosure.services import ensure_checklist
    from indicators.models import AssessmentYear
    from measures.models import Measure
    ensure_checklist(finance_user.organization, AssessmentYear.objects.latest("year").year)
    org_measures = list(Measure.objects.filter(organization_id=finance_user.organization_id)
                        .values_list("pk", flat=True))
    return {
        "measures list (staff, 50 measures, page 1)": measure(finance, "/measures/", requests),
        "measures list filtered (status + text)": measure(
            finance, "/measures/?status=in_progress&q=โปร่งใส", requests),
        "my measures (staff of กองคลัง)": measure(finance, "/measures/mine/", requests),
        "measure detail": measure(
            finance, lambda i: f"/measures/{org_measures[i % len(org_measures)]}/", requests),
        "home (staff, 5 years of scores)": measure(staff, "/", requests),
        "committee dashboard (50 measures, 5 years, OIT checklist)": measure(
            finance, "/dashboard/", requests),
        "committee dashboard, meeting mode": measure(finance, "/dashboard/?meeting=1",
                                                     requests),
        "admin organisation list (8,300 rows, page 1)": measure(
            admin, "/admin/organizations/organization/", requests),
        "admin organisation search": measure(
            admin, lambda i: f"/admin/organizations/organization/?q={rng.randint(0, 8299)}",
            requests),
        "overseer table (whole country, page 1 of 166)": measure(national, "/", requests),
        "overseer table sorted by measures overdue": measure(national, "/?sort=overdue",
                                                             requests),
        "overseer table of one province, by last activity": measure(
            national, lambda i: f"/?province={rng.choice(provinces)}&sort=activity", requests),
        "organisation results (overseer, random org)": measure(
            national, lambda i: f"/o/{rng.choice(slugs)}/results/", requests),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    from organizations.models import Organization

    results = {"database": connection.vendor,
               "organizations": Organization.objects.count(),
               "pages": scenarios(args.requests)}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
