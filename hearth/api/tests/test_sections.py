"""Addresses, relationships and warnings on a person's record."""

import datetime as dt

from hearth.api.tests.factories import allocate, api_as, audit_count, make_person
from hearth.people import services
from hearth.people.models import Relationship

ADDRESS = {"line_1": "2 Test Road", "town": "Testville", "postcode": "zz99 1zz",
           "start_date": "2023-06-01"}


def url(person, section: str) -> str:
    return f"/api/v1/people/{person.uuid}/{section}/"


# ---- Addresses ------------------------------------------------------------------------------


def test_it_adds_and_lists_addresses(alice, ada):
    client = api_as(alice)

    added = client.post(url(ada, "addresses"), ADDRESS, format="json")
    listed = client.get(url(ada, "addresses"))

    assert added.status_code == 201
    assert added.json()["postcode"] == "ZZ99 1ZZ"
    assert [a["line_1"] for a in listed.json()] == ["2 Test Road"]
    assert audit_count(ada, "ADDRESS_ADDED") == 1
    assert audit_count(ada, "PERSON_EXPORTED") == 1


def test_it_refuses_a_bad_postcode(alice, ada):
    response = api_as(alice).post(url(ada, "addresses"), {**ADDRESS, "postcode": "nope"},
                                  format="json")

    assert response.status_code == 400
    assert response.json() == {"postcode": ["Enter a real postcode, like SW1A 1AA"]}


def test_a_service_rule_on_an_address_becomes_a_400(alice, ada):
    response = api_as(alice).post(url(ada, "addresses"), {**ADDRESS, "start_date": "2999-01-01"},
                                  format="json")

    assert response.status_code == 400
    assert response.json() == {
        "start_date": ["The date they moved in must be today or in the past"]}


def test_another_team_may_read_but_not_add_an_address(charlie, team_a, ada):
    allocate(ada, team_a)
    client = api_as(charlie)

    assert client.get(url(ada, "addresses")).status_code == 200
    assert client.post(url(ada, "addresses"), ADDRESS, format="json").status_code == 403


def test_addresses_of_a_restricted_record_are_404(charlie, secret):
    client = api_as(charlie)

    assert client.get(url(secret, "addresses")).status_code == 404
    assert client.post(url(secret, "addresses"), ADDRESS, format="json").status_code == 404


def test_a_role_without_view_child_may_not_read_addresses(dana, ada):
    assert api_as(dana).get(url(ada, "addresses")).status_code == 403


# ---- Relationships --------------------------------------------------------------------------


def test_it_links_two_people_both_ways(alice, ada):
    mum = make_person("Mumma", is_child=False, sex="F")

    response = api_as(alice).post(url(ada, "relationships"),
                                  {"other": str(mum.uuid), "kind": "child_of"}, format="json")

    assert response.status_code == 201
    assert response.json()["kind"] == {"code": "child_of", "label": "Child of"}
    assert Relationship.objects.filter(person=mum, other=ada, kind="parent_of").exists()
    assert audit_count(ada, "RELATIONSHIP_ADDED") == 1


def test_the_other_person_must_be_visible(charlie, ada, secret):
    response = api_as(charlie).post(url(ada, "relationships"),
                                    {"other": str(secret.uuid), "kind": "sibling_of"},
                                    format="json")

    assert response.status_code == 404
    assert not Relationship.objects.exists()


def test_it_lists_only_links_to_visible_people(alice, charlie, ada, secret):
    api_as(alice).post(url(ada, "relationships"), {"other": str(secret.uuid),
                                                   "kind": "sibling_of"}, format="json")

    assert len(api_as(alice).get(url(ada, "relationships")).json()) == 1
    assert api_as(charlie).get(url(ada, "relationships")).json() == []
    assert audit_count(ada, "PERSON_EXPORTED") == 2


def test_a_link_to_oneself_is_a_400(alice, ada):
    response = api_as(alice).post(url(ada, "relationships"),
                                  {"other": str(ada.uuid), "kind": "sibling_of"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"other": ["A person cannot be linked to themselves"]}


def test_a_relationship_needs_a_kind(alice, ada):
    mum = make_person("Mumma", is_child=False, sex="F")

    response = api_as(alice).post(url(ada, "relationships"), {"other": str(mum.uuid)},
                                  format="json")

    assert response.status_code == 400
    assert response.json() == {"kind": ["Select the relationship"]}


# ---- Warnings -------------------------------------------------------------------------------


def test_a_practitioner_adds_a_warning(alice, ada):
    response = api_as(alice).post(url(ada, "warnings"), {
        "kind": "risk_to_staff", "detail": "Test detail", "start_date": "2024-02-01"},
        format="json")

    assert response.status_code == 201
    assert response.json()["raised_by"]["username"] == "sw_alice"
    assert audit_count(ada, "WARNING_ADDED") == 1


def test_it_lists_warnings_current_and_ended(alice, pat, ada):
    warning = services.warning_add(person=ada, kind="health", detail="Test allergy",
                                   start_date=dt.date(2020, 1, 1), system_job="test")
    services.warning_end(warning=warning, actor=alice, end_date=dt.date(2021, 1, 1))

    listed = api_as(pat).get(url(ada, "warnings")).json()

    assert [(w["kind"]["code"], w["end_date"]) for w in listed] == [("health", "2021-01-01")]


def test_business_support_may_not_add_a_warning(pat, ada):
    response = api_as(pat).post(url(ada, "warnings"), {
        "kind": "risk_to_staff", "detail": "Test detail", "start_date": "2024-02-01"},
        format="json")

    assert response.status_code == 403


def test_a_warning_needs_detail(alice, ada):
    response = api_as(alice).post(url(ada, "warnings"), {
        "kind": "risk_to_staff", "start_date": "2024-02-01"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"detail": ["Say what staff need to know"]}


def test_warnings_of_a_restricted_record_are_404(charlie, secret):
    assert api_as(charlie).get(url(secret, "warnings")).status_code == 404
