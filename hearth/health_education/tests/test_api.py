"""Health and education over the API: the same rules, clocks, permissions and audit as the
pages."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.care import services as care
from hearth.care.tests.factories import period_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.models import AuditEvent
from hearth.health_education.models import HealthCheck, SdqScore
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def api_as(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(child, tail: str = "") -> str:
    return f"/api/v1/people/{child.uuid}/health-education/{tail}"


@pytest.fixture
def period(personas, child):
    return period_for(child, personas.sw_alice, started_on=D(2026, 4, 2))


def test_a_worker_records_each_kind_of_record_and_reads_them_back(personas, child, period):
    alice = api_as(personas.sw_alice)
    answers = [
        alice.post(url(child, "health-checks/"), {"kind": "initial", "done_on": "2026-04-28",
                                                  "carried_out_by": "Paediatrician"},
                   format="json"),
        alice.post(url(child, "immunisations/"), {"as_at": "2026-05-01", "up_to_date": True},
                   format="json"),
        alice.post(url(child, "sdqs/"), {"completed_on": "2026-05-02", "score": 14},
                   format="json"),
        alice.post(url(child, "peps/"), {"held_on": "2026-04-15", "school": "Oakfield Primary",
                                         "virtual_school_attended": True}, format="json"),
        alice.post(url(child, "education-contacts/"), {
            "kind": "virtual_school", "contacted_on": "2026-04-16",
            "contact_name": "Virtual School caseworker"}, format="json"),
    ]
    assert [a.status_code for a in answers] == [201] * 5
    assert answers[0].json()["kind"] == "initial"
    assert answers[0].json()["kind_label"] == "Initial health assessment"

    read = alice.get(url(child))
    assert read.status_code == 200
    body = read.json()
    assert body["care_period_id"] == period.pk and body["looked_after"] is True
    assert [c["done_on"] for c in body["health_checks"]] == ["2026-04-28"]
    assert body["sdqs"][0]["score"] == 14 and body["immunisations"][0]["up_to_date"] is True
    assert body["peps"][0]["school"] == "Oakfield Primary"
    assert body["education_contacts"][0]["kind"] == "virtual_school"
    due = {d["kind"]: d for d in body["due"]}
    assert TaskKind.INITIAL_HEALTH_ASSESSMENT not in due  # closed by the assessment
    assert due[TaskKind.REVIEW_HEALTH_ASSESSMENT]["status"]["code"] == "on_track"
    assert StatutoryTask.objects.get(kind=TaskKind.INITIAL_HEALTH_ASSESSMENT).closed_on == D(
        2026, 4, 28)
    assert AuditEvent.objects.filter(event_code="PERSON_EXPORTED", child_id=child.pk,
                                     detail__how="api health and education").exists()
    assert AuditEvent.objects.filter(event_code="HEALTH_CHECK_RECORDED",
                                     child_id=child.pk).exists()


def test_a_broken_rule_is_a_400_on_its_field_and_writes_nothing(personas, child, period):
    alice = api_as(personas.sw_alice)
    review_first = alice.post(url(child, "health-checks/"), {
        "kind": "review", "done_on": "2026-04-28", "carried_out_by": "Nurse"}, format="json")
    before_care = alice.post(url(child, "health-checks/"), {
        "kind": "initial", "done_on": "2026-03-01", "carried_out_by": "Nurse"}, format="json")
    both = alice.post(url(child, "sdqs/"), {"completed_on": "2026-05-02", "score": 3,
                                            "reason": "SDQ2"}, format="json")
    neither = alice.post(url(child, "sdqs/"), {"completed_on": "2026-05-02"}, format="json")
    missing = alice.post(url(child, "peps/"), {"held_on": "2026-04-15"}, format="json")

    assert review_first.json() == {"kind": ["Record the initial health assessment first"]}
    assert list(before_care.json()) == ["done_on"]
    assert both.json() == {"reason": ["Enter a score or a reason there is none, not both"]}
    assert neither.json() == {"score": ["Enter the score, or choose why there is no score"]}
    assert missing.json() == {"school": ["Enter the school or setting"]}
    assert {a.status_code for a in (review_first, before_care, both, neither, missing)} == {400}
    assert not HealthCheck.objects.exists() and not SdqScore.objects.exists()


def test_a_child_not_looked_after_now_is_a_400_that_says_why(personas, child, period):
    care.care_end(period=period, ended_on=D(2026, 5, 20), reason="E4A", actor=personas.sw_alice)
    response = api_as(personas.sw_alice).post(url(child, "immunisations/"), {
        "as_at": "2026-05-25", "up_to_date": True}, format="json")
    assert response.status_code == 400
    assert "not looked after now" in response.json()["non_field_errors"][0]
    assert api_as(personas.sw_alice).get(url(child)).json()["looked_after"] is False


def test_permissions_and_restricted_children(personas, child, period):
    analyst = api_as(personas.analyst_dana)
    assert analyst.post(url(child, "peps/"), {"held_on": "2026-04-15", "school": "Oakfield"},
                        format="json").status_code == 403
    people_services.record_restrict(person=child, actor=personas.sm_sara,
                                    reason="Staff relative")
    people_services.record_access_grant(person=child, user=personas.sw_alice,
                                        actor=personas.sm_sara, reason="Allocated worker")
    assert api_as(personas.sw_charlie).get(url(child)).status_code == 404
    assert api_as(personas.sw_charlie).post(url(child, "sdqs/"), {
        "completed_on": "2026-05-02", "score": 4}, format="json").status_code == 404
    assert api_as(personas.sw_alice).get(url(child)).status_code == 200
