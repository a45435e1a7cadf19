"""Child in need plans over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.cin.models import CinPlan
from hearth.cin.tests.factories import plan_for, referral_for
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
    return f"/api/v1/people/{child.uuid}/cin-plans/{tail}"


def test_it_starts_reviews_visits_and_ends_a_plan(personas, child):
    referral = referral_for(child, on=D(2026, 5, 4))
    alice = api_as(personas.sw_alice)

    started = alice.post(url(child), {"referral": referral.pk, "started_on": "2026-05-05"},
                         format="json")
    plan_id = started.json()["id"]
    reviewed = alice.post(url(child, plan_id, "reviews"), {"reviewed_on": "2026-05-26"},
                          format="json")
    visited = alice.post(url(child, plan_id, "visits"), {
        "visited_on": "2026-05-27", "child_seen": True, "seen_alone": True}, format="json")
    listed = alice.get(url(child))
    ended = alice.post(url(child, plan_id, "end"), {"ended_on": "2026-05-29"}, format="json")

    assert [started.status_code, reviewed.status_code, visited.status_code,
            listed.status_code, ended.status_code] == [201, 201, 201, 200, 200]
    assert started.json()["next_visit"]["on"] == "2026-06-03"
    [plan] = listed.json()
    assert plan["next_review"]["on"] == "2026-08-18"
    assert plan["next_visit"] == {"on": "2026-06-24",
                                  "status": {"code": "on_track", "label": "On track"}}
    assert [v["visited_on"] for v in plan["visits"]] == ["2026-05-27"]
    assert (ended.json()["ended_on"], ended.json()["next_visit"]) == ("2026-05-29", None)
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="PERSON_EXPORTED",
                                     detail__how="api cin plans").count() == 1


def test_a_closed_plan_cannot_get_a_visit(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))
    alice = api_as(personas.sw_alice)
    alice.post(url(child, plan.pk, "end"), {"ended_on": "2026-05-20"}, format="json")

    response = alice.post(url(child, plan.pk, "visits"), {
        "visited_on": "2026-05-21", "child_seen": True}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["A closed plan cannot get a visit: this plan ended on 20 May 2026"]}


def test_an_iro_may_read_but_not_write(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))
    erin = api_as(personas.iro_erin)

    assert erin.get(url(child)).status_code == 200
    assert erin.post(url(child, plan.pk, "reviews"), {"reviewed_on": "2026-05-20"},
                     format="json").status_code == 403
    assert CinPlan.objects.get().reviews.count() == 0


def test_a_restricted_childs_plans_are_404(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    charlie = api_as(personas.sw_charlie)

    assert charlie.get(url(child)).status_code == 404
    assert charlie.post(url(child, plan.pk, "visits"), {
        "visited_on": "2026-05-21", "child_seen": True}, format="json").status_code == 404
