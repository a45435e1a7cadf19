"""Assessments over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.assessments.models import Assessment
from hearth.assessments.tests.factories import assessment_for, completed, referral_for
from hearth.core.models import AuditEvent
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(child, *rest) -> str:
    tail = "".join(f"{part}/" for part in rest)
    return f"/api/v1/people/{child.uuid}/assessments/{tail}"


def test_it_lists_a_childs_assessments_with_their_status(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    response = api_as(personas.iro_erin).get(url(child))

    assert response.status_code == 200
    [row] = response.json()
    assert (row["id"], row["due_on"], row["status"]) == (
        assessment.pk, "2026-05-07", {"code": "overdue", "label": "Overdue"})
    assert row["kind"] == {"code": "new", "label": "New assessment (from the referral)"}
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="PERSON_EXPORTED",
                                     detail__how="api assessments").count() == 1


def test_it_starts_updates_and_authorises_an_assessment(personas, child):
    referral = referral_for(child, on=D(2026, 5, 18))
    alice, bob = api_as(personas.sw_alice), api_as(personas.tm_bob)

    started = alice.post(url(child), {"referral": referral.pk, "started_on": "2026-05-19"},
                         format="json")
    assessment_id = started.json()["id"]
    updated = alice.patch(url(child, assessment_id), {
        "child_seen_on": "2026-05-20", "seen_alone": True, "factors": ["4B", "16A"],
        "completed_on": "2026-05-28"}, format="json")
    added = alice.post(url(child, assessment_id, "contributions"), {
        "agency": "health", "received_on": "2026-05-21", "summary": "GP concerns"},
        format="json")
    authorised = bob.post(url(child, assessment_id, "authorisation"),
                          {"authorised_on": "2026-05-29", "outcome": "cin_plan"}, format="json")

    assert [started.status_code, updated.status_code, added.status_code,
            authorised.status_code] == [201, 200, 201, 200]
    assert started.json()["kind"]["code"] == "new"
    assert updated.json()["factors"] == ["4B", "16A"]
    body = authorised.json()
    assert body["status"]["code"] == "authorised_in_time"
    assert body["authorised_by"]["username"] == "tm_bob"
    assert [c["agency"] for c in body["contributions"]] == ["health"]


def test_a_social_worker_may_not_authorise(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18)),
                           personas.sw_alice, on=D(2026, 5, 28))

    response = api_as(personas.sw_alice).post(url(child, assessment.pk, "authorisation"), {
        "authorised_on": "2026-05-29", "outcome": "nfa"}, format="json")

    assert response.status_code == 403
    assert Assessment.objects.get().authorised_on is None


def test_a_broken_rule_is_a_400_with_the_field(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))

    response = api_as(personas.sw_alice).patch(url(child, assessment.pk),
                                               {"factors": ["21", "1A"]}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "factors": ["'No factors identified' cannot be chosen with other factors"]}


def test_starting_needs_one_of_the_childs_open_referrals(personas, child):
    other = personas.child_for(personas.sw_alice)
    others_referral = referral_for(other, on=D(2026, 5, 18))

    response = api_as(personas.sw_alice).post(url(child), {
        "referral": others_referral.pk, "started_on": "2026-05-19"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"referral": ["Give the id of one of the child's open referrals"]}


def test_a_restricted_childs_assessments_are_404(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    charlie = api_as(personas.sw_charlie)

    assert charlie.get(url(child)).status_code == 404
    assert charlie.get(url(child, assessment.pk)).status_code == 404
    assert charlie.patch(url(child, assessment.pk), {}, format="json").status_code == 404


def test_another_childs_assessment_is_404(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    other = personas.child_for(personas.sw_alice)

    assert api_as(personas.sw_alice).get(url(other, assessment.pk)).status_code == 404
