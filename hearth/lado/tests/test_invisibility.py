"""The LADO area is invisible to everyone outside the LADO team, whatever their role: every
page and record is a 404 (never a 403, which would say something is there), a POST changes
nothing, their My work, navigation and the child's record say nothing about an allegation.
Only the LADO team sees it; a member whose membership ends, or whose role changes to one that
may not hold the permission, is outside again."""

import pytest
from django.test import Client
from django.urls import reverse

from hearth.accounts.roles import Role
from hearth.lado import access, services
from hearth.lado.models import Allegation, AllegationMeeting
from hearth.lado.tests.factories import SUBJECT, allegation_for, considered

pytestmark = pytest.mark.django_db
OUTSIDERS = ("sw_alice", "tm_bob", "sw_charlie", "sm_sara", "iro_erin", "bs_ben",
             "analyst_dana", "admin_sam")


def lado_urls(allegation) -> list[str]:
    pk = allegation.pk
    return [reverse("lado:allegations"), reverse("lado:allegations") + "?overdue=on",
            reverse("lado:record_allegation"), reverse("lado:report"),
            *[reverse(f"lado:{name}", args=[pk]) for name in (
                "allegation", "change_allegation", "record_consideration", "record_meeting",
                "record_outcome", "close_allegation")],
            reverse("lado:allegation", args=[pk + 1000])]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def allegation(officer, child):
    return allegation_for(officer, children=[child])


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_lado_page_is_a_404_for_someone_outside_the_team(personas, allegation, persona):
    client = client_for(getattr(personas, persona))
    for url in lado_urls(allegation):
        response = client.get(url)
        assert response.status_code == 404, f"{persona} GET {url}: {response.status_code}"
        assert SUBJECT not in response.text


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_a_post_from_outside_the_team_is_a_404_and_changes_nothing(personas, allegation,
                                                                   persona):
    client = client_for(getattr(personas, persona))
    for name in ("record_consideration", "record_meeting", "record_outcome"):
        response = client.post(reverse(f"lado:{name}", args=[allegation.pk]), {
            "considered_on_day": 1, "considered_on_month": 6, "considered_on_year": 2026,
            "threshold": "not_met", "police_involved": "no", "consideration_notes": "x",
            "kind": "review", "held_on_day": 1, "held_on_month": 6, "held_on_year": 2026,
            "attendees": "x", "decisions": "x", "outcome": "false"})
        assert response.status_code == 404
    assert client.post(reverse("lado:record_allegation"), {}).status_code == 404
    allegation.refresh_from_db()
    assert allegation.considered_on is None and allegation.outcome == ""
    assert Allegation.objects.count() == 1 and not AllegationMeeting.objects.exists()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_see_nothing_of_it_elsewhere(personas, allegation, child, persona):
    """Not on their home page or navigation, their My work, or the child's record and
    chronology."""
    user = getattr(personas, persona)
    client = client_for(user)
    pages = [reverse("home"), reverse("people:person", args=[child.uuid]),
             reverse("people:person_chronology", args=[child.uuid])]
    if user.has_perm("cases.view_my_work"):
        pages.append(reverse("work:mine"))
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 403, 404)
        text = response.text
        assert allegation.reference not in text and SUBJECT not in text, url
        assert f'href="{reverse("lado:allegations")}"' not in text, url  # no LADO link
        assert "Allegation" not in text, url


def test_the_service_manager_outside_the_team_sees_the_team_not_the_allegations(
        personas, allegation, officer):
    client = client_for(personas.sm_sara)
    page = client.get(reverse("lado:team")).text
    assert "Lena Lowry" in page and SUBJECT not in page and allegation.reference not in page
    assert client.get(reverse("lado:allegation", args=[allegation.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["sw_alice", "tm_bob", "iro_erin", "bs_ben",
                                     "analyst_dana", "admin_sam"])
def test_only_service_managers_open_the_team_page(personas, persona):
    assert client_for(getattr(personas, persona)).get(
        reverse("lado:team")).status_code == 403


def test_the_lado_officer_sees_the_area(personas, officer, allegation, child):
    client = client_for(officer)
    assert SUBJECT in client.get(reverse("lado:allegations")).text
    page = client.get(reverse("lado:allegation", args=[allegation.pk])).text
    assert SUBJECT in page and child.full_name in page
    assert f'href="{reverse("lado:allegations")}"' in client.get(reverse("home")).text
    # Still nothing on the child's own record, even for the LADO.
    record = client.get(reverse("people:person", args=[child.uuid])).text
    assert allegation.reference not in record and SUBJECT not in record


def test_an_ended_membership_closes_the_area(personas, officer, allegation):
    services.member_end(member=officer.lado_memberships.get(), actor=personas.sm_sara)
    client = client_for(officer)
    assert client.get(reverse("lado:allegation", args=[allegation.pk])).status_code == 404
    assert client.get(reverse("lado:allegations")).status_code == 404


def test_a_member_whose_role_changes_to_administrator_is_outside(officer, allegation):
    officer.role = Role.SYSTEM_ADMINISTRATOR
    officer.save()
    access.forget_membership(officer)
    assert not access.is_lado_member(officer)
    assert client_for(officer).get(
        reverse("lado:allegation", args=[allegation.pk])).status_code == 404


def test_overdue_initial_considerations_are_on_the_officers_my_work_only(
        personas, officer, child, traveller):
    import datetime as dt

    overdue = allegation_for(officer, received_on=dt.date(2026, 5, 27), children=[child])
    done = allegation_for(officer, received_on=dt.date(2026, 5, 27))
    considered(done, officer, on=dt.date(2026, 5, 28))
    page = client_for(officer).get(reverse("work:mine")).text
    assert f"{overdue.reference}: initial consideration" in page
    assert done.reference not in page
    assert SUBJECT not in page  # the reference, never the name
    for persona in ("sw_alice", "tm_bob", "sm_sara", "iro_erin"):
        other = client_for(getattr(personas, persona)).get(reverse("work:mine")).text
        assert overdue.reference not in other
