import datetime as dt

from hearth.api.tests.factories import api_as, audit_count, fake_nhs_number, make_person, restrict
from hearth.people.models import Person

URL = "/api/v1/people/"


def new_child(**values) -> dict:
    return {"is_child": True, "first_name": "Bea", "last_name": "Fakerson", "sex": "F",
            "date_of_birth": "2016-05-04", **values}


def test_it_creates_a_child(alice):
    response = api_as(alice).post(URL, new_child(nhs_number=fake_nhs_number(),
                                                 disabilities=["AUT"]), format="json")

    assert response.status_code == 201
    body = response.json()
    person = Person.objects.get(uuid=body["uuid"])
    assert body["identifiers"]["la_child_id"] == person.la_child_id
    assert body["demographics"]["disabilities"] == [
        {"code": "AUT", "label": "Autism or Asperger syndrome"}]
    assert body["demographics"]["ethnicity"]["code"] == "NOBT"
    assert body["version"] == 1
    assert audit_count(person, "PERSON_CREATED") == 1


def test_it_gives_field_messages(alice):
    response = api_as(alice).post(URL, new_child(first_name="", nhs_number="9990000000"),
                                  format="json")

    assert response.status_code == 400
    assert response.json()["first_name"] == ["Enter a first name"]
    assert response.json()["nhs_number"] == [
        "Enter a real NHS number: the last digit does not match the others"]


def test_it_applies_the_rules_across_fields(alice):
    response = api_as(alice).post(URL, new_child(date_of_birth=None), format="json")

    assert response.status_code == 400
    assert response.json() == {
        "date_of_birth": ["Enter the child's date of birth, or an expected date if unborn"]}


def test_it_refuses_a_future_date_of_birth(alice):
    response = api_as(alice).post(URL, new_child(date_of_birth="2999-01-01"), format="json")

    assert response.status_code == 400
    assert response.json() == {"date_of_birth": ["Date of birth must be today or in the past"]}


def test_it_lists_possible_duplicates_with_409(alice):
    existing = make_person("Bea", "Fakerson", date_of_birth=dt.date(2016, 5, 4))

    response = api_as(alice).post(URL, new_child(first_name="Bee"), format="json")

    assert response.status_code == 409
    assert response.json()["possible_duplicates"] == [
        {"uuid": str(existing.uuid), "name": "Bea Fakerson", "date_of_birth": "2016-05-04"}]
    assert Person.objects.count() == 1


def test_it_creates_when_told_the_match_is_not_them(alice):
    make_person("Bea", "Fakerson", date_of_birth=dt.date(2016, 5, 4))

    response = api_as(alice).post(URL, new_child(confirmed_not_duplicate=True), format="json")

    assert response.status_code == 201
    assert Person.objects.count() == 2


def test_a_service_rule_becomes_a_400(alice):
    nhs_number = fake_nhs_number()
    make_person("Other", "Fakerson", nhs_number=nhs_number)

    response = api_as(alice).post(URL, new_child(nhs_number=nhs_number,
                                                 confirmed_not_duplicate=True), format="json")

    assert response.status_code == 400
    assert response.json() == {"nhs_number": ["Another person already has this NHS number"]}


def test_restricted_people_are_never_offered_as_duplicates(alice, charlie):
    hidden = make_person("Bea", "Fakerson", date_of_birth=dt.date(2016, 5, 4))
    restrict(hidden, allowed=[alice])

    assert api_as(alice).post(URL, new_child(), format="json").status_code == 409
    assert api_as(charlie).post(URL, new_child(), format="json").status_code == 201


def test_a_role_without_add_person_is_refused(dana):
    assert api_as(dana).post(URL, new_child(), format="json").status_code == 403
    assert Person.objects.count() == 0
