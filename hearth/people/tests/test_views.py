import datetime as dt

import pytest
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.people import services
from hearth.people.models import Person

pytestmark = pytest.mark.django_db


def search(client, **params):
    return client.get(reverse("people:search"), params)


def test_search_forgives_spelling_and_order(client, personas):
    child = personas.child_for(personas.sw_alice, first_name="Jonathan", last_name="Smithson")
    client.force_login(personas.sw_charlie)
    for typed in ("Jonathan Smithson", "Smithson Jonathan", "Jonathon Smithsen", "smithson"):
        response = search(client, q=typed)
        assert child in response.context["page_obj"].object_list, typed


def test_search_finds_by_identifier_and_date_of_birth(client, personas):
    child = personas.child_for(personas.sw_alice, date_of_birth=dt.date(2014, 7, 9))
    client.force_login(personas.sw_alice)
    assert child in search(client, q=child.la_child_id).context["page_obj"].object_list
    if child.nhs_number:
        assert child in search(client, q=child.nhs_number).context["page_obj"].object_list
    response = search(client, date_of_birth_day="9", date_of_birth_month="7",
                      date_of_birth_year="2014")
    assert child in response.context["page_obj"].object_list


def test_each_search_hit_is_audited(client, personas):
    child = personas.child_for(personas.sw_alice, first_name="Audra", last_name="Searchley")
    client.force_login(personas.sw_alice)
    search(client, q="Audra Searchley")
    assert AuditEvent.objects.filter(event_code="CHILD_SEARCH_HIT", child_id=child.pk,
                                     actor=personas.sw_alice).count() == 1


def test_an_empty_search_asks_for_something(client, personas):
    client.force_login(personas.sw_alice)
    response = search(client, q="")
    assert "Enter a name, an identifier or a date of birth" in response.content.decode()


def test_opening_a_record_is_audited(client, personas):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_charlie)
    response = client.get(child.get_absolute_url())
    assert response.status_code == 200
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=child.pk,
                                     actor=personas.sw_charlie).exists()


def test_warnings_are_shown_prominently(client, personas):
    child = personas.child_for(personas.sw_alice)
    services.warning_add(person=child, kind="risk_to_staff", detail="Visit in pairs only",
                         start_date=dt.date(2025, 1, 1), actor=personas.sw_alice)
    client.force_login(personas.sw_alice)
    page = client.get(child.get_absolute_url()).content.decode()
    assert "Risk to staff" in page and "Visit in pairs only" in page


def test_a_worker_of_another_team_may_view_but_not_change(client, personas):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_charlie)
    assert client.get(child.get_absolute_url()).status_code == 200
    assert client.get(reverse("people:edit_person", args=[child.uuid])).status_code == 403


def test_a_restricted_record_is_a_404_for_those_not_on_its_list(client, personas):
    child = personas.child_for(personas.sw_alice, first_name="Restra", last_name="Hiddenly")
    services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    client.force_login(personas.sw_alice)
    assert client.get(child.get_absolute_url()).status_code == 404
    assert child not in search(client, q="Restra Hiddenly").context["page_obj"].object_list
    services.record_access_grant(person=child, user=personas.sw_alice, actor=personas.sm_sara,
                                 reason="Allocated worker")
    assert client.get(child.get_absolute_url()).status_code == 200


def new_person_form(**overrides) -> dict:
    return {
        "is_child": "yes", "first_name": "Petra", "last_name": "Newcombe", "sex": "F",
        "date_of_birth_day": "3", "date_of_birth_month": "4", "date_of_birth_year": "2019",
        "ethnicity": "NOBT",
    } | overrides


def test_a_rejected_form_keeps_what_was_typed(client, personas):
    client.force_login(personas.sw_alice)
    response = client.post(reverse("people:add_person"),
                           new_person_form(nhs_number="999 000 0001", first_language="Polish"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'value="Polish"' in page and 'value="999 000 0001"' in page
    assert 'value="Petra"' in page and 'value="2019"' in page
    assert not Person.objects.filter(first_name="Petra").exists()


def test_a_future_date_of_birth_is_refused(client, personas):
    client.force_login(personas.sw_alice)
    response = client.post(reverse("people:add_person"),
                           new_person_form(date_of_birth_year="2099"))
    assert "Date of birth must be today or in the past" in response.content.decode()


def test_possible_duplicates_are_shown_before_creating(client, personas):
    personas.child_for(personas.sw_alice, first_name="Petra", last_name="Newcombe",
                       date_of_birth=dt.date(2019, 4, 3))
    client.force_login(personas.sw_alice)
    response = client.post(reverse("people:add_person"),
                           new_person_form(first_name="Petra", last_name="Newcomb"))
    assert "This person may already have a record" in response.content.decode()
    assert Person.objects.filter(last_name__startswith="Newcomb").count() == 1
    confirmed = client.post(reverse("people:add_person"),
                            new_person_form(last_name="Newcomb", checked_duplicates="on"))
    assert confirmed.status_code == 302
    assert Person.objects.filter(last_name__startswith="Newcomb").count() == 2


def test_a_worker_links_a_parent_and_both_records_show_it(client, personas):
    child = personas.child_for(personas.sw_alice)
    parent = services.person_create(system_job="test", is_child=False, first_name="Parenta",
                                    last_name=child.last_name, sex="F",
                                    date_of_birth=dt.date(1988, 2, 2))
    client.force_login(personas.sw_alice)
    url = reverse("people:add_relationship", args=[child.uuid])
    response = client.post(url, {"other": str(parent.uuid), "kind": "child_of"})
    assert response.status_code == 302
    family = client.get(reverse("people:person_family", args=[parent.uuid])).content.decode()
    assert "Parent of" in family and child.first_name in family


def test_editing_with_a_stale_version_shows_the_other_change(client, personas):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    opened = client.get(reverse("people:edit_person", args=[child.uuid]))
    form = {name: value for name, value in opened.context["form"].initial.items()
            if value not in (None, "")}
    form.update(is_child="yes", first_name="Changed", nhs_number=child.nhs_number,
                date_of_birth_day=child.date_of_birth.day,
                date_of_birth_month=child.date_of_birth.month,
                date_of_birth_year=child.date_of_birth.year)
    form.pop("date_of_birth")
    services.person_update(person=child, actor=personas.tm_bob, seen_version=child.version,
                           known_as="Bobby")
    response = client.post(reverse("people:edit_person", args=[child.uuid]), form)
    page = response.content.decode()
    assert "Someone else changed this record" in page and "Bobby" in page
    assert 'value="Changed"' in page
    child.refresh_from_db()
    assert child.first_name != "Changed"
