import datetime as dt

from rest_framework.test import APIClient

from hearth.api.tests.factories import api_as, audit_count, make_person, queries_for

URL = "/api/v1/people/"


def names(response) -> list[str]:
    return [f"{p['first_name']} {p['last_name']}" for p in response.json()["results"]]


def test_it_finds_people_by_name_forgiving_spelling_and_order(alice, ada):
    response = api_as(alice).get(URL, {"name": "Testpersn Ada"})

    assert response.status_code == 200
    assert names(response) == ["Ada Testperson"]
    hit = response.json()["results"][0]
    assert hit["uuid"] == str(ada.uuid)
    assert hit["sex"] == {"code": "F", "label": "Female"}
    assert hit["date_of_birth"] == "2015-03-27"


def test_it_finds_people_by_identifier_and_date_of_birth(alice, ada):
    client = api_as(alice)

    assert names(client.get(URL, {"identifier": ada.nhs_number})) == ["Ada Testperson"]
    assert names(client.get(URL, {"identifier": ada.la_child_id})) == ["Ada Testperson"]
    assert names(client.get(URL, {"date_of_birth": "2015-03-27"})) == ["Ada Testperson"]


def test_it_can_leave_out_adults(alice, ada):
    make_person("Adam", is_child=False, sex="M")
    client = api_as(alice)

    assert len(names(client.get(URL, {"name": "Testperson"}))) == 2
    assert names(client.get(URL, {"name": "Testperson", "children_only": "true"})) == [
        "Ada Testperson"]


def test_it_audits_each_hit(alice, ada):
    api_as(alice).get(URL, {"name": "Ada Testperson"})

    assert audit_count(ada, "CHILD_SEARCH_HIT") == 1


def test_it_pages_results(alice):
    for n in range(27):
        make_person(f"Ada{chr(97 + n % 26)}", date_of_birth=dt.date(2015, 3, n + 1))
    client = api_as(alice)

    first = client.get(URL, {"name": "Testperson"}).json()
    second = client.get(URL, {"name": "Testperson", "page": 2}).json()

    assert first["count"] == 27
    assert len(first["results"]) == 25
    assert len(second["results"]) == 2
    assert first["next"] is not None


def test_it_needs_a_criterion(alice):
    response = api_as(alice).get(URL, {"children_only": "true"})

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Give a name, an identifier or a date of birth to search for"]}


def test_it_refuses_a_bad_date(alice):
    response = api_as(alice).get(URL, {"date_of_birth": "27/03/2015"})

    assert response.status_code == 400
    assert "date_of_birth" in response.json()


def test_restricted_records_are_absent_for_those_not_on_the_list(alice, charlie, secret):
    assert names(api_as(charlie).get(URL, {"name": "Sekrit Hiddenperson"})) == []
    assert audit_count(secret, "CHILD_SEARCH_HIT") == 0
    assert names(api_as(alice).get(URL, {"name": "Sekrit Hiddenperson"})) == [
        "Sekrit Hiddenperson"]


def test_a_role_without_search_is_refused(dana, ada):
    assert api_as(dana).get(URL, {"name": "Ada"}).status_code == 403


def test_a_role_without_the_api_is_refused(sam, ada):
    assert api_as(sam).get(URL, {"name": "Ada"}).status_code == 403


def test_it_refuses_a_caller_without_credentials(ada):
    assert APIClient().get(URL, {"name": "Ada"}).status_code == 401


def test_search_takes_the_same_queries_however_many_hits(alice):
    client = api_as(alice)
    make_person("Ada")
    with_one = queries_for(lambda: client.get(URL, {"name": "Testperson"}))
    for name in ("Bea", "Cal", "Dot"):
        make_person(name, date_of_birth=dt.date(2014, 1, 2))

    assert client.get(URL, {"name": "Testperson"}).json()["count"] == 4
    assert queries_for(lambda: client.get(URL, {"name": "Testperson"})) == with_one
