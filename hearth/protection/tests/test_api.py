"""The child protection API: same services, permissions and audit as the pages."""

import pytest
from django.core.cache import cache

from hearth.api.tests.factories import api_as, audit_count
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.people import services as people_services
from hearth.protection.models import ChildProtectionPlan
from hearth.protection.tests.factories import (
    POLICE,
    D,
    child_on_a_plan,
    enquiry_needing_icpc,
    referral_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _june_and_fresh_throttles(on_15_june_2026):
    cache.clear()
    yield
    cache.clear()


def url(child, section: str, record_id: int | None = None) -> str:
    tail = f"{record_id}/" if record_id else ""
    return f"/api/v1/people/{child.uuid}/{section}/{tail}"


def test_a_discussion_starts_an_enquiry_whose_outcome_opens_the_icpc_task(personas):
    child = personas.child_for(personas.sw_alice)
    referral = referral_for(child, on=D(2026, 6, 1), actor=personas.sw_alice)
    client = api_as(personas.sw_alice)

    created = client.post(url(child, "strategy-discussions"), {
        "referral": referral.pk, "held_on": "2026-06-02", "held_at": "10:15",
        "decision": "section_47", "participants": [POLICE]}, format="json")
    listed = client.get(url(child, "section-47-enquiries")).json()
    concluded = client.patch(url(child, "section-47-enquiries", listed[0]["id"]), {
        "outcome": "continuing_risk", "completed_on": "2026-06-09", "icpc_required": True},
        format="json")

    assert created.status_code == 201
    assert created.json()["participants"][0]["agency"] == "police"
    assert listed[0]["started_on"] == "2026-06-02" and listed[0]["icpc_due_on"] == "2026-06-23"
    assert concluded.status_code == 200 and concluded.json()["icpc_required"] is True
    assert StatutoryTask.objects.open().get(child=child).kind == TaskKind.HOLD_ICPC
    assert audit_count(child, "PERSON_EXPORTED") == 1


def test_a_broken_rule_is_a_400_with_the_field(personas):
    child = personas.child_for(personas.sw_alice)
    enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2026, 3, 2),
                         discussed_on=D(2026, 3, 3), completed_on=D(2026, 3, 3))
    response = api_as(personas.iro_erin).post(url(child, "cp-conferences"), {
        "kind": "initial", "held_on": "2026-03-02", "chair": "iro_erin", "outcome": "plan",
        "category": "NEG"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"held_on": [
        "An initial conference cannot be before the strategy discussion on 3 March 2026"]}


def test_an_initial_conference_with_a_plan_then_a_visit_and_a_core_group(personas):
    child = personas.child_for(personas.sw_alice)
    enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2026, 5, 1),
                         discussed_on=D(2026, 5, 5), completed_on=D(2026, 5, 15))
    conference = api_as(personas.iro_erin).post(url(child, "cp-conferences"), {
        "kind": "initial", "held_on": "2026-05-22", "chair": "iro_erin", "outcome": "plan",
        "category": "EMO", "participants": [{**POLICE, "attended": False}]}, format="json")
    client = api_as(personas.sw_alice)
    visit = client.post(url(child, "cp-visits"), {"visited_on": "2026-06-01",
                                                  "child_seen": True}, format="json")
    core_group = client.post(url(child, "cp-core-groups"), {"held_on": "2026-06-02"},
                             format="json")
    plans = client.get(url(child, "cp-plans")).json()

    assert conference.status_code == 201, conference.json()
    assert conference.json()["in_time"] is True
    assert (visit.status_code, core_group.status_code) == (201, 201)
    assert core_group.json()["is_first"] is True
    assert plans[0]["latest_category"] == {"code": "EMO", "label": "Emotional abuse"}
    assert plans[0]["next_visit_due_on"] == "2026-06-15"
    assert plans[0]["next_core_group_due_on"] == "2026-07-14"
    assert plans[0]["next_review_due_on"] == "2026-08-22"


def test_ending_a_plan_over_the_api(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 5, 11))
    response = api_as(personas.tm_bob).patch(url(plan.child, "cp-plans", plan.pk), {
        "end_date": "2026-06-01", "reason": "moved_away"}, format="json")
    assert response.status_code == 200
    assert response.json()["end_date"] == "2026-06-01"
    assert response.json()["next_visit_due_on"] is None
    again = api_as(personas.sw_alice).post(url(plan.child, "cp-visits"), {
        "visited_on": "2026-06-02", "child_seen": True}, format="json")
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["The child has no open child protection plan"]}


def test_a_review_conference_is_only_for_an_open_plan(personas):
    child = personas.child_for(personas.sw_alice)
    response = api_as(personas.iro_erin).post(url(child, "cp-conferences"), {
        "kind": "review", "held_on": "2026-06-01", "chair": "iro_erin",
        "outcome": "continue_plan", "category": "NEG"}, format="json")
    assert response.status_code == 400


def test_correcting_attendance_keeps_what_was_not_sent(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 5, 11))
    client = api_as(personas.sw_alice)
    created = client.post(url(plan.child, "cp-core-groups"), {
        "held_on": "2026-05-20", "note": "First meeting", "participants": [POLICE]},
        format="json").json()
    changed = client.patch(url(plan.child, "cp-core-groups", created["id"]), {
        "participants": [{**POLICE, "attended": False, "contributed": True}]}, format="json")
    assert changed.status_code == 200
    assert changed.json()["note"] == "First meeting"
    assert changed.json()["participants"][0]["contributed"] is True
    assert audit_count(plan.child, "CORE_GROUP_ATTENDANCE_UPDATED") == 1


def test_another_childs_record_id_is_not_found(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 5, 11))
    other = personas.child_for(personas.sw_alice)
    response = api_as(personas.tm_bob).patch(url(other, "cp-plans", plan.pk), {
        "end_date": "2026-06-01", "reason": "other"}, format="json")
    assert response.status_code == 404
    assert ChildProtectionPlan.objects.get(pk=plan.pk).is_open


def test_a_restricted_child_is_not_found_and_roles_are_checked(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 5, 11))
    assert api_as(personas.sw_alice).patch(url(plan.child, "cp-plans", plan.pk), {
        "end_date": "2026-06-01", "reason": "other"}, format="json").status_code == 403
    assert api_as(personas.analyst_dana).get(url(plan.child, "cp-plans")).status_code == 403
    people_services.record_restrict(person=plan.child, actor=personas.sm_sara,
                                    reason="Staff relative")
    for section in ("cp-plans", "cp-visits", "strategy-discussions", "cp-conferences"):
        assert api_as(personas.tm_bob).get(url(plan.child, section)).status_code == 404
    assert api_as(personas.sm_sara).get(url(plan.child, "cp-plans")).status_code == 200
