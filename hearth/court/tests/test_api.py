"""Legal cases over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.models import AuditEvent
from hearth.court.models import LegalCase
from hearth.court.tests.factories import pre_proceedings, proceedings
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
    return f"/api/v1/people/{child.uuid}/{tail}"


def test_a_sibling_group_goes_from_panel_to_extended_proceedings(personas, child):
    brother = personas.child_for(personas.sw_alice)
    bob, alice = api_as(personas.tm_bob), api_as(personas.sw_alice)
    panel = bob.post(url(child, "legal-gateway-panels"), {
        "held_on": "2026-04-06", "decision": "pre_proceedings", "chair": personas.sm_sara.pk,
        "reasons": "No change after the CP plan", "siblings": [str(brother.uuid)]},
        format="json")
    case_id = panel.json()["legal_case"]
    steps = [
        ("letter", {"sent_on": "2026-04-07", "fgdm_offered": True}),
        ("meetings", {"kind": "initial", "held_on": "2026-04-14", "attended": "Parents, SW"}),
        ("outcome", {"outcome": "issue", "decided_on": "2026-05-04"}),
        ("application", {"issued_on": "2026-05-05", "court": "Family Court (synthetic)",
                         "application_type": "care_order"}),
        ("hearings", {"kind": "cmh", "held_on": "2026-05-19", "outcome": "Timetable set",
                      "next_hearing_on": "2026-09-01", "next_hearing_kind": "irh"}),
        ("interim-orders", {"kind": "ico", "made_on": "2026-05-19"}),
        ("extensions", {"granted_on": "2026-05-26", "weeks": 8, "reason": "Assessment"}),
    ]
    answers = [alice.post(url(child, "legal-cases", case_id, step), body, format="json")
               for step, body in steps]

    assert panel.status_code == 201
    assert [a.status_code for a in answers] == [200] * len(steps)
    shown = answers[-1].json()
    assert (shown["stage"], shown["proceedings_due_on"], shown["next_hearing_on"]) == (
        "proceedings", "2026-12-29", "2026-09-01")
    assert {c["uuid"] for c in shown["children"]} == {str(child.uuid), str(brother.uuid)}
    listed = api_as(personas.sw_alice).get(url(brother, "legal-cases"))
    assert [c["id"] for c in listed.json()] == [case_id]
    assert AuditEvent.objects.filter(event_code="PERSON_EXPORTED").exists()
    task = StatutoryTask.objects.open().get(kind=TaskKind.CONCLUDE_CARE_PROCEEDINGS)
    assert task.due_on == D(2026, 12, 29)


def test_the_census_module_over_the_api(personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    api_as(personas.sw_alice).post(url(child, "legal-cases", legal_case.pk, "letter"),
                                   {"sent_on": "2026-04-07", "fgdm_offered": False},
                                   format="json")
    answer = api_as(personas.sw_alice).get(url(child, "pre-proceedings-census"), {"year": 2026})
    assert answer.status_code == 200
    assert answer.json() == [{
        "PPStartDate": "2026-04-06", "LBPSentDate": "2026-04-07", "FGDMMeetingOffer": 0,
        "FGDMMeetingFac": None, "InitialPPMeetingDate": None, "ReviewMeetingsCount": None,
        "StepDecisionDate": None, "PPOutcome": None, "CourtAppDate": None,
        "LetterInitCPDate": None}]
    assert api_as(personas.sw_alice).get(url(child, "pre-proceedings-census"),
                                         {"year": "next"}).status_code == 400


def test_bad_bodies_and_broken_rules_are_400s(personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    alice = api_as(personas.sw_alice)
    empty = alice.post(url(child, "legal-cases", legal_case.pk, "hearings"), {}, format="json")
    early = alice.post(url(child, "legal-cases", legal_case.pk, "hearings"), {
        "kind": "cmh", "held_on": "2026-04-06", "outcome": "x"}, format="json")
    too_long = alice.post(url(child, "legal-cases", legal_case.pk, "extensions"), {
        "granted_on": "2026-05-01", "weeks": 9, "reason": "x"}, format="json")
    wrong_stage = alice.post(url(child, "legal-cases", legal_case.pk, "letter"), {
        "sent_on": "2026-05-01", "fgdm_offered": True}, format="json")

    assert empty.status_code == 400 and "held_on" in empty.json()
    assert early.status_code == 400
    assert "on or after the application was issued" in early.json()["held_on"][0]
    assert too_long.status_code == 400 and "weeks" in too_long.json()
    assert wrong_stage.status_code == 400
    bad_chair = api_as(personas.tm_bob).post(url(child, "legal-gateway-panels"), {
        "held_on": "2026-04-06", "decision": "nfa", "chair": personas.sw_alice.pk,
        "reasons": "x"}, format="json")
    assert bad_chair.status_code == 400 and "chair" in bad_chair.json()


def test_wrong_roles_are_403_and_unseen_records_404(personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    panel_body = {"held_on": "2026-04-06", "decision": "nfa", "chair": personas.sm_sara.pk,
                  "reasons": "x"}
    assert api_as(personas.sw_alice).post(url(child, "legal-gateway-panels"), panel_body,
                                          format="json").status_code == 403
    assert api_as(personas.iro_erin).post(url(child, "legal-cases", legal_case.pk, "hearings"),
                                          {}, format="json").status_code == 403
    assert api_as(personas.analyst_dana).get(url(child, "legal-cases")).status_code == 403
    other = personas.child_for(personas.sw_alice)
    assert api_as(personas.sw_alice).post(
        url(other, "legal-cases", legal_case.pk, "hearings"),
        {"kind": "cmh", "held_on": "2026-05-01", "outcome": "x"},
        format="json").status_code == 404
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    assert api_as(personas.sw_alice).get(url(child, "legal-cases")).status_code == 404
    assert LegalCase.objects.get().hearings.count() == 0
