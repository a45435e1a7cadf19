"""The front door over the API: same permissions, rules and audit as the pages."""

import datetime as dt

import pytest

from hearth.api.tests.factories import api_as
from hearth.cases.models import StatutoryTask
from hearth.core.models import AuditEvent
from hearth.frontdoor.models import Contact, Referral
from hearth.frontdoor.tests.conftest import london
from hearth.frontdoor.tests.factories import contact_for, referral_for
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def _fresh_throttles():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def child(personas, on_wednesday):
    return personas.child_for(personas.sw_alice)


@pytest.fixture
def secret(personas, on_wednesday):
    child = personas.child_for(personas.sw_alice)
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    return child


def new_contact(child, **overrides) -> dict:
    return {"child": str(child.uuid), "received_at": "2026-03-04T08:15:00+00:00",
            "source": "6", "source_detail": "PC Testofficer", "concern": "Domestic abuse call",
            "consent": "not_sought", "consent_note": "Would put the child at risk",
            **overrides}


def test_a_contact_is_recorded_and_its_clock_shown(personas, child):
    response = api_as(personas.bs_ben).post("/api/v1/contacts/", new_contact(child),
                                            format="json")

    assert response.status_code == 201, response.data
    body = response.data
    assert body["decision_due_on"] == "2026-03-05"
    assert body["clock"] == {"status": "on_track", "time_left": "1 working day left",
                             "working_days": 1, "hours_left": None}
    assert body["source"] == {"code": "6", "label": "Police"}
    assert StatutoryTask.objects.get().kind == "decide_contact"


def test_a_contact_about_a_child_you_may_not_see_is_not_found(personas, secret):
    response = api_as(personas.tm_bob).post("/api/v1/contacts/", new_contact(secret),
                                            format="json")
    assert response.status_code == 404
    assert not Contact.objects.exists()


def test_a_broken_rule_is_a_400_with_the_pages_message(personas, child):
    response = api_as(personas.bs_ben).post(
        "/api/v1/contacts/", new_contact(child, consent_note=""), format="json")

    assert response.status_code == 400
    assert response.data == {"consent_note": [
        "Say why consent was not given, or when it will be sought"]}


def test_the_queue_lists_open_contacts_most_urgent_first_and_audits_them(personas, child):
    late = contact_for(child, actor=personas.tm_bob, received_at=london(2026, 3, 2, 9))
    fresh = contact_for(child, actor=personas.tm_bob, received_at=london(2026, 3, 4, 9))

    response = api_as(personas.tm_bob).get("/api/v1/contacts/")

    assert response.status_code == 200
    assert [c["id"] for c in response.data["results"]] == [late.pk, fresh.pk]
    assert response.data["results"][0]["clock"]["status"] == "overdue"
    listed = AuditEvent.objects.filter(event_code="CHILD_LISTED", actor=personas.tm_bob)
    assert listed.count() == 2
    assert api_as(personas.tm_bob).get("/api/v1/contacts/",
                                       {"overdue_only": "true"}).data["count"] == 1


def test_rating_and_deciding_open_a_referral(personas, child):
    contact = contact_for(child, actor=personas.bs_ben, received_at=london(2026, 3, 4, 8))
    bob = api_as(personas.tm_bob)

    rated = bob.post(f"/api/v1/contacts/{contact.pk}/rating/", {"rag": "red"}, format="json")
    decided = bob.post(f"/api/v1/contacts/{contact.pk}/decision/", {
        "decision": "strategy", "decision_reason": "Risk of significant harm",
        "decided_at": "2026-03-04T09:00:00+00:00", "primary_need": "N1"}, format="json")
    again = bob.post(f"/api/v1/contacts/{contact.pk}/decision/", {
        "decision": "nfa", "decision_reason": "Changed my mind",
        "decided_at": "2026-03-04T09:30:00+00:00"}, format="json")

    assert rated.status_code == 200 and rated.data["rag"]["code"] == "red"
    assert decided.status_code == 200, decided.data
    referral = Referral.objects.get()
    assert decided.data["referral"] == referral.pk
    assert decided.data["clock"] is None
    assert again.status_code == 400
    assert "already decided" in again.data["decision"][0]


def test_only_managers_decide_and_only_senior_staff_rate(personas, child):
    contact = contact_for(child, actor=personas.bs_ben)
    alice = api_as(personas.sw_alice)

    assert alice.post(f"/api/v1/contacts/{contact.pk}/rating/", {"rag": "red"},
                      format="json").status_code == 403
    assert alice.post(f"/api/v1/contacts/{contact.pk}/decision/", {},
                      format="json").status_code == 403
    assert api_as(personas.analyst_dana).get("/api/v1/contacts/").status_code == 403


def test_a_contact_about_a_restricted_child_is_not_found_by_id(personas, secret):
    contact = contact_for(secret, actor=personas.sm_sara)

    response = api_as(personas.tm_bob).post(f"/api/v1/contacts/{contact.pk}/rating/",
                                            {"rag": "red"}, format="json")
    assert response.status_code == 404


def test_referrals_for_a_child_are_listed_created_changed_and_closed(personas, child):
    earlier = referral_for(child, actor=personas.tm_bob, referral_date=D(2025, 9, 1),
                           primary_need="", no_further_action=True)
    bob = api_as(personas.tm_bob)
    base = f"/api/v1/people/{child.uuid}/referrals/"

    created = bob.post(base, {"referral_date": "2026-03-02", "source": "5C",
                              "primary_need": "N4"}, format="json")
    assert created.status_code == 201, created.data
    assert created.data["is_re_referral"] is True
    assert created.data["previous_referral"] == {"id": earlier.pk,
                                                 "referral_date": "2025-09-01"}
    referral_id = created.data["id"]

    changed = bob.patch(f"/api/v1/referrals/{referral_id}/", {"primary_need": "N5"},
                        format="json")
    assert changed.status_code == 200 and changed.data["primary_need"]["code"] == "N5"

    refused = bob.post(f"/api/v1/referrals/{referral_id}/closure/",
                       {"closed_on": "2026-03-03", "closure_reason": "RC9"}, format="json")
    assert refused.status_code == 400
    closed = bob.post(f"/api/v1/referrals/{referral_id}/closure/",
                      {"closed_on": "2026-03-03", "closure_reason": "RC7"}, format="json")
    assert closed.status_code == 200
    assert (closed.data["is_open"], closed.data["closure_reason"]["code"]) == (False, "RC7")

    listed = bob.get(base)
    assert [r["id"] for r in listed.data] == [referral_id, earlier.pk]
    assert AuditEvent.objects.filter(event_code="PERSON_EXPORTED",
                                     detail__how="api referrals").count() == 1


def test_a_social_worker_may_not_close_an_episode(personas, child):
    referral = referral_for(child, actor=personas.tm_bob, referral_date=D(2026, 3, 2))

    response = api_as(personas.sw_alice).post(f"/api/v1/referrals/{referral.pk}/closure/",
                                              {"closed_on": "2026-03-03",
                                               "closure_reason": "RC7"}, format="json")
    assert response.status_code == 403


def test_a_childs_contacts_show_only_people_you_may_see(personas, child):
    aunt = people_services.person_create(system_job="test", is_child=False, first_name="Di",
                                         last_name="Testaunt", sex="F")
    people_services.relationship_add(person=aunt, other=child, kind="aunt_or_uncle_of",
                                     system_job="test")
    contact_for(child, actor=personas.tm_bob, others_involved=[aunt])
    people_services.record_restrict(person=aunt, actor=personas.sm_sara, reason="LADO")

    bob_sees = api_as(personas.tm_bob).get(f"/api/v1/people/{child.uuid}/contacts/").data
    sara_sees = api_as(personas.sm_sara).get(f"/api/v1/people/{child.uuid}/contacts/").data

    assert bob_sees[0]["others_involved"] == []
    assert sara_sees[0]["others_involved"] == [{"uuid": str(aunt.uuid), "name": "Di Testaunt"}]
