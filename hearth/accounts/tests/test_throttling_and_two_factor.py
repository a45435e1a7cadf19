"""Sign-in throttling (django-axes) and two-factor authentication with an authenticator app."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
START = dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC)


@pytest.fixture
def alice(personas):
    personas.sw_alice.set_password(PASSWORD)
    personas.sw_alice.save()
    return personas.sw_alice


def sign_in(client, password=PASSWORD, address="10.0.0.1", **extra):
    return client.post(reverse("login"), {"username": "sw_alice", "password": password,
                                          **extra}, REMOTE_ADDR=address)


def current_code(device) -> str:
    """The code the app shows now (under time_machine, at the travelled time)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


# ---- Throttling ----------------------------------------------------------------------------


def test_five_wrong_passwords_lock_that_username_from_that_address(client, alice):
    with time_machine.travel(START, tick=False):
        answers = [sign_in(client, "wrong").status_code for _ in range(5)]
        locked = sign_in(client)

    assert answers[:4] == [200] * 4  # the form again, with its error
    assert answers[4] == 429 and locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "Wait 15 minutes" in locked.content.decode()
    assert AuditEvent.objects.filter(event_code="SIGN_IN_FAILED").count() >= 5


def test_another_address_is_not_locked_and_the_lock_ends(client, alice):
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            sign_in(client, "wrong")
        assert sign_in(client, address="10.0.0.2").status_code == 302
    client.logout()
    with time_machine.travel(START + dt.timedelta(minutes=16), tick=False):
        assert sign_in(client).status_code == 302


def test_a_right_password_clears_the_count(client, alice):
    with time_machine.travel(START, tick=False):
        for _ in range(4):
            sign_in(client, "wrong")
        assert sign_in(client).status_code == 302
        client.logout()
        for _ in range(4):
            sign_in(client, "wrong")
        assert sign_in(client).status_code == 302


# ---- Two-factor authentication -------------------------------------------------------------


@pytest.fixture
def two_factor_on(settings):
    settings.HEARTH_REQUIRE_2FA = True


def test_first_sign_in_sets_up_an_app_then_reaches_the_page_asked_for(client, alice,
                                                                       two_factor_on):
    search = reverse("people:search")
    with time_machine.travel(START, tick=False):
        sign_in(client)
        asked = client.get(search)
        setup = client.get(asked["Location"])
        device = TOTPDevice.objects.get(user=alice, confirmed=False)
        wrong = client.post(asked["Location"], {"code": "000000", "next": search})
    with time_machine.travel(START + dt.timedelta(seconds=2), tick=False):  # after the delay
        right = client.post(asked["Location"], {"code": current_code(device), "next": search})
        after = client.get(search)

    assert asked.status_code == 302 and asked["Location"].startswith(reverse("two_factor_setup"))
    page = setup.content.decode()
    assert '<svg role="img" aria-label="QR code to scan' in page and "hearth-secret-key" in page
    assert "The code is not right" in wrong.content.decode()
    assert right.status_code == 302 and right["Location"] == search
    assert after.status_code == 200
    assert TOTPDevice.objects.get(user=alice).confirmed
    codes = list(AuditEvent.objects.filter(actor=alice, event_code__startswith="TWO_FACTOR")
                 .values_list("event_code", flat=True))
    assert sorted(codes) == ["TWO_FACTOR_ENROLLED", "TWO_FACTOR_FAILED"]


def test_every_sign_in_asks_for_a_code_and_a_used_code_is_refused(client, alice,
                                                                  two_factor_on):
    device = TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    verify = reverse("two_factor_verify")
    with time_machine.travel(START, tick=False):
        sign_in(client)
        assert client.get(reverse("home"))["Location"].startswith(verify)
        code = current_code(device)
        assert client.post(verify, {"code": code}).status_code == 302
        client.post(reverse("logout"))
        sign_in(client)
        replayed = client.post(verify, {"code": code})
        assert "has been used already" in replayed.content.decode()
        assert client.get(reverse("home")).status_code == 302
    with time_machine.travel(START + dt.timedelta(seconds=30), tick=False):
        assert client.post(verify, {"code": current_code(device)}).status_code == 302
        assert client.get(reverse("home")).status_code == 200


def test_wrong_codes_slow_down_guessing(client, alice, two_factor_on):
    device = TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    verify = reverse("two_factor_verify")
    with time_machine.travel(START, tick=False):
        sign_in(client)
        client.post(verify, {"code": "000000"})
        at_once = client.post(verify, {"code": current_code(device)})

    assert "too many wrong codes" in at_once.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_a_code_must_be_six_digits(client, alice, two_factor_on):
    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    sign_in(client)

    page = client.post(reverse("two_factor_verify"), {"code": "12ab56"}).content.decode()

    assert "enter numbers only" in page and 'class="govuk-error-summary"' in page


def test_without_a_code_the_api_answers_403_to_the_session(client, alice, two_factor_on):
    sign_in(client)

    response = client.get("/api/v1/people/")

    assert response.status_code == 403 and "two-factor" in response.json()["detail"]


def test_an_api_token_needs_the_current_code(alice, two_factor_on, settings):
    device = TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    url = reverse("api:token")
    with time_machine.travel(START, tick=False):
        without = APIClient().post(url, {"username": "sw_alice", "password": PASSWORD},
                                   format="json")
        with_code = APIClient().post(url, {"username": "sw_alice", "password": PASSWORD,
                                           "otp_token": current_code(device)}, format="json")

    assert without.status_code == 400 and "otp_token" in without.json()
    assert with_code.status_code == 200 and with_code.json()["token"]


def test_an_administrator_resets_a_lost_app(alice, two_factor_on):
    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)

    call_command("reset_two_factor", "sw_alice")

    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert AuditEvent.objects.filter(event_code="TWO_FACTOR_RESET", system_job="reset_two_factor",
                                     target_id=str(alice.pk)).exists()
