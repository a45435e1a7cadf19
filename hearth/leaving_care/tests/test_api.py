"""Care leavers over the API: the same rules, permissions and audit as the pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.core.models import AuditEvent
from hearth.leaving_care.models import CareLeaver, EntitlementOffer
from hearth.leaving_care.tests.factories import relevant_care_leaver
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
    return f"/api/v1/people/{child.uuid}/care-leaver/{tail}"


def test_it_records_a_care_leaver_and_follows_them(personas, young_person):
    alice, bob = api_as(personas.sw_alice), api_as(personas.tm_bob)

    created = alice.post(url(young_person), {"category": "relevant", "applies_from": "2026-05-01",
                                             "left_care_on": "2026-05-01"}, format="json")
    allocated = bob.post(url(young_person, "personal-adviser"), {
        "adviser": personas.sw_alice.username, "allocated_on": "2026-05-02"}, format="json")
    alice.post(url(young_person, "needs-assessment"), {"completed_on": "2026-05-10"},
               format="json")
    planned = alice.post(url(young_person, "pathway-plan"), {"agreed_on": "2026-05-20"},
                         format="json")
    contacted = alice.post(url(young_person, "contacts"), {
        "contact_on": "2026-05-28", "kind": "phone", "in_touch": True}, format="json")
    situated = alice.post(url(young_person, "situations"), {
        "as_at": "2026-05-28", "in_touch": "YES", "activity": "F4", "accommodation": "D",
        "accommodation_suitable": True}, format="json")
    offered = alice.post(url(young_person, "entitlements"), {
        "kind": "council_tax", "offered_on": "2026-05-28"}, format="json")
    offer = EntitlementOffer.objects.get()
    taken = alice.post(url(young_person, "entitlements", offer.pk, "take-up"),
                       {"taken_up": True}, format="json")
    read = alice.get(url(young_person))

    assert created.status_code == 201
    assert created.json()["adviser_due"]["on"] == "2026-05-01"
    assert allocated.status_code == 200
    assert allocated.json()["personal_adviser"]["username"] == "sw_alice"
    assert planned.json()["review_due"]["on"] == "2026-11-20"
    assert contacted.json()["contact_due"]["on"] == "2026-07-23"
    assert situated.json()["situations"][0]["accom_903"] == "D1"
    assert offered.status_code == 200 and taken.json()["taken_up"] is True
    body = read.json()
    assert body["category"]["category"] == {"code": "relevant",
                                            "label": "Relevant (16 or 17, has left care)"}
    assert AuditEvent.objects.filter(event_code="PERSON_EXPORTED",
                                     child_id=young_person.pk).exists()


def test_a_broken_rule_is_a_400_on_its_field(personas, young_person):
    refused = api_as(personas.sw_alice).post(url(young_person), {
        "category": "former_relevant", "applies_from": "2026-05-01",
        "left_care_on": "2026-05-01"}, format="json")

    assert refused.status_code == 400
    assert "18th birthday" in refused.json()["category"][0]
    assert not CareLeaver.objects.exists()


def test_missing_fields_have_plain_messages(personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    refused = api_as(personas.sw_alice).post(url(young_person, "contacts"), {"kind": "phone"},
                                             format="json")

    assert refused.json()["contact_on"] == ["Enter the date of the contact"]
    assert refused.json()["in_touch"] == ["Say whether the young person was reached"]


def test_not_a_care_leaver_and_restricted_are_404(personas, young_person):
    alice = api_as(personas.sw_alice)
    assert alice.get(url(young_person)).status_code == 404
    assert alice.post(url(young_person, "contacts"), {
        "contact_on": "2026-05-28", "kind": "phone", "in_touch": True},
        format="json").status_code == 404

    relevant_care_leaver(young_person, personas.sw_alice)
    people_services.record_restrict(person=young_person, actor=personas.sm_sara,
                                    reason="Staff relative")
    assert alice.get(url(young_person)).status_code == 404


def test_permissions_are_those_of_the_pages(personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    assert api_as(personas.sw_alice).post(url(young_person, "personal-adviser"), {
        "adviser": "sw_alice", "allocated_on": "2026-05-02"}, format="json").status_code == 403
    assert api_as(personas.bs_ben).post(url(young_person, "contacts"), {
        "contact_on": "2026-05-28", "kind": "phone", "in_touch": True},
        format="json").status_code == 403
    assert api_as(personas.analyst_dana).get("/api/v1/care-leavers/").status_code == 403
    assert api_as(personas.sw_alice).get("/api/v1/care-leavers/figures/").status_code == 403


def test_the_list_and_the_figures(personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    listed = api_as(personas.tm_bob).get("/api/v1/care-leavers/").json()
    figures = api_as(personas.analyst_dana).get("/api/v1/care-leavers/figures/").json()

    waiting = api_as(personas.tm_bob).get("/api/v1/care-leavers/?waiting=true").json()
    former = api_as(personas.tm_bob).get("/api/v1/care-leavers/?category=former_relevant")

    assert waiting["count"] == 1 and former.json()["count"] == 0
    assert listed["count"] == 1
    assert listed["results"][0]["category"] == "relevant"
    assert listed["results"][0]["adviser_due"]["status"]["code"] == "overdue"
    assert figures[0]["care_leavers"] == 1 and figures[0]["in_touch"]["percent"] == 0.0
    assert figures[1]["care_leavers"] == 0 and figures[1]["in_touch"]["percent"] is None
