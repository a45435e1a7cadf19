"""IRO challenges over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.models import AuditEvent
from hearth.iro.models import Challenge
from hearth.iro.tests.factories import challenge_for
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
    return f"/api/v1/people/{child.uuid}/iro-challenges/{tail}"


def test_it_raises_answers_escalates_and_resolves(personas, child):
    erin, bob = api_as(personas.iro_erin), api_as(personas.tm_bob)

    raised = erin.post(url(child), {"raised_on": "2026-05-18", "reason": "health",
                                    "asked_for": "Book the health assessment",
                                    "addressed_to": personas.tm_bob.pk}, format="json")
    challenge_id = raised.json()["id"]
    answered = bob.post(url(child, challenge_id, "respond"), {
        "responded_on": "2026-05-27", "response": "Booked for 3 June"}, format="json")
    escalated = erin.post(url(child, challenge_id, "escalate"), {
        "escalated_on": "2026-05-28", "why_escalated": "Too late",
        "addressed_to": personas.sm_sara.pk}, format="json")
    resolved = erin.post(url(child, challenge_id, "resolve"), {
        "resolved_on": "2026-05-29", "outcome": "Assessment brought forward"}, format="json")
    listed = bob.get(url(child))

    assert [raised.status_code, answered.status_code, escalated.status_code,
            resolved.status_code, listed.status_code] == [201, 200, 200, 200, 200]
    assert raised.json()["stages"][0]["response_due_on"] == "2026-05-26"
    [shown] = listed.json()
    assert [s["stage"] for s in shown["stages"]] == ["informal", "formal_1"]
    assert shown["stages"][0]["responded_on"] == "2026-05-27"
    assert shown["stages"][1]["response_due_on"] == "2026-06-04"
    assert (shown["resolved_on"], shown["outcome"]) == ("2026-05-29",
                                                        "Assessment brought forward")
    assert StatutoryTask.objects.open().filter(
        kind=TaskKind.RESPOND_TO_IRO_CHALLENGE).count() == 0
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="PERSON_EXPORTED",
                                     detail__how="api iro challenges").count() == 1


def test_broken_rules_and_bad_input_are_400s(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    erin = api_as(personas.iro_erin)

    future = erin.post(url(child), {"raised_on": "2026-06-02", "reason": "health",
                                    "asked_for": "x", "addressed_to": personas.tm_bob.pk},
                       format="json")
    nobody = erin.post(url(child, challenge.pk, "escalate"), {
        "escalated_on": "2026-05-20", "why_escalated": "x",
        "addressed_to": personas.analyst_dana.pk}, format="json")
    not_addressee = api_as(personas.sw_alice).post(url(child, challenge.pk, "respond"), {
        "responded_on": "2026-05-20", "response": "x"}, format="json")

    assert [future.status_code, nobody.status_code, not_addressee.status_code] == [400, 400, 400]
    assert future.json() == {"raised_on": [
        "The date the challenge was raised must be today or in the past"]}
    assert nobody.json() == {"addressed_to": [
        "Give the id of someone who can respond to IRO challenges"]}
    assert "only they can respond" in not_addressee.json()["non_field_errors"][0]
    assert Challenge.objects.count() == 1


def test_permissions_and_restricted_children(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    body = {"raised_on": "2026-05-20", "reason": "health", "asked_for": "x",
            "addressed_to": personas.tm_bob.pk}

    assert api_as(personas.sw_alice).post(url(child), body, format="json").status_code == 403
    assert api_as(personas.analyst_dana).get(url(child)).status_code == 403
    assert api_as(personas.tm_bob).post(url(child, challenge.pk, "resolve"), {
        "resolved_on": "2026-05-20", "outcome": "x"}, format="json").status_code == 403
    other = personas.child_for(personas.sw_alice)
    assert api_as(personas.iro_erin).post(url(other, challenge.pk, "resolve"), {
        "resolved_on": "2026-05-20", "outcome": "x"}, format="json").status_code == 404

    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    assert api_as(personas.iro_erin).get(url(child)).status_code == 404
