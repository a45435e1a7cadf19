"""The Children in care section of the record, its forms, the IRO caseload and the weekly
sign-off list: what they show, what they keep when refused, and who may open them."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.care import services
from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.care.tests.factories import foster_placement, period_for
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"care:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def kept(page, name: str, value) -> bool:
    return re.search(rf'name="{name}"[^>]*value="{value}"', page.text) is not None


START = {"legal_status": "C1", "category_of_need": "N1", "placement_type": "U6",
         "provider_type": "PR1", "provision": "registered", "placement_postcode": "zz1 1aa",
         "home_postcode": "ZZ9 9ZZ", "urn": "XXXXXXX"}


def test_the_tab_shows_the_current_episode_iro_and_what_is_due(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    services.iro_allocate(period=period, iro=personas.iro_erin, allocated_on=D(2026, 5, 5),
                          actor=personas.tm_bob)

    page = signed_in(client, personas.sw_alice).get(url("child_care", child))

    assert f'aria-current="page" href="{url("child_care", child)}"' in page.text
    assert "Looked after from 4 May 2026" in page.text
    assert "Interim care order (C1)" in page.text
    assert str(personas.iro_erin) in page.text
    assert "2 Jun 2026" in page.text  # first review: 20 WD, 25 May a bank holiday
    assert "11 May 2026" in page.text and "Overdue" in page.text  # first visit: 1 week
    assert "Change legal status or placement" in page.text
    assert "Record a review" not in page.text  # only the IRO records reviews


def test_a_worker_takes_a_child_into_care(client, personas, child):
    response = signed_in(client, personas.sw_alice).post(url("start_care", child), {
        **START, **date_fields("started_on", D(2026, 6, 1))})

    assert response.status_code == 302
    episode = CareEpisode.objects.get()
    assert (episode.period.started_on, episode.placement_postcode) == (D(2026, 6, 1), "ZZ1 1AA")


def test_a_refused_start_keeps_what_was_typed(client, personas, child):
    page = signed_in(client, personas.sw_alice).post(url("start_care", child), {
        **START, "urn": "", **date_fields("started_on", D(2026, 6, 1))})

    assert page.status_code == 200
    assert "govuk-error-summary" in page.text
    assert "Enter the placement&#x27;s Ofsted URN" in page.text
    assert kept(page, "placement_postcode", "zz1 1aa") and kept(page, "started_on_day", "1")
    assert re.search(r'value="U6"[^>]*selected', page.text)
    assert not CarePeriod.objects.exists()


def test_a_future_start_is_an_error_on_the_date(client, personas, child):
    page = signed_in(client, personas.sw_alice).post(url("start_care", child), {
        **START, **date_fields("started_on", D(2026, 6, 2))})
    assert "must be today or in the past" in page.text
    assert kept(page, "started_on_day", "2")


def test_a_second_period_is_not_offered(client, personas, child):
    period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    client = signed_in(client, personas.sw_alice)
    assert "Start a period of care" not in client.get(url("child_care", child)).text
    assert "has been looked after since 4 May 2026" in client.get(url("start_care", child)).text


def test_a_placement_move_through_the_form(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    client = signed_in(client, personas.sw_alice)
    form = client.get(url("change_episode", child, period.pk))
    assert kept(form, "placement_postcode", "ZZ1 1AA")  # pre-filled with the current episode

    response = client.post(url("change_episode", child, period.pk), {
        **START, "placement_postcode": "ZZ5 5EE", "reason_place_change": "CHILD",
        **date_fields("changed_on", D(2026, 5, 20))})

    assert response.status_code == 302
    assert period.episodes.get(ended_on__isnull=True).reason_new_episode == "P"


def test_a_placement_move_without_a_reason_is_refused_and_kept(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    page = signed_in(client, personas.sw_alice).post(url("change_episode", child, period.pk), {
        **START, "placement_postcode": "ZZ5 5EE", **date_fields("changed_on", D(2026, 5, 20))})
    assert "Choose the reason for the change of placement" in page.text
    assert kept(page, "placement_postcode", "ZZ5 5EE")
    assert period.episodes.count() == 1


def test_ending_care_through_the_form(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    client = signed_in(client, personas.sw_alice)
    client.post(url("end_care", child, period.pk), {
        "reason": "E4A", **date_fields("ended_on", D(2026, 5, 29))})
    period.refresh_from_db()
    assert (period.ended_on, period.end_reason) == (D(2026, 5, 29), "E4A")
    assert "an ended period takes no new episode" in client.get(
        url("record_visit", child, period.pk)).text


def test_the_iro_records_a_review_and_chairs_it(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    response = signed_in(client, personas.iro_erin).post(url("record_review", child, period.pk),
                                                         {"participation": "PN1",
                                                          **date_fields("held_on",
                                                                        D(2026, 6, 1))})
    assert response.status_code == 302
    review = CareReview.objects.get()
    assert (review.chair, review.in_time) == (personas.iro_erin, True)


def test_a_worker_records_a_visit(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    signed_in(client, personas.sw_alice).post(url("record_visit", child, period.pk), {
        "child_seen": "yes", "seen_alone": "on", **date_fields("visited_on", D(2026, 5, 8))})
    period.refresh_from_db()
    assert period.visit_due_on == D(2026, 6, 19)


def test_wrong_roles_are_refused(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    episode = period.episodes.get()
    alice = signed_in(client, personas.sw_alice)
    assert alice.get(url("record_review", child, period.pk)).status_code == 403
    assert alice.get(url("sign_off_placement", child, episode.pk)).status_code == 403
    assert alice.get(reverse("care:iro_caseload")).status_code == 403
    assert alice.get(reverse("care:placement_sign_offs")).status_code == 403
    erin = signed_in(client, personas.iro_erin)
    assert erin.get(url("start_care", child)).status_code == 403
    assert erin.get(url("end_care", child, period.pk)).status_code == 403
    assert erin.get(url("allocate_iro", child, period.pk)).status_code == 200


def test_a_restricted_child_and_another_childs_period_are_not_found(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    other = personas.child_for(personas.sw_alice)
    client = signed_in(client, personas.sw_alice)
    assert client.get(url("record_visit", other, period.pk)).status_code == 404

    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")

    assert client.get(url("child_care", child)).status_code == 404
    assert client.get(url("change_episode", child, period.pk)).status_code == 404
    response = client.post(url("end_care", child, period.pk), {
        "reason": "E4A", **date_fields("ended_on", D(2026, 5, 29))})
    assert response.status_code == 404
    assert CarePeriod.objects.get().is_open


def test_the_iro_sees_their_children_sorted_and_paged(client, personas):
    children = [personas.child_for(personas.sw_alice, last_name=name)
                for name in ("Zephyr", "Ashdown", "Moss")]
    for n, child in enumerate(children):
        period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4 + n))
        services.iro_allocate(period=period, iro=personas.iro_erin,
                              allocated_on=D(2026, 5, 20), actor=personas.tm_bob)
    period_for(personas.child_for(personas.sw_alice, last_name="Unallocated"),
               personas.sw_alice, started_on=D(2026, 5, 4))
    client = signed_in(client, personas.iro_erin)

    by_review = client.get(reverse("care:iro_caseload")).text
    by_name = client.get(reverse("care:iro_caseload") + "?sort=name").text

    assert "3 children" in by_review and "UNALLOCATED" not in by_review
    assert by_review.index("ZEPHYR") < by_review.index("ASHDOWN") < by_review.index("MOSS")
    assert by_name.index("ASHDOWN") < by_name.index("MOSS") < by_name.index("ZEPHYR")


def test_the_iro_caseload_pages(client, personas, monkeypatch):
    monkeypatch.setattr("hearth.care.views.PAGE_SIZE", 2)
    for _ in range(3):
        period = period_for(personas.child_for(personas.sw_alice), personas.sw_alice,
                            started_on=D(2026, 5, 4))
        services.iro_allocate(period=period, iro=personas.iro_erin,
                              allocated_on=D(2026, 5, 20), actor=personas.tm_bob)
    client = signed_in(client, personas.iro_erin)
    assert "Page 1 of 2" in client.get(reverse("care:iro_caseload")).text
    assert client.get(reverse("care:iro_caseload") + "?page=2").text.count(
        'href="/care/child/') == 1


def test_the_weekly_sign_off_list_and_signing_off(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4),
                        placement=foster_placement(provision="unregulated"))
    period_for(personas.child_for(personas.sw_alice, last_name="Ordinary"), personas.sw_alice,
               started_on=D(2026, 5, 4))
    episode = period.episodes.get()
    client = signed_in(client, personas.sm_sara)

    listing = client.get(reverse("care:placement_sign_offs")).text
    assert "1 placement" in listing and "Waiting" in listing and "ORDINARY" not in listing

    client.post(url("sign_off_placement", child, episode.pk), {"note": "Reviewed weekly"})

    listing = client.get(reverse("care:placement_sign_offs")).text
    assert str(personas.sm_sara) in listing and "Waiting" not in listing
    assert "0 placements" in client.get(reverse("care:placement_sign_offs") + "?waiting=yes").text


def test_a_manager_chooses_whose_caseload_to_see(client, personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    services.iro_allocate(period=period, iro=personas.iro_erin, allocated_on=D(2026, 5, 5),
                          actor=personas.tm_bob)
    client = signed_in(client, personas.sm_sara)

    assert "Choose an independent reviewing officer" in client.get(
        reverse("care:iro_caseload")).text
    page = client.get(reverse("care:iro_caseload") + f"?iro={personas.iro_erin.pk}").text
    assert "1 child" in page and child.last_name.upper() in page
