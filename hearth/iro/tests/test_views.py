"""The child's IRO challenges tab, its forms and permissions, and the chronology."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.iro.codes import Stage
from hearth.iro.models import Challenge
from hearth.iro.tests.factories import challenge_for, escalate, resolve, respond
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"iro:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def test_the_tab_shows_open_and_closed_challenges_with_their_stages(client, personas, child):
    open_one = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    closed = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    respond(closed, personas.tm_bob, on=D(2026, 5, 6))
    escalate(closed, personas, on=D(2026, 5, 7))
    resolve(closed, personas, on=D(2026, 5, 8))

    page = signed_in(client, personas.iro_erin).get(url("child_challenges", child)).text

    assert f'aria-current="page" href="{url("child_challenges", child)}"' in page
    assert page.index("raised 18 May 2026") < page.index("raised 4 May 2026")  # open first
    assert "26 May 2026" in page  # open one's response due (25 May is a bank holiday)
    assert "Formal stage 1: team manager" in page and "No satisfactory response" in page
    assert "Care plan updated and shared" in page
    assert url("resolve_challenge", child, open_one.pk) in page
    assert url("resolve_challenge", child, closed.pk) not in page


def test_the_response_turns_overdue_as_time_passes(client, personas, child, traveller):
    challenge_for(child, personas, raised_on=D(2026, 5, 18))  # due 26 May 2026
    traveller.move_to(dt.datetime(2026, 5, 26, 9, 0, tzinfo=dt.UTC))
    assert "Overdue" not in signed_in(client, personas.iro_erin).get(
        url("child_challenges", child)).text
    traveller.move_to(dt.datetime(2026, 5, 27, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.iro_erin).get(url("child_challenges", child)).text
    assert re.search(r"26 May 2026 <strong class=\"govuk-tag govuk-tag--red\">Overdue", page)


def test_an_iro_raises_a_challenge(client, personas, child):
    response = signed_in(client, personas.iro_erin).post(url("raise_challenge", child), {
        **date_fields("raised_on", D(2026, 5, 29)), "stage": Stage.INFORMAL,
        "reason": "contact", "asked_for": "Restart contact with grandparents",
        "addressed_to": personas.tm_bob.pk})

    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert (challenge.reason, challenge.raised_by) == ("contact", personas.iro_erin)


def test_a_rejected_form_keeps_what_was_typed(client, personas, child):
    page = signed_in(client, personas.iro_erin).post(url("raise_challenge", child), {
        **date_fields("raised_on", D(2026, 6, 2)), "stage": Stage.INFORMAL,
        "reason": "contact", "asked_for": "Restart contact with grandparents",
        "addressed_to": personas.tm_bob.pk})

    assert page.status_code == 200
    assert "govuk-error-summary" in page.text
    assert "The date the challenge was raised must be today or in the past" in page.text
    assert "Restart contact with grandparents" in page.text
    assert re.search(r'name="raised_on_year"[^>]*value="2026"', page.content.decode())
    assert Challenge.objects.count() == 0


def test_the_addressee_responds_and_others_are_told_why_they_cannot(client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    respond_url = url("respond_to_challenge", child, challenge.pk)

    refused = signed_in(client, personas.sw_alice).get(respond_url)
    assert "only they can respond" in refused.text and "<form" not in refused.text.split(
        "govuk-inset-text")[1]
    done = signed_in(client, personas.tm_bob).post(respond_url, {
        **date_fields("responded_on", D(2026, 5, 20)), "response": "Plan updated by Friday"})

    assert done.status_code == 302
    assert challenge.stages.get().responded_on == D(2026, 5, 20)


def test_the_iro_escalates_and_resolves(client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    client = signed_in(client, personas.iro_erin)

    escalated = client.post(url("escalate_challenge", child, challenge.pk), {
        **date_fields("escalated_on", D(2026, 5, 27)), "why_escalated": "No response",
        "addressed_to": personas.sm_sara.pk})
    early = client.post(url("resolve_challenge", child, challenge.pk), {
        **date_fields("resolved_on", D(2026, 5, 26)), "outcome": "Agreed"})
    resolved = client.post(url("resolve_challenge", child, challenge.pk), {
        **date_fields("resolved_on", D(2026, 5, 29)), "outcome": "Agreed"})

    assert escalated.status_code == 302 and resolved.status_code == 302
    assert "cannot be resolved before its last step on 27 May 2026" in early.text
    challenge.refresh_from_db()
    assert (challenge.resolved_on, challenge.outcome) == (D(2026, 5, 29), "Agreed")
    again = client.get(url("escalate_challenge", child, challenge.pk))
    assert "resolved on 29 May 2026: it is closed" in again.text


def test_the_last_stage_offers_no_escalation(client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18), stage=Stage.DIRECTOR)
    client = signed_in(client, personas.iro_erin)
    assert url("escalate_challenge", child, challenge.pk) not in client.get(
        url("child_challenges", child)).text
    page = client.post(url("escalate_challenge", child, challenge.pk), {
        **date_fields("escalated_on", D(2026, 5, 27)), "why_escalated": "No response",
        "addressed_to": personas.sm_sara.pk})
    assert page.status_code == 200 and "at the last stage" in page.text


def test_wrong_roles_are_refused(client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    assert signed_in(client, personas.sw_alice).get(
        url("raise_challenge", child)).status_code == 403
    assert signed_in(client, personas.tm_bob).get(
        url("resolve_challenge", child, challenge.pk)).status_code == 403
    assert signed_in(client, personas.iro_erin).get(
        url("respond_to_challenge", child, challenge.pk)).status_code == 403
    assert signed_in(client, personas.analyst_dana).get(
        url("child_challenges", child)).status_code == 403


def test_a_restricted_child_and_another_childs_challenge_are_not_found(client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    other = personas.child_for(personas.sw_alice)
    client.force_login(personas.iro_erin)
    assert client.get(url("resolve_challenge", other, challenge.pk)).status_code == 404

    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    assert client.get(url("child_challenges", child)).status_code == 404
    assert client.get(url("resolve_challenge", child, challenge.pk)).status_code == 404


def test_the_chronology_tells_the_story(client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    escalate(challenge, personas, on=D(2026, 5, 12))
    resolve(challenge, personas, on=D(2026, 5, 20))

    page = signed_in(client, personas.sw_alice).get(
        reverse("people:person_chronology", args=[child.uuid])).text

    for title in ("IRO challenge raised", "IRO challenge escalated", "IRO challenge resolved"):
        assert title in page
