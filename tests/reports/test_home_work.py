"""The staff home page links to the person's own work with counts: measures overdue, due soon,
waiting for an update, and OIT items they own that are not yet disclosed."""

import pytest
from django.urls import reverse

from disclosure.models import DisclosureItem
from disclosure.services import ensure_checklist
from tests.measures.conftest import make_measure

pytestmark = pytest.mark.django_db


def test_staff_home_counts_their_own_work(client, criteria, org, owner, other_staff):
    make_measure(org, 1, end_offset=-3)  # กองคลัง: owner's department, overdue
    make_measure(org, 2, end_offset=5)   # due within the window
    make_measure(org, 3, department="สำนักปลัด", end_offset=-3)  # not theirs
    ensure_checklist(org, 2570)
    DisclosureItem.objects.filter(organization=org, oit_item__code__in=["O1", "O2"]).update(
        owner_department=owner.department)
    client.force_login(owner)
    body = client.get(reverse("home")).content.decode()
    assert "งานของฉัน" in body
    assert "<strong class=\"bad\">๑</strong> มาตรการเลยกำหนด" in body
    assert "<strong>๑</strong> มาตรการครบกำหนดภายใน ๑๔ วัน" in body
    assert "<strong>๒</strong> ข้อ OIT ที่ท่านรับผิดชอบ" in body
    assert reverse("checklist", args=[2570]) in body


@pytest.mark.parametrize("name", ["committee"])
def test_readers_have_no_work_links(client, personas, org, name):
    client.force_login(personas[name])
    assert "งานของฉัน" not in client.get(reverse("home")).content.decode()
