"""The Child in need section of the child's record: plan, reviews, visits, forms, permissions."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.cin import services
from hearth.cin.models import CinPlan
from hearth.cin.tests.factories import plan_for, referral_for
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"cin:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def kept(page, name: str, value) -> bool:
    return re.search(rf'name="{name}"[^>]*value="{value}"', page.text) is not None


def test_the_tab_shows_the_plan_and_what_is_due(client, personas, child):
    plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))

    page = signed_in(client, personas.sw_alice).get(url("child_cin_plans", child))

    assert f'aria-current="page" href="{url("child_cin_plans", child)}"' in page.text
    assert "Plan started 18 May 2026" in page.text
    assert "10 Aug 2026" in page.text  # next review: 12 weeks
    assert "16 Jun 2026" in page.text  # next visit: 20 working days (25 May is a bank holiday)
    assert "Record a visit" in page.text and "End the plan" in page.text


def test_the_next_visit_turns_overdue_as_time_passes(client, personas, child, traveller):
    plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))  # visit due 16 Jun 2026
    client = signed_in(client, personas.sw_alice)

    assert "Overdue" not in client.get(url("child_cin_plans", child)).text
    traveller.move_to(dt.datetime(2026, 6, 17, 9, 0, tzinfo=dt.UTC))
    client.force_login(personas.sw_alice)  # the old session timed out while time passed
    page = client.get(url("child_cin_plans", child)).text

    assert re.search(r"16 Jun 2026 <strong class=\"govuk-tag govuk-tag--red\">Overdue", page)


def test_the_start_form_chooses_the_referral_it_was_sent_with(client, personas, child):
    referral = referral_for(child, on=D(2026, 5, 4))

    page = signed_in(client, personas.sw_alice).get(
        f"{url('start_cin_plan', child)}?referral={referral.pk}")

    assert f'value="{referral.pk}" checked' in page.text


def test_a_worker_starts_a_plan(client, personas, child):
    referral = referral_for(child, on=D(2026, 5, 18))

    response = signed_in(client, personas.sw_alice).post(url("start_cin_plan", child), {
        "referral": referral.pk, **date_fields("started_on", D(2026, 5, 20))})

    assert response.status_code == 302
    assert CinPlan.objects.get().started_on == D(2026, 5, 20)


def test_a_second_plan_is_not_offered(client, personas, child):
    plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    client = signed_in(client, personas.sw_alice)

    assert "Start a child in need plan" not in client.get(url("child_cin_plans", child)).text
    page = client.get(url("start_cin_plan", child))
    assert "already has a child in need plan, started 18 May 2026" in page.text


def test_a_visit_is_recorded_and_its_errors_keep_the_input(client, personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    client = signed_in(client, personas.sw_alice)

    wrong = client.post(url("visit_cin_plan", child, plan.pk), {
        **date_fields("visited_on", D(2026, 5, 15)), "child_seen": "yes", "seen_alone": "on"})
    right = client.post(url("visit_cin_plan", child, plan.pk), {
        **date_fields("visited_on", D(2026, 5, 22)), "child_seen": "yes", "seen_alone": "on"},
        follow=True)

    assert "The visit cannot be before the plan started on 18 May 2026" in wrong.text
    assert kept(wrong, "visited_on_day", 15) and 'value="yes" checked' in wrong.text
    assert "The visit was recorded" in right.text
    assert "22 Jun 2026" in right.text  # the next visit: 20 working days after 22 May


def test_the_visit_form_needs_to_know_whether_the_child_was_seen(client, personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))

    page = signed_in(client, personas.sw_alice).post(url("visit_cin_plan", child, plan.pk),
                                                     date_fields("visited_on", D(2026, 5, 22)))

    assert "Say whether the child was seen" in page.text


def test_a_review_and_the_end_of_the_plan(client, personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))
    client = signed_in(client, personas.sw_alice)

    client.post(url("review_cin_plan", child, plan.pk), {
        **date_fields("reviewed_on", D(2026, 5, 26)), "note": "Keep going"})
    page = client.post(url("end_cin_plan", child, plan.pk), {
        **date_fields("ended_on", D(2026, 5, 29)), "end_reason": "Needs met"}, follow=True)

    assert "Keep going" in page.text
    assert "Plan started 4 May 2026, ended 29 May 2026" in page.text
    assert "Record a visit" not in page.text


def test_an_ended_plan_shows_why_it_takes_no_visit(client, personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))
    services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 5, 29))
    client = signed_in(client, personas.sw_alice)

    page = client.get(url("visit_cin_plan", child, plan.pk))
    client.post(url("visit_cin_plan", child, plan.pk), {
        **date_fields("visited_on", D(2026, 5, 29)), "child_seen": "yes"})

    assert "a closed plan cannot get a review, a visit" in page.text
    assert not child.visits.exists()


def test_who_may_do_what(client, personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))

    client.force_login(personas.iro_erin)
    assert client.get(url("child_cin_plans", child)).status_code == 200
    assert client.get(url("visit_cin_plan", child, plan.pk)).status_code == 403
    assert client.get(url("end_cin_plan", child, plan.pk)).status_code == 403
    client.force_login(personas.analyst_dana)
    assert client.get(url("child_cin_plans", child)).status_code == 403
    client.force_login(personas.tm_bob)
    assert client.get(url("review_cin_plan", child, plan.pk)).status_code == 200


def test_a_restricted_child_and_another_childs_plan_are_not_found(client, personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 5, 4))
    other = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    assert client.get(url("visit_cin_plan", other, plan.pk)).status_code == 404

    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    client.force_login(personas.sw_charlie)
    assert client.get(url("child_cin_plans", child)).status_code == 404
    assert client.get(url("visit_cin_plan", child, plan.pk)).status_code == 404
