"""Fostering over the API: 200, 201, 400, 403 and 404, through the same services and audit."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.core.models import AuditEvent
from hearth.fostering.models import FosteringHousehold, Provider
from hearth.fostering.tests import factories

pytestmark = pytest.mark.django_db
D = dt.date
BASE = "/api/v1/fostering/households/"


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_an_enquiry_goes_through_panel_and_decision_to_approval(personas):
    created = api_as(personas.bs_ben).post(BASE, {
        "household_type": "mainstream", "enquiry_on": "2026-01-05",
        "carers": [{"first_name": "Robin", "last_name": "Apicarer"}]}, format="json")
    assert created.status_code == 201, created.json()
    household_id = created.json()["id"]
    household = FosteringHousehold.objects.get(pk=household_id)
    from hearth.fostering import services

    services.assessment_start(household=household, started_on=D(2026, 2, 1),
                              actor=personas.sw_alice)
    panel = api_as(personas.bs_ben).post(f"{BASE}{household_id}/panel-recommendations/", {
        "business": "approval", "panel_on": "2026-05-22", "recommendation": "recommended",
        "places": 2, "age_from": 0, "age_to": 11}, format="json")
    assert panel.status_code == 201, panel.json()
    assert panel.json()["panels"][0]["decision_due_on"] == "2026-06-03"
    decided = api_as(personas.sm_sara).post(f"{BASE}{household_id}/adm-decision/", {
        "decision": "agreed", "decided_on": "2026-05-28"}, format="json")
    assert decided.status_code == 201
    body = decided.json()
    assert body["status"]["code"] == "approved" and body["vacancies"] == 2
    assert body["review_due"]["on"] == "2027-05-28"
    read = api_as(personas.sw_alice).get(f"{BASE}{household_id}/")
    assert read.status_code == 200 and read.json()["carers"][0]["last_name"] == "Apicarer"
    assert AuditEvent.objects.filter(event_code="FOSTERING_HOUSEHOLD_VIEWED",
                                     detail__how="api").exists()


def test_bad_input_and_broken_rules_are_400s(personas):
    bad = api_as(personas.bs_ben).post(BASE, {"household_type": "x", "carers": []},
                                       format="json")
    assert bad.status_code == 400
    assert bad.json()["enquiry_on"] == ["Enter the date of the enquiry"]
    household = factories.enquiry(personas.sw_alice)
    refused = api_as(personas.bs_ben).post(f"{BASE}{household.pk}/panel-recommendations/", {
        "business": "approval", "panel_on": "2026-05-22", "recommendation": "recommended",
        "places": 1, "age_from": 0, "age_to": 3}, format="json")
    assert refused.status_code == 400
    assert "in assessment" in refused.json()["business"][0]
    assert api_as(personas.sw_alice).get(
        "/api/v1/fostering/vacancies/?age=40").status_code == 400


def test_who_may_call_what(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    assert api_as(personas.analyst_dana).get(BASE).status_code == 403
    assert api_as(personas.iro_erin).get(f"{BASE}{household.pk}/").status_code == 403
    assert api_as(personas.tm_bob).post(f"{BASE}{household.pk}/adm-decision/", {
        "decision": "agreed", "decided_on": "2026-05-28"}, format="json").status_code == 403
    assert api_as(personas.sw_alice).get(f"{BASE}999999/").status_code == 404
    assert api_as(personas.iro_erin).get("/api/v1/providers/").status_code == 200
    assert api_as(personas.iro_erin).post("/api/v1/providers/", {}).status_code == 403


def test_lists_vacancies_and_work(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara,
                                   worker=personas.sw_alice)
    alice = api_as(personas.sw_alice)
    listed = alice.get(f"{BASE}?status=approved")
    assert listed.status_code == 200
    assert [r["reference"] for r in listed.json()["results"]] == [household.reference]
    vacancies = alice.get("/api/v1/fostering/vacancies/?age=5")
    assert vacancies.json()["results"][0]["free"] == 2
    work = alice.get(f"/api/v1/fostering/work/?worker={personas.sw_alice.pk}")
    assert work.json()["results"][0]["kind"]["code"] == "review_approval"
    assert work.json()["results"][0]["due"]["on"] == "2027-03-12"
    refused = alice.get("/api/v1/fostering/work/", {"kind": "\x00", "status": "late"})
    assert refused.status_code == 400 and set(refused.json()) == {"kind", "status"}


def test_providers_are_added_read_and_found(personas):
    ben = api_as(personas.bs_ben)
    created = ben.post("/api/v1/providers/", {
        "name": "Api House", "kind": "childrens_home", "place_provider": "PR4",
        "urn": "SC900777", "registration": "registered", "judgement": "good",
        "judgement_on": "2026-01-10", "postcode": "ZZ4 4DD"}, format="json")
    assert created.status_code == 201, created.json()
    provider = Provider.objects.get()
    assert ben.get(f"/api/v1/providers/{provider.pk}/").json()["urn"] == "SC900777"
    assert ben.get("/api/v1/providers/?q=SC900777").json()["results"][0]["placed"] == 0
    assert ben.get("/api/v1/providers/999999/").status_code == 404
    clash = ben.post("/api/v1/providers/", {
        "name": "Other", "kind": "childrens_home", "place_provider": "PR4", "urn": "SC900777",
        "registration": "registered"}, format="json")
    assert clash.status_code == 400 and "already on the register" in clash.json()["urn"][0]
