"""A page with a form sends the CSRF cookie only when the browser does not hold that very
cookie (its first page, after signing in, after the cookie changed): Django re-sends it on
every such page to renew its year's expiry, which a session of eight idle hours never needs.
Forms keep working, shared caches still key on the cookie, signing in still rotates it."""

import re

import pytest
from django.conf import settings
from django.middleware.csrf import _mask_cipher_secret
from django.test import Client
from django.urls import reverse

from measures.models import MeasureStep
from tests.measures.conftest import make_measure
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db
NAME = settings.CSRF_COOKIE_NAME


def _token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"',
                     response.content.decode()).group(1)


def _vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_a_browser_holding_the_cookie_is_not_sent_it_again(owner, org):
    measure = make_measure(org, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    page = reverse("measure-detail", args=[measure.pk])
    first = client.get(page)
    assert NAME in first.cookies  # the first page with a form leaves it
    held = client.cookies[NAME].value
    again = client.get(page)
    assert again.status_code == 200 and NAME not in again.cookies
    assert "cookie" in _vary(again)  # a shared cache still keeps pages apart per cookie
    assert client.cookies[NAME].value == held
    step = MeasureStep.objects.filter(measure=measure).first()
    done = client.post(reverse("measure-step", args=[measure.pk, step.pk]),
                       {"done": "1", "csrfmiddlewaretoken": _token(again)})
    assert done.status_code == 302  # the page's token matches the cookie the browser kept
    step.refresh_from_db()
    assert step.is_done


def test_signing_in_still_sends_a_new_cookie_which_is_then_kept(owner, org):
    measure = make_measure(org, 1)
    client = Client(enforce_csrf_checks=True)
    form = client.get(reverse("login"))  # Django's sign-in view sends it itself, every time
    before = client.cookies[NAME].value
    signed_in = client.post(reverse("login"), {"username": "owner", "password": PASSWORD,
                                               "csrfmiddlewaretoken": _token(form)})
    assert signed_in.status_code == 302
    assert NAME in signed_in.cookies and signed_in.cookies[NAME].value != before
    page = client.get(reverse("measure-detail", args=[measure.pk]))
    assert page.status_code == 200 and NAME not in page.cookies


def test_a_cookie_in_the_old_masked_form_is_replaced(owner, org):
    measure = make_measure(org, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    secret = "s" * 32
    client.cookies[NAME] = _mask_cipher_secret(secret)  # as Django before 4.1 stored it
    response = client.get(reverse("measure-detail", args=[measure.pk]))
    assert response.cookies[NAME].value == secret
