"""The issues page of a year with issues writes its scores, years and measure numbers in Thai
digits, like the rest of the portal (the one-digit-system test only opens the year in progress,
which has none)."""

import pytest
from django.urls import reverse

from demo.loader import load_demo
from organizations.models import User
from tests.reports.test_one_digit_system import arabic_numbers


@pytest.mark.django_db
def test_issues_of_a_past_year_use_thai_digits(client, criteria):
    load_demo()
    client.force_login(User.objects.get(username="committee"))
    body = client.get(reverse("issue-list") + "?year=2565").content.decode()
    assert "คะแนน ๗๔.๑๕ (ปี ๒๕๖๔)" in body and "มาตรการที่ ๑</a>" in body
    assert arabic_numbers(body) == []
