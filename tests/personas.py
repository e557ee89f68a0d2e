"""The people every view is tried with (healthchecks' alice/bob/charlie, for a municipality).

owner: staff of กองคลัง (the owning department); other_staff: staff of สำนักปลัด;
committee; org_admin; outsider: admin of another municipality; overseer: reads one province.
"""

import pytest

from indicators.criteria_loader import load_all
from indicators.models import AssessmentYear
from organizations.models import Department, Organization, Position, Role, User

PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def criteria(db):
    if not AssessmentYear.objects.exists():
        load_all()


def make_org(slug, name, province="ขอนแก่น"):
    org = Organization.objects.create(slug=slug, name_th=name, kind="subdistrict_municipality",
                                      province=province, website_domains=f"{slug}.go.th")
    finance = Department.objects.create(organization=org, name_th="กองคลัง")
    office = Department.objects.create(organization=org, name_th="สำนักปลัด")
    Position.objects.create(organization=org, department=finance, name_th="เจ้าหน้าที่พัสดุ")
    Position.objects.create(organization=org, department=office, name_th="นักวิชาการคอมพิวเตอร์")
    return org


def make_user(username, org, role, department=None, position=None, **extra):
    user = User(username=username, organization=org, role=role, first_name=username, **extra)
    if department:
        user.department = Department.objects.get(organization=org, name_th=department)
    if position:
        user.position = Position.objects.get(organization=org, name_th=position)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def org(db):
    return make_org("tambon-a", "เทศบาลตำบลทดสอบเอ")


@pytest.fixture
def other_org(db):
    return make_org("tambon-b", "เทศบาลตำบลทดสอบบี", province="สกลนคร")


@pytest.fixture
def owner(org):
    return make_user("owner", org, Role.STAFF, "กองคลัง", "เจ้าหน้าที่พัสดุ")


@pytest.fixture
def other_staff(org):
    return make_user("other_staff", org, Role.STAFF, "สำนักปลัด", "นักวิชาการคอมพิวเตอร์")


@pytest.fixture
def committee(org):
    return make_user("committee", org, Role.COMMITTEE)


@pytest.fixture
def org_admin(org):
    return make_user("org_admin", org, Role.ADMIN)


@pytest.fixture
def outsider(other_org):
    return make_user("outsider", other_org, Role.ADMIN)


@pytest.fixture
def overseer(db):
    return make_user("overseer", None, Role.OVERSEER, oversight_province="ขอนแก่น")


@pytest.fixture
def personas(owner, other_staff, committee, org_admin, outsider):
    """Every signed-in member persona by name (anonymous is simply no login)."""
    return {"owner": owner, "other_staff": other_staff, "committee": committee,
            "org_admin": org_admin, "outsider": outsider}
