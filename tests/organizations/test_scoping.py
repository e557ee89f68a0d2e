import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from indicators.models import IndicatorScore
from organizations.models import Department
from organizations.scoping import can_see_organization, scope_to_user, visible_organizations
from tests.personas import make_org, make_user

pytestmark = pytest.mark.django_db


def names(qs):
    return sorted(o.slug for o in qs)


def test_members_see_only_their_organisation(personas, org, other_org):
    for name in ("owner", "other_staff", "committee", "org_admin"):
        assert names(visible_organizations(personas[name])) == ["tambon-a"]
    assert names(visible_organizations(personas["outsider"])) == ["tambon-b"]
    assert not can_see_organization(personas["owner"], other_org)


def test_anonymous_and_unattached_users_see_nothing(org):
    assert not visible_organizations(AnonymousUser()).exists()
    lost = make_user("lost", None, "staff")
    assert not visible_organizations(lost).exists()
    assert not scope_to_user(Department.objects.all(), lost).exists()


def test_overseer_sees_the_organisations_of_their_province(overseer, org, other_org):
    make_org("tambon-c", "เทศบาลตำบลทดสอบซี", province="ขอนแก่น")
    assert names(visible_organizations(overseer)) == ["tambon-a", "tambon-c"]
    overseer.oversight_province = ""
    assert names(visible_organizations(overseer)) == ["tambon-a", "tambon-b", "tambon-c"]


def test_scope_to_user_filters_any_queryset_with_an_organisation(criteria, owner, outsider, org,
                                                                  other_org, overseer):
    from indicators.models import Indicator
    ind = Indicator.objects.get(year__year=2565, number=1)
    IndicatorScore.objects.create(organization=org, indicator=ind, score=90)
    IndicatorScore.objects.create(organization=other_org, indicator=ind, score=70)
    assert [s.score for s in scope_to_user(IndicatorScore.objects.all(), owner)] == [90]
    assert [s.score for s in scope_to_user(IndicatorScore.objects.all(), outsider)] == [70]
    assert [s.score for s in scope_to_user(IndicatorScore.objects.all(), overseer)] == [90]


def test_a_user_cannot_hold_another_organisations_department(org, other_org):
    user = make_user("mixed", org, "staff")
    user.department = Department.objects.get(organization=other_org, name_th="กองคลัง")
    with pytest.raises(ValidationError):
        user.full_clean()
