import datetime as dt
import uuid

from hearth.api.tests.factories import allocate, api_as, audit_count, make_person
from hearth.core import clock
from hearth.people import services


def url(person) -> str:
    return f"/api/v1/people/{person.uuid}/"


# ---- GET ------------------------------------------------------------------------------------


def test_it_returns_the_record(alice, team_a, ada):
    services.address_add(person=ada, system_job="test", line_1="1 Test Street", town="Testville",
                         postcode="zz99 9zz", start_date=dt.date(2020, 1, 1))
    allocate(ada, team_a, alice)

    body = api_as(alice).get(url(ada)).json()

    assert body["uuid"] == str(ada.uuid)
    assert body["version"] == 1
    assert body["identifiers"]["nhs_number"] == ada.nhs_number
    assert body["demographics"]["sex"] == {"code": "F", "label": "Female"}
    assert body["demographics"]["religion"] is None
    assert body["current_address"]["postcode"] == "ZZ99 9ZZ"
    assert body["allocation"]["team"] == {"id": team_a.pk, "name": "Persona Team A"}
    assert body["allocation"]["worker"] == {"username": "sw_alice", "name": "Alice Adams"}
    assert body["age"] is not None


def test_it_shows_only_warnings_in_force_today(alice, ada):
    today = clock.today()
    services.warning_add(person=ada, kind="dog_on_premises", detail="Large test dog",
                         start_date=today, system_job="test")
    ended = services.warning_add(person=ada, kind="health", detail="Test allergy",
                                 start_date=dt.date(2020, 1, 1), system_job="test")
    services.warning_end(warning=ended, actor=alice, end_date=dt.date(2021, 1, 1))

    warnings = api_as(alice).get(url(ada)).json()["warnings"]

    assert [w["kind"]["code"] for w in warnings] == ["dog_on_premises"]


def test_it_shows_links_only_to_people_the_caller_may_see(alice, charlie, ada, secret):
    mum = make_person("Mumma", is_child=False, sex="F")
    services.relationship_add(person=ada, other=mum, kind="child_of", system_job="test")
    services.relationship_add(person=ada, other=secret, kind="sibling_of", system_job="test")

    def linked(user) -> list[str]:
        return [r["other"]["name"] for r in api_as(user).get(url(ada)).json()["relationships"]]

    assert sorted(linked(alice)) == ["Mumma Testperson", "Sekrit Hiddenperson"]
    assert linked(charlie) == ["Mumma Testperson"]


def test_reading_the_record_is_audited(alice, ada):
    api_as(alice).get(url(ada))

    assert audit_count(ada, "PERSON_EXPORTED") == 1


def test_a_restricted_record_is_404_for_those_not_on_the_list(alice, charlie, secret):
    assert api_as(charlie).get(url(secret)).status_code == 404
    assert audit_count(secret, "PERSON_EXPORTED") == 0
    assert api_as(alice).get(url(secret)).status_code == 200


def test_a_missing_record_is_404(alice):
    assert api_as(alice).get(f"/api/v1/people/{uuid.uuid4()}/").status_code == 404


def test_a_role_without_view_child_is_refused(dana, ada):
    assert api_as(dana).get(url(ada)).status_code == 403


# ---- PATCH ----------------------------------------------------------------------------------


def test_it_changes_details(alice, ada):
    response = api_as(alice).patch(url(ada), {"version": 1, "known_as": "Addy",
                                              "ethnicity": "WBRI"}, format="json")

    assert response.status_code == 200
    assert response.json()["known_as"] == "Addy"
    assert response.json()["demographics"]["ethnicity"] == {"code": "WBRI",
                                                            "label": "White British"}
    assert response.json()["version"] == 2
    assert audit_count(ada, "PERSON_UPDATED") == 1


def test_a_stale_version_is_409_with_the_record_as_it_is_now(alice, bob, ada):
    services.person_update(person=ada, actor=bob, seen_version=1, known_as="Bobs-choice")

    response = api_as(alice).patch(url(ada), {"version": 1, "known_as": "Addy"}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert "Someone else changed this record" in body["detail"]
    assert body["current_version"] == 2
    assert body["current"]["known_as"] == "Bobs-choice"
    ada.refresh_from_db()
    assert ada.known_as == "Bobs-choice"


def test_it_needs_the_version(alice, ada):
    response = api_as(alice).patch(url(ada), {"known_as": "Addy"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"version": ["Send the version of the record you read (from GET)"]}


def test_it_gives_field_messages(alice, ada):
    response = api_as(alice).patch(url(ada), {"version": 1, "date_of_birth": "2999-01-01",
                                              "sex": "X"}, format="json")

    assert response.status_code == 400
    assert response.json()["sex"] == ['"X" is not a valid choice.']


def test_it_checks_rules_against_the_saved_record(alice, ada):
    response = api_as(alice).patch(url(ada), {"version": 1, "is_child": False,
                                              "date_of_birth": None,
                                              "expected_date_of_birth": "2027-01-01"},
                                   format="json")

    assert response.status_code == 400
    assert "expected_date_of_birth" in response.json()


def test_a_worker_in_another_team_may_not_change_an_allocated_child(charlie, team_a, ada):
    allocate(ada, team_a)

    response = api_as(charlie).patch(url(ada), {"version": 1, "known_as": "X"}, format="json")

    assert response.status_code == 403


def test_anyone_with_change_person_may_change_an_unallocated_child(charlie, ada):
    response = api_as(charlie).patch(url(ada), {"version": 1, "known_as": "X"}, format="json")

    assert response.status_code == 200


def test_a_restricted_record_is_404_not_403(charlie, secret):
    response = api_as(charlie).patch(url(secret), {"version": 1, "known_as": "X"},
                                     format="json")

    assert response.status_code == 404


def test_a_role_without_change_person_is_refused(dana, ada):
    assert api_as(dana).patch(url(ada), {"version": 1}, format="json").status_code == 403


def test_put_and_delete_are_not_offered(alice, ada):
    client = api_as(alice)

    assert client.put(url(ada), {}, format="json").status_code == 405
    assert client.delete(url(ada)).status_code == 405
