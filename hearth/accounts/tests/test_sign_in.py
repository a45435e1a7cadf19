import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from hearth.accounts.models import User
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_page_needs_a_signed_in_user(client):
    response = client.get(reverse("people:search"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_staff_sign_in_and_see_their_name_and_team(client, personas):
    personas.sw_alice.set_password("a-long-test-password")
    personas.sw_alice.save()
    response = client.post(reverse("login"), {"username": "sw_alice",
                                              "password": "a-long-test-password"}, follow=True)
    page = response.content.decode()
    assert personas.sw_alice.get_full_name() in page and str(personas.sw_alice.team) in page
    assert AuditEvent.objects.filter(event_code="USER_SIGNED_IN", actor=personas.sw_alice).exists()


def test_a_failed_sign_in_is_audited_and_explained(client, personas):
    response = client.post(reverse("login"), {"username": "sw_alice", "password": "wrong"})
    assert "Enter a correct username and password" in response.content.decode()
    assert AuditEvent.objects.filter(event_code="SIGN_IN_FAILED").exists()


def test_the_superuser_flag_grants_nothing(personas):
    user = User.objects.create_user(username="root_like", password=None, role="social_worker",
                                    is_superuser=True)
    assert not user.has_perm("core.view_audit_trail")
    assert user.has_perm("people.view_child")


def test_a_session_ends_after_inactivity(client, personas, settings):
    settings.HEARTH_SESSION_IDLE_MINUTES = 30
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(personas.sw_alice)
        assert client.get(reverse("home")).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        assert client.get(reverse("home")).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=60), tick=False):
        response = client.get(reverse("home"))
        assert response.status_code == 302 and "/sign-in/" in response["Location"]
    assert AuditEvent.objects.filter(event_code="SESSION_EXPIRED").exists()


def test_passwords_are_hashed_with_argon2(settings):
    from django.contrib.auth.hashers import make_password

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    assert make_password("a-long-test-password").startswith("argon2")
