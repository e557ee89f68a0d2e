"""Load a demo organisation from fixtures/demo/*.json (idempotent: matched on natural keys)."""

import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from demo.measures import load_issues, load_measures
from demo.present import load_present
from indicators.criteria_loader import LoadReport, upsert
from indicators.models import AssessmentYear, Indicator, IndicatorScore, Recommendation, Tool
from organizations.models import Department, Organization, Position, User
from reports.models import Committee

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "arun_nikhom.json"
DEMO_PASSWORD = "ita-portal-demo"


def read_demo(path=DEMO_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@transaction.atomic
def load_demo(path=DEMO_FILE, password=DEMO_PASSWORD):
    spec, report = read_demo(path), LoadReport()
    org = upsert(Organization, {"slug": spec["organization"]["slug"]},
                 {k: v for k, v in spec["organization"].items() if k != "slug"}, report)
    load_structure(org, spec["departments"], report)
    users = load_users(org, spec["users"], password, report)
    load_scores(org, spec["scores"], report)
    load_recommendations(org, spec["recommendations"], report)
    report.unmatched_owners = (load_issues(org, spec.get("issues", []), report)
                               + load_measures(org, spec.get("measures", []), report))
    for order, committee in enumerate(spec.get("committees", [])):
        upsert(Committee, {"organization": org, "name_th": committee["name_th"]},
               {"order": order}, report)
    admin = next(u for u in users if u.role == "admin")
    load_present(org, admin, report)
    return org, users, report


def load_structure(org, departments, report):
    for order, dept in enumerate(departments):
        department = upsert(Department, {"organization": org, "name_th": dept["name_th"]},
                            {"aliases": dept.get("aliases", ""), "order": order}, report)
        for pos in dept.get("positions", []):
            upsert(Position, {"organization": org, "name_th": pos["name_th"]},
                   {"department": department, "aliases": pos.get("aliases", ""),
                    "heads_department": pos.get("heads_department", False)}, report)


def load_users(org, users, password, report):
    loaded = []
    for spec in users:
        superuser = spec.get("superuser", False)
        user = upsert(User, {"username": spec["username"]}, {
            "first_name": spec.get("first_name", ""), "last_name": spec.get("last_name", ""),
            "role": spec["role"], "organization": None if superuser else org,
            "department": _named(Department, org, spec.get("department")),
            "position": _named(Position, org, spec.get("position")),
            "is_superuser": superuser, "is_staff": superuser, "email": spec.get("email", ""),
            "is_committee_chair": spec.get("committee_chair", False),
        }, report)
        if not user.has_usable_password() or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        loaded.append(user)
    return loaded


def _named(model, org, name):
    return model.objects.get(organization=org, name_th=name) if name else None


def load_scores(org, scores, report):
    for s in scores:
        indicator = Indicator.objects.get(year__year=s["year"], number=s["indicator"])
        upsert(IndicatorScore, {"organization": org, "indicator": indicator},
               {"score": Decimal(s["score"]), "source": s.get("source", "เอกสาร O42 ของหน่วยงาน")},
               report)


def load_recommendations(org, recommendations, report):
    for order, rec in enumerate(recommendations):
        year = AssessmentYear.objects.get(year=rec["year"])
        tool = Tool.objects.get(year=year, code=rec["tool"]) if rec.get("tool") else None
        upsert(Recommendation, {"organization": org, "year": year, "order": order},
               {"tool": tool, "text": rec["text"]}, report)
