"""The Leaving care tab, its forms, the care leavers list and the figures page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.leaving_care import rules, services
from hearth.leaving_care.codes import Category, ContactKind, InTouch
from hearth.leaving_care.models import CareLeaver, Contact
from hearth.leaving_care.tests.factories import former_relevant, relevant_care_leaver
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"leaving_care:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def kept(page, name: str, value) -> bool:
    return re.search(rf'name="{name}"[^>]*value="{value}"', page.text) is not None


def test_the_tab_shows_category_adviser_plan_and_contact(client, personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.tm_bob, adviser=personas.sw_alice)
    services.needs_assessment_record(care_leaver=care_leaver, completed_on=D(2026, 5, 10),
                                     actor=personas.sw_alice)
    services.pathway_plan_agree(care_leaver=care_leaver, agreed_on=D(2026, 5, 20),
                                actor=personas.sw_alice)
    services.situation_record(care_leaver=care_leaver, as_at=D(2026, 5, 30),
                              in_touch=InTouch.YES, activity="F2", accommodation="E",
                              accommodation_suitable=True, actor=personas.sw_alice)

    page = signed_in(client, personas.sw_alice).get(url("child_leaving_care", young_person))

    assert f'aria-current="page" href="{url("child_leaving_care", young_person)}"' in page.text
    assert "Relevant (16 or 17, has left care)" in page.text
    assert "Alice Adams" in page.text
    assert "20 Nov 2026" in page.text  # next pathway plan review, 6 months on
    assert "26 Jun 2026" in page.text  # next contact, 8 weeks after 1 May
    assert "Supported lodgings, suitable (E1)" in page.text
    assert "Full time in other education (F2)" in page.text


def test_a_young_person_who_is_not_a_care_leaver_can_be_recorded(client, personas,
                                                                  young_person):
    page = signed_in(client, personas.sw_alice).get(url("child_leaving_care", young_person))

    assert "not recorded as a care leaver" in page.text
    assert url("record_care_leaver", young_person) in page.text


def test_a_worker_records_a_care_leaver(client, personas, young_person):
    response = signed_in(client, personas.sw_alice).post(url("record_care_leaver", young_person), {
        "category": Category.RELEVANT, **date_fields("applies_from", D(2026, 5, 1)),
        **date_fields("left_care_on", D(2026, 5, 1))})

    assert response.status_code == 302
    assert CareLeaver.objects.get().left_care_on == D(2026, 5, 1)


def test_a_refused_category_keeps_what_was_typed(client, personas, young_person):
    page = signed_in(client, personas.sw_alice).post(url("record_care_leaver", young_person), {
        "category": Category.FORMER_RELEVANT, **date_fields("applies_from", D(2026, 5, 1)),
        **date_fields("left_care_on", D(2026, 4, 30))})

    assert page.status_code == 200
    assert "govuk-error-summary" in page.text
    assert "former relevant only from their 18th birthday" in page.text
    assert kept(page, "applies_from_day", 1) and kept(page, "left_care_on_day", 30)
    assert 'value="former_relevant" checked' in page.text
    assert not CareLeaver.objects.exists()


def test_a_contact_form_with_a_missing_answer_keeps_the_date(client, personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    page = signed_in(client, personas.sw_alice).post(url("record_contact", young_person), {
        **date_fields("contact_on", D(2026, 5, 21)), "kind": ContactKind.PHONE})

    assert "Say whether the young person was reached" in page.text
    assert kept(page, "contact_on_day", 21)
    assert not Contact.objects.exists()


def test_a_worker_records_a_contact(client, personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    response = signed_in(client, personas.sw_alice).post(url("record_contact", young_person), {
        **date_fields("contact_on", D(2026, 5, 21)), "kind": ContactKind.VIDEO,
        "in_touch": "yes", "note": "Talked about college"})

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.made_by == personas.sw_alice and contact.in_touch


def test_forms_need_a_care_leaver_record_first(client, personas, young_person):
    page = signed_in(client, personas.sw_alice).post(url("record_contact", young_person), {
        **date_fields("contact_on", D(2026, 5, 21)), "kind": "phone", "in_touch": "yes"})

    assert page.status_code == 200
    assert "record them as a care leaver first" in page.text
    assert not Contact.objects.exists()


def test_only_managers_allocate_a_personal_adviser(client, personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    assert signed_in(client, personas.sw_alice).get(
        url("allocate_adviser", young_person)).status_code == 403
    response = signed_in(client, personas.tm_bob).post(url("allocate_adviser", young_person), {
        "adviser": personas.sw_alice.pk, **date_fields("allocated_on", D(2026, 5, 5))})
    assert response.status_code == 302
    assert CareLeaver.objects.get().personal_adviser == personas.sw_alice


def test_roles_without_the_permission_are_refused(client, personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)

    ben = signed_in(client, personas.bs_ben)
    assert ben.get(url("child_leaving_care", young_person)).status_code == 200
    assert ben.get(url("record_contact", young_person)).status_code == 403
    dana = signed_in(client, personas.analyst_dana)
    assert dana.get(reverse("leaving_care:care_leavers")).status_code == 403
    assert dana.get(url("child_leaving_care", young_person)).status_code == 403


def test_a_restricted_young_person_and_another_ones_entitlement_are_not_found(
        client, personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)
    offer = services.entitlement_offer(care_leaver=care_leaver, kind="travel",
                                       offered_on=D(2026, 5, 2), actor=personas.sw_alice)
    other = personas.child_for(personas.sw_alice, date_of_birth=D(2009, 3, 3))
    client = signed_in(client, personas.sw_alice)
    assert client.get(url("entitlement_take_up", other, offer.pk)).status_code == 404

    people_services.record_restrict(person=young_person, actor=personas.sm_sara,
                                    reason="Staff relative")

    assert client.get(url("child_leaving_care", young_person)).status_code == 404
    assert client.get(url("record_contact", young_person)).status_code == 404
    assert client.get(url("entitlement_take_up", young_person, offer.pk)).status_code == 404
    listed = client.get(reverse("leaving_care:care_leavers"))
    assert young_person.last_name.upper() not in listed.text


def test_the_next_contact_turns_overdue_as_time_passes(client, personas, young_person,
                                                      traveller):
    relevant_care_leaver(young_person, personas.sw_alice)  # contact due 26 June 2026
    traveller.move_to(dt.datetime(2026, 6, 27, 9, 0, tzinfo=dt.UTC))
    client = signed_in(client, personas.sw_alice)

    page = client.get(url("child_leaving_care", young_person)).text

    assert re.search(r"26 Jun 2026 <strong class=\"govuk-tag govuk-tag--red\">Overdue", page)


def _list(client, **params):
    return client.get(reverse("leaving_care:care_leavers"), params)


def test_the_list_filters_sorts_and_shows_who_waits_for_an_adviser(client, personas,
                                                                    young_person):
    waiting = relevant_care_leaver(young_person, personas.sw_alice)
    older = personas.child_for(personas.sw_alice, date_of_birth=D(2006, 2, 2))
    allocated = former_relevant(older, personas.tm_bob, on=D(2026, 3, 1),
                                left_care_on=D(2024, 2, 2), adviser=personas.tm_bob)
    services.contact_record(care_leaver=allocated, contact_on=D(2026, 5, 30),
                            kind=ContactKind.PHONE, in_touch=True, actor=personas.tm_bob)
    client = signed_in(client, personas.tm_bob)

    everyone = _list(client)
    assert "2 care leavers" in everyone.text and "Waiting" in everyone.text
    only_waiting = _list(client, waiting="on")
    assert "1 care leaver<" in only_waiting.text
    assert waiting.child.last_name.upper() in only_waiting.text
    assert "1 care leaver<" in _list(client, category=Category.FORMER_RELEVANT).text
    assert "1 care leaver<" in _list(client, adviser=personas.tm_bob.pk).text
    # The waiting one's adviser was due on 1 May (at once): overdue.
    assert "1 care leaver<" in _list(client, overdue="on").text
    by_age = _list(client, sort="age").text
    assert by_age.index(waiting.child.la_child_id) < by_age.index(older.la_child_id)


def test_the_list_pages(client, personas):
    for n in range(51):
        child = personas.child_for(personas.sw_alice, date_of_birth=D(2009, 1, 1 + n % 28))
        relevant_care_leaver(child, personas.sw_alice)
    client = signed_in(client, personas.tm_bob)

    first = _list(client)
    second = _list(client, page=2)

    assert "51 care leavers" in first.text and "Page 1 of 2" in first.text
    assert second.text.count('class="govuk-table__row"') == 2  # the header and one row


def _situation(personas, born: dt.date, *, in_touch=InTouch.YES, activity="",
               accommodation="", suitable=None, adviser=None, contact=None, reached=True):
    """A care leaver since 1 March 2026, their situation on 15 May and perhaps a contact."""
    child = personas.child_for(personas.sw_alice, date_of_birth=born)
    grown_up = rules.age_on(born, D(2026, 3, 1)) >= 18
    care_leaver = services.care_leaver_record(
        child=child, category=Category.FORMER_RELEVANT if grown_up else Category.RELEVANT,
        applies_from=D(2026, 3, 1), left_care_on=D(2026, 3, 1), personal_adviser=adviser,
        actor=personas.tm_bob)
    if in_touch:
        services.situation_record(care_leaver=care_leaver, as_at=D(2026, 5, 15),
                                  in_touch=in_touch, activity=activity,
                                  accommodation=accommodation, accommodation_suitable=suitable,
                                  actor=personas.sw_alice)
    if contact:
        services.contact_record(care_leaver=care_leaver, contact_on=contact, in_touch=reached,
                                kind=ContactKind.PHONE, actor=personas.sw_alice)


def _figures(page, band: str) -> list[tuple[str, int, int]]:
    row = re.search(rf">{band}</th>(.*?)</tr>", page.text, re.S).group(1)
    return [(percent, int(n), int(d)) for percent, n, d in
            re.findall(r"([\d.]+)% <span[^>]*>\((\d+) of (\d+)\)", row)]


def test_the_figures_match_a_hand_computed_example(client, personas):
    # Aged 17 to 18 on 1 June 2026: four young people.
    _situation(personas, D(2009, 1, 10), activity="F2", accommodation="U", suitable=True,
               adviser=personas.sw_alice, contact=D(2026, 5, 20))
    _situation(personas, D(2008, 1, 10), activity="G5", accommodation="S", suitable=False,
               contact=D(2026, 4, 6))  # exactly 8 weeks ago: counts
    _situation(personas, D(2008, 3, 3), in_touch=InTouch.NO,
               contact=D(2026, 4, 5))  # 8 weeks and a day: does not
    _situation(personas, D(2009, 5, 5), in_touch=None)  # nothing recorded yet
    # Aged 19 to 21: two young people.
    _situation(personas, D(2006, 1, 1), activity="P4", accommodation="Z", suitable=True)
    _situation(personas, D(2005, 6, 2), activity="F1", accommodation="W", suitable=False,
               adviser=personas.tm_bob, contact=D(2026, 5, 30), reached=False)
    # Aged 16: in no band.
    _situation(personas, D(2010, 1, 1), activity="F2", accommodation="B", suitable=True)

    page = signed_in(client, personas.analyst_dana).get(
        reverse("leaving_care:care_leaver_figures"))

    # In touch, suitable, EET, reached in 8 weeks, waiting for an adviser.
    assert _figures(page, "Aged 17 to 18") == [
        ("50.0", 2, 4), ("25.0", 1, 4), ("25.0", 1, 4), ("50.0", 2, 4), ("75.0", 3, 4)]
    assert _figures(page, "Aged 19 to 21") == [
        ("100.0", 2, 2), ("50.0", 1, 2), ("100.0", 2, 2), ("0.0", 0, 2), ("50.0", 1, 2)]
    assert "la_child_id" not in page.text and "/young-person/" not in page.text  # no names


def test_figures_are_for_managers_and_analysts_only(client, personas):
    assert signed_in(client, personas.sw_alice).get(
        reverse("leaving_care:care_leaver_figures")).status_code == 403
    assert signed_in(client, personas.tm_bob).get(
        reverse("leaving_care:care_leaver_figures")).status_code == 200


@pytest.mark.parametrize(("today", "status"), [
    (dt.datetime(2026, 8, 26, 9, 0, tzinfo=dt.UTC), "On track"),
    # 31 August 2026 is a bank holiday: from Thursday 27th it is within 2 working days.
    (dt.datetime(2026, 8, 27, 9, 0, tzinfo=dt.UTC), "Due within 2 working days"),
    (dt.datetime(2026, 8, 31, 9, 0, tzinfo=dt.UTC), "Due today"),
    (dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC), "Overdue"),
])
def test_the_adviser_deadline_at_16_years_5_months_across_a_bank_holiday(
        client, personas, traveller, today, status):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2010, 3, 31))
    relevant_care_leaver(child, personas.sw_alice, left_care_on=D(2026, 5, 1))  # due 31 Aug
    traveller.move_to(today)

    page = signed_in(client, personas.sw_alice).get(url("child_leaving_care", child)).text

    assert re.search(rf"Waiting for a personal adviser: due 31 Aug 2026 <strong[^>]*>{status}",
                     page)


def test_the_navigation_leads_to_the_list_or_the_figures(client, personas):
    bob_home = signed_in(client, personas.tm_bob).get(reverse("leaving_care:care_leavers"))
    assert f'href="{reverse("leaving_care:care_leavers")}" aria-current="true"' in bob_home.text
    dana = signed_in(client, personas.analyst_dana).get(
        reverse("leaving_care:care_leaver_figures"))
    assert f'href="{reverse("leaving_care:care_leaver_figures")}" aria-current' in dana.text
