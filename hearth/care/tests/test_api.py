"""Children in care over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.care.models import CarePeriod
from hearth.care.tests.factories import period_for
from hearth.core.models import AuditEvent
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date
START = {"started_on": "2026-05-04", "legal_status": "C1", "category_of_need": "N1",
         "placement_type": "U6", "provider_type": "PR1", "provision": "registered",
         "placement_postcode": "zz1 1aa", "urn": "XXXXXXX"}


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(child, *rest) -> str:
    tail = "".join(f"{part}/" for part in rest)
    return f"/api/v1/people/{child.uuid}/care-periods/{tail}"


def test_a_child_is_taken_into_care_moved_reviewed_and_leaves(personas, child):
    alice, erin = api_as(personas.sw_alice), api_as(personas.iro_erin)

    started = alice.post(url(child), START, format="json")
    period_id = started.json()["id"]
    iro = erin.post(url(child, period_id, "iro"), {"iro": personas.iro_erin.username,
                                                    "allocated_on": "2026-05-05"}, format="json")
    moved = alice.post(url(child, period_id, "episodes"), {
        **START, "changed_on": "2026-05-11", "placement_postcode": "ZZ2 2BB",
        "reason_place_change": "CARPL"}, format="json")
    reviewed = erin.post(url(child, period_id, "reviews"), {
        "held_on": "2026-05-29", "participation": "PN1"}, format="json")
    listed = alice.get(url(child))
    ended = alice.post(url(child, period_id, "end"), {"ended_on": "2026-06-01",
                                                      "reason": "E4A"}, format="json")

    assert [started.status_code, iro.status_code, moved.status_code, reviewed.status_code,
            listed.status_code, ended.status_code] == [201, 200, 201, 201, 200, 200]
    assert started.json()["next_review"]["on"] == "2026-06-02"
    assert started.json()["episodes"][0]["legal_status"] == {"code": "C1",
                                                             "label": "Interim care order"}
    assert moved.json()["reason_new_episode"]["code"] == "P"
    assert reviewed.json()["in_time"] is True and reviewed.json()["number"] == 1
    [period] = listed.json()
    assert period["iro"]["username"] == personas.iro_erin.username
    assert [e["reason_ceased"] for e in period["episodes"]] == [
        None, {"code": "X1", "label": "Episode ceases and a new one begins on the same day"}]
    assert period["next_review"]["on"] == "2026-08-29"
    assert ended.json()["ended_on"] == "2026-06-01" and ended.json()["next_review"] is None
    assert AuditEvent.objects.filter(event_code="PERSON_EXPORTED", child_id=child.pk).exists()


def test_a_broken_rule_is_a_400_on_its_field(personas, child):
    response = api_as(personas.sw_alice).post(url(child), {**START, "started_on": "2026-06-02"},
                                              format="json")
    assert response.status_code == 400
    assert response.json() == {"started_on": [
        "The date the child became looked after must be today or in the past"]}
    assert not CarePeriod.objects.exists()


def test_a_missing_field_is_a_400_in_plain_words(personas, child):
    response = api_as(personas.sw_alice).post(url(child), {**START, "placement_type": ""},
                                              format="json")
    assert response.status_code == 400
    assert "placement_type" in response.json()


def test_an_unknown_iro_is_refused(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    response = api_as(personas.tm_bob).post(url(child, period.pk, "iro"), {
        "iro": personas.sw_alice.username, "allocated_on": "2026-05-05"}, format="json")
    assert response.status_code == 400 and "iro" in response.json()


def test_permissions_and_restricted_children(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    alice = api_as(personas.sw_alice)
    assert alice.post(url(child, period.pk, "reviews"), {
        "held_on": "2026-05-29", "participation": "PN1"}, format="json").status_code == 403
    assert api_as(personas.analyst_dana).get(url(child)).status_code == 403
    assert api_as(personas.iro_erin).post(url(child), START, format="json").status_code == 403

    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")

    assert alice.get(url(child)).status_code == 404
    assert alice.post(url(child, period.pk, "end"), {"ended_on": "2026-06-01",
                                                     "reason": "E4A"},
                      format="json").status_code == 404
    assert CarePeriod.objects.get().is_open
