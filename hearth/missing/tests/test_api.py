"""Missing episodes over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.cases.models import StatutoryTask
from hearth.core.models import AuditEvent
from hearth.missing.models import MissingEpisode
from hearth.missing.tests.factories import episode_for, london
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(child, *rest) -> str:
    tail = "".join(f"{part}/" for part in rest)
    return f"/api/v1/people/{child.uuid}/missing-episodes/{tail}"


def test_it_records_an_episode_its_return_an_offer_and_the_interview(personas, child):
    alice = api_as(personas.sw_alice)

    created = alice.post(url(child), {
        "missing_or_away": "M", "started_at": "2026-05-30T21:00:00+01:00",
        "reported_to_police": True, "police_reference": "WMP-9", "risks": ["cce"]}, format="json")
    episode_id = created.json()["id"]
    returned = alice.post(url(child, episode_id, "return"), {
        "returned_at": "2026-05-31T08:00:00", "found_at_place": "Home"}, format="json")
    offered = alice.post(url(child, episode_id, "interview-offers"), {
        "offered_at": "2026-05-31T10:00:00+01:00", "accepted": True}, format="json")
    interviewed = alice.post(url(child, episode_id, "interview"), {
        "outcome": "held", "held_at": "2026-06-01T09:00:00+01:00",
        "conducted_by": "Missing Service", "independent": True}, format="json")
    listed = alice.get(url(child))

    assert [created.status_code, returned.status_code, offered.status_code,
            interviewed.status_code, listed.status_code] == [201, 200, 201, 201, 200]
    assert created.json()["interview_status"] == {"code": "not_returned",
                                                  "label": "Not returned yet"}
    # A time without an offset is London time: 08:00 BST, due 72 hours later.
    assert returned.json()["interview_due_at"] == "2026-06-03T08:00:00+01:00"
    [episode] = listed.json()
    assert episode["missing_or_away"] == {"code": "M", "label": "Missing"}
    assert episode["interview"]["within_72_hours"] is True
    assert episode["interview_status"]["code"] == "held_in_time"
    assert [o["accepted"] for o in episode["offers"]] == [True]
    assert StatutoryTask.objects.get().closed_on == dt.date(2026, 6, 1)
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="PERSON_EXPORTED",
                                     detail__how="api missing episodes").count() == 1


def test_broken_rules_are_400s_with_the_services_message(personas, child):
    alice = api_as(personas.sw_alice)

    backwards = alice.post(url(child), {
        "missing_or_away": "A", "started_at": "2026-05-30T21:00:00+01:00",
        "reported_to_police": False, "returned_at": "2026-05-30T20:00:00+01:00"}, format="json")
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21),
                          returned_at=london(2026, 5, 31, 8))
    declined = alice.post(url(child, episode.pk, "interview"), {
        "outcome": "declined", "declined_on": "2026-05-31"}, format="json")
    incomplete = alice.post(url(child, episode.pk, "interview"), {"outcome": "held"},
                            format="json")

    assert backwards.status_code == 400
    assert backwards.json() == {
        "returned_at": ["The return cannot be before the start on 30 May 2026 at 21:00"]}
    assert declined.json() == {"non_field_errors": [
        "An interview can be recorded as declined only after it was offered: record the offer "
        "first"]}
    assert set(incomplete.json()) == {"held_at", "conducted_by", "independent"}
    unknown = alice.post(url(child), {"missing_or_away": "M", "reported_to_police": False,
                                      "started_at": "2026-05-31T21:00:00+01:00",
                                      "risks": ["cse", "gangs"]}, format="json")
    assert unknown.json() == {"risks": ["Unknown risk codes gangs: use cse, cce, "
                                        "substance_misuse, self_harm, trafficking, other"]}


def test_business_support_sends_a_police_notification(personas, child):
    response = api_as(personas.bs_ben).post(f"/api/v1/people/{child.uuid}/police-notifications/", {
        "police_reference": "WMP-10", "force": "West Midlands Police",
        "reported_at": "2026-05-31T22:00:00+01:00"}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["created_episode"] is True
    assert body["episode"]["source"] == {"code": "police", "label": "Police notification"}
    assert MissingEpisode.objects.get().police_reference == "WMP-10"


def test_who_may_call_what(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21),
                          returned_at=london(2026, 5, 31, 8))
    erin, alice = api_as(personas.iro_erin), api_as(personas.sw_alice)

    assert erin.get(url(child, episode.pk)).status_code == 200
    assert erin.post(url(child, episode.pk, "interview-offers"), {
        "offered_at": "2026-05-31T10:00:00+01:00", "accepted": True},
        format="json").status_code == 403
    assert alice.post(f"/api/v1/people/{child.uuid}/police-notifications/", {
        "police_reference": "X", "force": "Y", "reported_at": "2026-05-31T22:00:00+01:00"},
        format="json").status_code == 403
    assert api_as(personas.analyst_dana).get(url(child)).status_code == 403


def test_a_restricted_childs_episodes_are_404(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21))
    people_services.record_restrict(person=child, actor=personas.sm_sara,
                                    reason="Staff relative")
    charlie = api_as(personas.sw_charlie)

    assert charlie.get(url(child)).status_code == 404
    assert charlie.get(url(child, episode.pk)).status_code == 404
    assert charlie.post(url(child, episode.pk, "return"), {
        "returned_at": "2026-05-31T08:00:00+01:00"}, format="json").status_code == 404
    other = personas.child_for(personas.sw_alice)
    assert api_as(personas.sw_alice).get(url(other, episode.pk)).status_code == 404


def test_the_report_gives_figures_by_team_without_names(personas, child):
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 28, 21),
                returned_at=london(2026, 5, 29, 8))
    dana = api_as(personas.analyst_dana)

    response = dana.get("/api/v1/missing-report/", {"start": "2026-05-01"})
    backwards = dana.get("/api/v1/missing-report/", {"start": "2026-05-10", "end": "2026-05-01"})

    assert response.status_code == 200
    body = response.json()
    assert (body["start"], body["end"]) == ("2026-05-01", "2026-06-01")
    [row] = body["teams"]
    assert row["team"] is None  # the child was allocated on 1 June, after the episode
    assert row["figures"]["episodes"] == 1 and row["figures"]["offered_in_time_percent"] == 0.0
    assert child.last_name not in response.text
    assert backwards.json() == {"end": ["The end of the period must be on or after its start"]}
    assert api_as(personas.sw_alice).get("/api/v1/missing-report/").status_code == 403
