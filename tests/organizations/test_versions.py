"""The organisation's data version: raised with every change of its data, once per savepoint,
never lowered by a save of an organisation read earlier; the criteria raise every version."""

import pytest
from django.db import transaction

from organizations import versions
from organizations.models import Department, Organization, User
from tests.personas import make_org

pytestmark = pytest.mark.django_db


def version(org):
    return Organization.objects.values_list("data_version", flat=True).get(pk=org.pk)


def test_a_change_raises_its_organisation_only(org, other_org):
    before, other = version(org), version(other_org)
    Department.objects.create(organization=org, name_th="กองช่าง")
    assert version(org) == before + 1 and version(other_org) == other


def test_many_changes_in_one_atomic_block_raise_it_once(org):
    before = version(org)
    with transaction.atomic():
        for name in ("กองช่าง", "กองการศึกษา", "กองสาธารณสุข"):
            Department.objects.create(organization=org, name_th=name)
    assert version(org) == before + 1
    with transaction.atomic():  # the next block raises it again
        Department.objects.create(organization=org, name_th="กองสวัสดิการสังคม")
    assert version(org) == before + 2


def test_a_rolled_back_block_does_not_hide_the_next_change(org):
    before = version(org)
    with pytest.raises(RuntimeError), transaction.atomic():
        Department.objects.create(organization=org, name_th="กองช่าง")
        raise RuntimeError
    assert version(org) == before  # rolled back with the change
    Department.objects.create(organization=org, name_th="กองช่าง")
    assert version(org) == before + 1


def test_saving_an_organisation_read_earlier_never_lowers_its_version(org):
    stale = Organization.objects.get(pk=org.pk)
    Department.objects.create(organization=org, name_th="กองช่าง")
    raised = version(org)
    stale.name_th = "เทศบาลตำบลใหม่"
    stale.save()  # its own change raises it; the old value read earlier is not written back
    assert version(org) == raised + 1
    assert Organization.objects.get(pk=org.pk).name_th == "เทศบาลตำบลใหม่"


def test_signing_in_changes_nothing_anyone_reads(org, owner):
    before = version(org)
    owner.last_login = owner.date_joined
    owner.save(update_fields=["last_login"])
    assert version(org) == before
    User.objects.get(pk=owner.pk).save()  # any other change of a member does
    assert version(org) == before + 1


def test_a_criteria_change_raises_every_organisation(criteria, org):
    from indicators.models import AssessmentYear

    second = make_org("tambon-b", "เทศบาลตำบลบี")
    before = {o.pk: version(o) for o in (org, second)}
    year = AssessmentYear.objects.get(year=2566)
    year.target_score = 90
    year.save()
    assert {o.pk: version(o) for o in (org, second)} == {k: v + 1 for k, v in before.items()}


def test_touch_everyone_and_nobody(org, other_org):
    before = version(org), version(other_org)
    versions.touch(None)  # no organisation: nothing
    assert (version(org), version(other_org)) == before
    versions.touch(versions.EVERYONE)
    assert (version(org), version(other_org)) == (before[0] + 1, before[1] + 1)


def test_a_provinces_changes_move_with_its_organisations_only(org):
    here = org.province
    north = make_org("tambon-cm", "เทศบาลตำบลเชียงใหม่", province="เชียงใหม่")
    before = versions.province_changes(here), versions.province_changes("เชียงใหม่")
    country = versions.province_changes()
    Department.objects.create(organization=north, name_th="กองช่าง")
    assert versions.province_changes(here) == before[0]
    assert versions.province_changes("เชียงใหม่") > before[1]
    assert versions.province_changes() > country


def test_moving_adding_and_removing_an_organisation_move_its_provinces(org):
    here, there = org.province, "เชียงใหม่"
    counts = lambda: (versions.province_changes(here), versions.province_changes(there))  # noqa: E731
    before = counts()
    org.province = there
    org.save()  # leaves one province, joins the other
    moved = counts()
    assert moved[0] > before[0] and moved[1] > before[1]
    added = make_org("tambon-new", "เทศบาลตำบลใหม่", province=here)
    assert counts()[0] > moved[0]
    before = counts()
    Organization.objects.filter(pk=added.pk).delete()
    assert counts()[0] > before[0] and counts()[1] == before[1]
    assert versions.province_changes("ไม่มีจังหวัดนี้") == 0


@pytest.mark.django_db(transaction=True)
def test_province_changes_count_at_commit_and_never_hold_up_the_province():
    """A long transaction of one agency (an import) does not make another agency of its
    province wait: the province's row is written only when a transaction commits."""
    import threading

    from django.db import connection

    first = make_org("tambon-a", "เทศบาลตำบลเอ")
    second = make_org("tambon-b", "เทศบาลตำบลบี")
    before = versions.province_changes(first.province)
    outcome = {}

    def meanwhile():  # another agency of the province, on its own connection
        from django.db import connections

        try:
            with connections["default"].cursor() as cursor:
                if connections["default"].vendor == "postgresql":
                    cursor.execute("SET lock_timeout = '3s'")
            Department.objects.create(organization=second, name_th="กองช่าง")
            outcome["saved"] = True
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            outcome["error"] = error
        finally:
            connections["default"].close()

    with transaction.atomic():
        Department.objects.create(organization=first, name_th="กองช่าง")
        if connection.vendor == "postgresql":  # SQLite writes one transaction at a time
            thread = threading.Thread(target=meanwhile)
            thread.start()
            thread.join(10)
            assert outcome == {"saved": True}
            assert versions.province_changes(first.province) == before + 1  # theirs, not ours
    assert versions.province_changes(first.province) > before + (
        1 if connection.vendor == "postgresql" else 0)


@pytest.mark.django_db
def test_the_countrys_count_can_be_read_from_an_index_alone():
    """A publication to every organisation leaves thousands of row versions in the table of
    province counts; the country's sum must not have to read the pages they filled."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a covering index is PostgreSQL's (migration organizations/0006)")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN SELECT COALESCE(SUM(changes), 0) "
                       "FROM organizations_provinceversion")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using organizations_pv_changes" in plan, plan
