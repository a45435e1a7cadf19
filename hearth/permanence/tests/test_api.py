"""Permanence and prospective adopters over the API: the same rules, permissions and audit as
the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.core.models import AuditEvent
from hearth.people import services as people_services
from hearth.permanence.models import (
    AdopterHousehold,
    AdoptionDecision,
    PermanencePlan,
    PreviousPermanence,
    SpecialGuardianship,
)
from hearth.permanence.tests.factories import approved_household

pytestmark = pytest.mark.django_db
D = dt.date


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(child, tail: str = "") -> str:
    return f"/api/v1/people/{child.uuid}/permanence/{tail}"


ADOPTERS = "/api/v1/permanence/adopters/"


def test_a_whole_adoption_journey_over_the_api(personas, child, period):
    sw, adm = api_as(personas.sw_alice), api_as(personas.sm_sara)

    added = sw.post(ADOPTERS, {"legal_status": "L11", "enquiry_on": "2025-06-01", "adopters": [
        {"name": "Synthetic Adopter One", "sex": "M", "ethnicity": "WBRI"},
        {"name": "Synthetic Adopter Two", "sex": "F", "disabled": True}]}, format="json")
    assert added.status_code == 201, added.json()
    household = added.json()
    assert household["stage"] == "Enquiry" and len(household["adopters"]) == 2
    for step, on in (("stage1_started_on", "2025-07-01"), ("stage1_ended_on", "2025-08-15"),
                     ("stage2_started_on", "2025-09-01"), ("stage2_ended_on", "2025-12-01"),
                     ("application_on", "2025-08-20"), ("approved_on", "2026-01-20")):
        answer = sw.post(f"{ADOPTERS}{household['id']}/stages/", {"step": step, "on": on},
                         format="json")
        assert answer.status_code == 201, (step, answer.json())
    assert answer.json()["stage"] == "Approved"

    plan = sw.post(url(child, "plans/"), {"plan_type": "adoption", "agreed_on": "2025-10-01"},
                   format="json")
    assert plan.status_code == 201 and plan.json()["stage"] == "agreed"
    assert plan.json()["stage_label"]
    assert sw.post(url(child, "stage/"), {"stage": "family_finding", "since": "2025-10-20"},
                   format="json").status_code == 201
    assert sw.post(url(child, "panels/"), {"kind": "adoption", "held_on": "2025-10-28",
                                           "recommendation": "Should be placed"},
                   format="json").status_code == 201
    decision = adm.post(url(child, "adoption-decisions/"), {
        "decided_on": "2025-11-03", "decision_maker": "Synthetic ADM"}, format="json")
    assert decision.status_code == 201, decision.json()
    steps = url(child, f"adoption-decisions/{decision.json()['id']}/steps/")
    for body in ({"step": "placement_order_on", "on": "2025-12-15"},
                 {"step": "matched_on", "on": "2026-02-02", "household": household["id"]},
                 {"step": "placed_on", "on": "2026-02-16"},
                 {"step": "adoption_order_on", "on": "2026-05-20"}):
        answer = sw.post(steps, body, format="json")
        assert answer.status_code == 201, (body, answer.json())
    assert answer.json()["household"] == {"id": household["id"],
                                          "reference": household["reference"]}
    assert sw.post(url(child, "previous-permanence/"), {"order": "Z1"},
                   format="json").status_code == 201

    read = sw.get(url(child))
    assert read.status_code == 200
    body = read.json()
    assert body["care_period_id"] == period.pk and body["looked_after"] is True
    assert body["current_plan"]["stage"] == "achieved"
    assert [p["stage"] for p in body["plans"]] == [
        "achieved", "placed", "matched", "family_finding", "agreed"]
    (adoption,) = body["adoption_decisions"]
    assert adoption["adoption_order_on"] == "2026-05-20" and adoption["reversed_reason"] is None
    assert body["panels"][0]["kind"] == "adoption"
    assert body["previous_permanence"]["order"] == "Z1"
    assert body["plan_due"] is None
    assert AuditEvent.objects.filter(event_code="ADOPTION_STEP_RECORDED",
                                     child_id=child.pk).count() == 4


def test_special_guardianship_long_term_match_and_return_home(personas, child, period):
    sw = api_as(personas.sw_alice)
    sgo = sw.post(url(child, "special-guardianship/"), {
        "guardians": "Maternal grandparents", "relationship": "relative",
        "started_on": "2026-01-05"}, format="json")
    assert sgo.status_code == 201, sgo.json()
    steps = url(child, f"special-guardianship/{sgo.json()['id']}/steps/")
    early = sw.post(steps, {"step": "order_on", "on": "2026-03-01"}, format="json")
    assert early.json() == {"on": ["Record the assessment as complete before the order"]}
    assert sw.post(steps, {"step": "assessment_completed_on", "on": "2026-03-01"},
                   format="json").status_code == 201
    order = sw.post(steps, {"step": "order_on", "on": "2026-04-01"}, format="json")
    assert order.status_code == 201 and order.json()["order_on"] == "2026-04-01"
    assert sw.post(url(child, "long-term-matches/"), {
        "carers": "Synthetic carers", "matched_on": "2026-02-01"}, format="json").status_code \
        == 201
    home = sw.post(url(child, "returns-home/"), {"returned_home_on": "2026-04-10"},
                   format="json")
    assert home.status_code == 201
    discharged = sw.post(url(child, f"returns-home/{home.json()['id']}/discharge/"),
                         {"care_order_discharged_on": "2026-05-01"}, format="json")
    assert discharged.status_code == 201
    assert discharged.json()["care_order_discharged_on"] == "2026-05-01"
    body = sw.get(url(child)).json()
    assert body["special_guardianships"][0]["relationship"] == "relative"
    assert len(body["long_term_matches"]) == 1 and len(body["reunifications"]) == 1


def test_a_broken_rule_is_a_400_on_its_field_and_writes_nothing(personas, child, period):
    sw, adm = api_as(personas.sw_alice), api_as(personas.sm_sara)
    before_care = sw.post(url(child, "plans/"), {"plan_type": "adoption",
                                                 "agreed_on": "2025-08-01"}, format="json")
    bad_code = sw.post(url(child, "plans/"), {"plan_type": "elsewhere",
                                              "agreed_on": "2025-10-01"}, format="json")
    no_plan = sw.post(url(child, "stage/"), {"stage": "matched", "since": "2025-10-01"},
                      format="json")
    previous = sw.post(url(child, "previous-permanence/"), {"order": "P1"}, format="json")
    single_couple = sw.post(ADOPTERS, {"legal_status": "L0", "enquiry_on": "2025-06-01",
                                       "adopters": [{"name": "A", "sex": "M"},
                                                    {"name": "B", "sex": "F"}]}, format="json")
    decision = adm.post(url(child, "adoption-decisions/"), {
        "decided_on": "2025-11-03", "decision_maker": "Synthetic ADM"}, format="json").json()
    steps = url(child, f"adoption-decisions/{decision['id']}/steps/")
    placed_first = sw.post(steps, {"step": "placed_on", "on": "2025-12-01"}, format="json")
    unapproved = AdopterHousehold.objects.create(
        reference="AH99999", legal_status="L0", enquiry_on=D(2025, 6, 1),
        recorded_by=personas.sw_alice, recorded_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC))
    match = sw.post(steps, {"step": "matched_on", "on": "2025-12-01",
                            "household": unapproved.pk}, format="json")

    assert list(before_care.json()) == ["agreed_on"]
    assert bad_code.json() == {"plan_type": ["Choose the permanence plan"]}
    assert no_plan.json() == {"stage": ["Record the permanence plan first"]}
    assert list(previous.json()) == ["la_code"]
    assert list(single_couple.json()) == ["legal_status"]
    assert list(placed_first.json()) == ["on"]
    assert match.json() == {"household": ["The adopters must be approved on or before the "
                                          "match"]}
    assert {r.status_code for r in (before_care, bad_code, no_plan, previous, single_couple,
                                    placed_first, match)} == {400}
    assert not PermanencePlan.objects.exists() and not PreviousPermanence.objects.exists()
    assert AdopterHousehold.objects.count() == 1
    fresh = AdoptionDecision.objects.get()
    assert fresh.placed_on is None and fresh.matched_on is None


def test_permissions_are_the_pages(personas, child, period):
    analyst, sw = api_as(personas.analyst_dana), api_as(personas.sw_alice)
    assert analyst.post(url(child, "plans/"), {"plan_type": "adoption",
                                               "agreed_on": "2025-10-01"},
                        format="json").status_code == 403
    assert sw.post(url(child, "adoption-decisions/"), {
        "decided_on": "2025-11-03", "decision_maker": "Synthetic ADM"},
        format="json").status_code == 403  # the ADM's decision: service managers only
    assert analyst.get(ADOPTERS).status_code == 200
    assert analyst.post(ADOPTERS, {"legal_status": "L0", "enquiry_on": "2025-06-01",
                                   "adopters": [{"name": "A", "sex": "M"}]},
                        format="json").status_code == 403
    assert not AdoptionDecision.objects.exists() and not AdopterHousehold.objects.exists()


def test_a_restricted_child_is_a_404_and_another_childs_record_too(personas, child, period):
    sw = api_as(personas.sw_alice)
    sgo = sw.post(url(child, "special-guardianship/"), {
        "guardians": "Synthetic guardians", "relationship": "other",
        "started_on": "2026-01-05"}, format="json").json()
    other = personas.child_for(personas.sw_alice, date_of_birth=D(2020, 1, 1))
    assert sw.post(url(other, f"special-guardianship/{sgo['id']}/steps/"), {
        "step": "assessment_completed_on", "on": "2026-02-01"}, format="json").status_code == 404
    people_services.record_restrict(person=child, actor=personas.sm_sara,
                                    reason="Staff relative")
    people_services.record_access_grant(person=child, user=personas.sw_alice,
                                        actor=personas.sm_sara, reason="Allocated worker")
    charlie = api_as(personas.sw_charlie)
    assert charlie.get(url(child)).status_code == 404
    assert charlie.post(url(child, "plans/"), {"plan_type": "adoption",
                                               "agreed_on": "2025-10-01"},
                        format="json").status_code == 404
    assert sw.get(url(child)).status_code == 200
    assert SpecialGuardianship.objects.get().assessment_completed_on is None


def test_reads_are_audited(personas, child, period):
    household = approved_household(personas.sw_alice)
    sw = api_as(personas.sw_alice)
    assert sw.get(url(child)).status_code == 200
    assert AuditEvent.objects.filter(event_code="PERSON_EXPORTED", child_id=child.pk,
                                     detail__how="api permanence").exists()
    listed = sw.get(f"{ADOPTERS}?status=approved")
    assert listed.status_code == 200
    assert [h["reference"] for h in listed.json()["results"]] == [household.reference]
    assert AuditEvent.objects.filter(event_code="ADOPTERS_LISTED",
                                     detail__households=[household.pk]).exists()
    assert sw.get(f"{ADOPTERS}{household.pk}/").status_code == 200
    assert AuditEvent.objects.filter(event_code="ADOPTER_HOUSEHOLD_VIEWED").exists()
    assert sw.get(f"{ADOPTERS}?status=nonsense").status_code == 400
    assert sw.get(f"{ADOPTERS}999999/").status_code == 404
