import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.people import rules, services
from hearth.people.models import Person, Relationship

pytestmark = pytest.mark.django_db


def a_child(**overrides) -> Person:
    values = {"is_child": True, "first_name": "Testa", "last_name": "Childling", "sex": "F",
              "date_of_birth": dt.date(2016, 5, 4)} | overrides
    return services.person_create(system_job="test", **values)


def test_it_creates_a_child_with_an_la_child_id_and_an_audit_event():
    child = a_child()
    assert child.la_child_id.startswith("HC")
    event = AuditEvent.objects.get(event_code="PERSON_CREATED")
    assert event.child_id == child.pk and event.system_job == "test"


def test_it_gives_each_child_a_new_la_child_id():
    assert a_child().la_child_id != a_child(first_name="Other").la_child_id


def test_it_refuses_a_bad_nhs_number_at_the_service_whatever_the_form_did():
    with pytest.raises(DomainError) as error:
        a_child(nhs_number="9990000001")
    assert error.value.field == "nhs_number"


def test_it_refuses_a_second_person_with_the_same_nhs_number():
    nine = next(f"{n:09d}" for n in range(999000001, 999000020)
                if rules.nhs_check_digit(f"{n:09d}") is not None)
    number = nine + str(rules.nhs_check_digit(nine))
    a_child(nhs_number=number)
    with pytest.raises(DomainError, match="already has this NHS number"):
        a_child(first_name="Again", nhs_number=number)


def test_it_refuses_no_disability_with_a_disability():
    with pytest.raises(DomainError, match="No disability"):
        a_child(disabilities=["NONE", "MOB"])


def test_an_update_records_what_changed(personas):
    child = personas.child_for(personas.sw_alice)
    updated = services.person_update(person=child, actor=personas.sw_alice,
                                     seen_version=child.version, first_name="Renamed")
    assert updated.version == child.version + 1
    event = AuditEvent.objects.filter(event_code="PERSON_UPDATED").get()
    assert event.detail["changed"]["first_name"][1] == "Renamed"


def test_a_stale_update_is_refused_with_what_the_other_person_changed(personas):
    child = personas.child_for(personas.sw_alice)
    opened_by_bob = Person.objects.get(pk=child.pk)
    what_bob_saw = services.person_snapshot(opened_by_bob)
    services.person_update(person=child, actor=personas.sw_alice, seen_version=child.version,
                           known_as="Tess")
    with pytest.raises(services.StaleRecord) as stale:
        services.person_update(person=opened_by_bob, actor=personas.tm_bob,
                               seen_version=opened_by_bob.version, seen_values=what_bob_saw,
                               first_name="Overwrite")
    assert stale.value.changed == {"known_as": ["", "Tess"]}
    assert Person.objects.get(pk=child.pk).first_name != "Overwrite"


def test_a_relationship_is_saved_both_ways():
    mother = services.person_create(system_job="test", is_child=False, first_name="Maya",
                                    last_name="Childling", sex="F",
                                    date_of_birth=dt.date(1990, 1, 1))
    child = a_child()
    services.relationship_add(person=mother, other=child, kind="parent_of",
                              has_parental_responsibility=True, system_job="test")
    assert Relationship.objects.get(person=child, other=mother).kind == "child_of"
    with pytest.raises(DomainError, match="already linked"):
        services.relationship_add(person=mother, other=child, kind="parent_of",
                                  system_job="test")


def test_a_new_address_ends_the_old_one():
    child = a_child()
    first = services.address_add(person=child, system_job="test", line_1="1 Example Row",
                                 town="Testbury", postcode="zz1 1ab",
                                 start_date=dt.date(2020, 1, 1))
    services.address_add(person=child, system_job="test", line_1="2 Example Row",
                         town="Testbury", postcode="ZZ1 1AB", start_date=dt.date(2024, 6, 1))
    first.refresh_from_db()
    assert first.end_date == dt.date(2024, 5, 31)
    assert first.postcode == "ZZ1 1AB"


def test_restricting_keeps_the_restricter_on_the_list(personas):
    child = personas.child_for(personas.sw_alice)
    services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    visible = Person.objects.visible_to(personas.sm_sara)
    assert visible.filter(pk=child.pk).exists()
    assert not Person.objects.visible_to(personas.sw_alice).filter(pk=child.pk).exists()


def test_hidden_from_is_exactly_what_visible_to_leaves_out(personas):
    open_child = personas.child_for(personas.sw_alice)
    restricted = personas.child_for(personas.sw_alice)
    services.record_restrict(person=restricted, actor=personas.sm_sara, reason="Staff relative")
    everyone = set(Person.objects.values_list("pk", flat=True))
    assert {open_child.pk, restricted.pk} <= everyone
    for user in (personas.sm_sara, personas.sw_alice, personas.analyst_dana):
        visible = set(Person.objects.visible_to(user).values_list("pk", flat=True))
        hidden = set(Person.objects.hidden_from(user).values_list("pk", flat=True))
        assert visible | hidden == everyone and not visible & hidden, user.username
    assert set(Person.objects.hidden_from(personas.sw_alice).values_list("pk", flat=True)) \
        == {restricted.pk}


def test_two_people_can_be_linked_again_after_their_link_ended():
    mother = services.person_create(system_job="test", is_child=False, first_name="Maya",
                                    last_name="Relinker", sex="F",
                                    date_of_birth=dt.date(1990, 1, 1))
    child = a_child()
    first = services.relationship_add(person=mother, other=child, kind="carer_of",
                                      system_job="test")
    services.relationship_end(relationship=first, system_job="test",
                              end_date=dt.date(2025, 1, 1))
    assert Relationship.objects.get(person=child, other=mother).end_date == dt.date(2025, 1, 1)
    again = services.relationship_add(person=mother, other=child, kind="carer_of",
                                      system_job="test")
    assert again.pk != first.pk
    assert Relationship.objects.filter(person=child, other=mother, end_date__isnull=True,
                                       kind="cared_for_by").count() == 1
