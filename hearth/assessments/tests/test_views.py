"""The Assessments section of the child's record: list, forms, permissions, time passing."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.assessments import services
from hearth.assessments.models import Assessment
from hearth.assessments.tests.factories import assessment_for, completed, referral_for
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"assessments:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def kept(page, name: str, value) -> bool:
    """Whether the page's input `name` still holds what was typed."""
    return re.search(rf'name="{name}"[^>]*value="{value}"', page.text) is not None


def test_the_record_has_an_assessments_tab(client, personas, child):
    page = signed_in(client, personas.sw_alice).get(url("child_assessments", child))

    assert page.status_code == 200
    assert f'aria-current="page" href="{url("child_assessments", child)}"' in page.text
    assert "No assessments yet." in page.text


def test_the_list_shows_the_due_date_and_a_status_that_turns_overdue(client, personas, child,
                                                                     traveller):
    assessment_for(child, personas.sw_alice, referred_on=D(2026, 6, 1))  # due Mon 3 Aug 2026
    client = signed_in(client, personas.sw_alice)

    assert "On track" in client.get(url("child_assessments", child)).text
    traveller.move_to(dt.datetime(2026, 8, 3, 9, 0, tzinfo=dt.UTC))
    client.force_login(personas.sw_alice)  # the old session timed out while time passed
    due_today = client.get(url("child_assessments", child)).text
    traveller.move_to(dt.datetime(2026, 8, 4, 9, 0, tzinfo=dt.UTC))
    client.force_login(personas.sw_alice)
    overdue = client.get(url("child_assessments", child)).text
    tasks = client.get(reverse("cases:child_tasks", args=[child.uuid])).text

    assert "3 Aug 2026" in due_today and "Due today" in due_today
    assert "Overdue" in overdue and "Overdue" in tasks


def test_a_worker_starts_an_assessment(client, personas, child):
    referral = referral_for(child, on=D(2026, 5, 18))

    response = signed_in(client, personas.sw_alice).post(url("start_assessment", child), {
        "referral": referral.pk, "kind": "new", **date_fields("started_on", D(2026, 5, 19))})

    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response.url == url("assessment", child, assessment.pk)
    assert (assessment.started_on, assessment.recorded_by) == (D(2026, 5, 19), personas.sw_alice)


def test_a_start_that_breaks_a_rule_keeps_what_was_typed(client, personas, child):
    referral = referral_for(child, on=D(2026, 5, 18))

    page = signed_in(client, personas.sw_alice).post(url("start_assessment", child), {
        "referral": referral.pk, "kind": "new", **date_fields("started_on", D(2026, 5, 15))})

    assert page.status_code == 200
    assert "There is a problem" in page.text
    assert "The assessment cannot start before the referral on 18 May 2026" in page.text
    assert kept(page, "started_on_day", 15) and kept(page, "started_on_year", 2026)
    assert not Assessment.objects.exists()


def test_without_an_open_referral_the_worker_is_sent_to_the_front_door(client, personas, child):
    page = signed_in(client, personas.sw_alice).get(url("start_assessment", child))

    assert "has no open referral" in page.text
    assert "<form" not in page.text.split("</nav>")[-1]


def test_factor_errors_keep_the_ticked_boxes(client, personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))

    page = signed_in(client, personas.sw_alice).post(
        url("edit_assessment", child, assessment.pk),
        {"kind": "new", **date_fields("started_on", D(2026, 5, 18)), "factors": ["21", "16A"]})

    assert "&#x27;No factors identified&#x27; cannot be chosen with other factors" in page.text
    assert 'value="21" checked' in page.text and 'value="16A" checked' in page.text
    assert Assessment.objects.get().factors == []


def test_a_team_manager_authorises_and_is_offered_the_cin_plan(client, personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18)),
                           personas.sw_alice, on=D(2026, 5, 28))
    client = signed_in(client, personas.tm_bob)

    assert client.get(url("authorise_assessment", child, assessment.pk)).status_code == 200
    response = client.post(url("authorise_assessment", child, assessment.pk), {
        **date_fields("authorised_on", D(2026, 5, 29)), "outcome": "cin_plan"}, follow=True)

    assessment.refresh_from_db()
    assert (assessment.authorised_on, assessment.authorised_by) == (D(2026, 5, 29),
                                                                    personas.tm_bob)
    start_plan = f'{reverse("cin:start_cin_plan", args=[child.uuid])}?referral='
    assert f"{start_plan}{assessment.referral_id}" in response.text
    assert "Authorised in time" in response.text


def test_a_social_worker_cannot_authorise(client, personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18)),
                           personas.sw_alice, on=D(2026, 5, 28))
    client = signed_in(client, personas.sw_alice)
    form = {**date_fields("authorised_on", D(2026, 5, 29)), "outcome": "nfa"}

    assert client.get(url("authorise_assessment", child, assessment.pk)).status_code == 403
    assert client.post(url("authorise_assessment", child, assessment.pk),
                       form).status_code == 403
    assert "Authorise" not in client.get(url("child_assessments", child)).text
    assert Assessment.objects.get().authorised_on is None


def test_a_late_authorisation_asks_for_the_reason(client, personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 5, 1))

    page = signed_in(client, personas.tm_bob).post(
        url("authorise_assessment", child, assessment.pk),
        {**date_fields("authorised_on", D(2026, 5, 8)), "outcome": "nfa"})

    assert "The assessment was due to be authorised by 7 May 2026: give the reason it is late" \
        in page.text
    assert kept(page, "authorised_on_day", 8)
    assert 'value="nfa" checked' in page.text


def test_an_authorised_assessment_offers_no_changes(client, personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18)),
                           personas.sw_alice, on=D(2026, 5, 28))
    services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                  authorised_on=D(2026, 5, 29), outcome="nfa")
    client = signed_in(client, personas.sw_alice)

    page = client.get(url("edit_assessment", child, assessment.pk))
    client.post(url("edit_assessment", child, assessment.pk),
                {"kind": "new", **date_fields("started_on", D(2026, 5, 19))})

    assert "it can no longer be changed" in page.text
    assert Assessment.objects.get().started_on == D(2026, 5, 18)


def test_a_restricted_child_and_another_childs_assessment_are_not_found(client, personas,
                                                                        child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    other = personas.child_for(personas.sw_alice)
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")

    charlie = signed_in(client, personas.sw_charlie)
    assert charlie.get(url("child_assessments", child)).status_code == 404
    assert charlie.get(url("assessment", child, assessment.pk)).status_code == 404
    client.force_login(personas.sm_sara)  # she restricted it, so she is on its list
    assert client.get(url("assessment", child, assessment.pk)).status_code == 200
    client.force_login(personas.sw_alice)
    assert client.get(url("assessment", other, assessment.pk)).status_code == 404


def test_an_iro_may_read_but_not_record(client, personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    client = signed_in(client, personas.iro_erin)

    assert client.get(url("assessment", child, assessment.pk)).status_code == 200
    assert client.get(url("start_assessment", child)).status_code == 403
    assert client.get(url("edit_assessment", child, assessment.pk)).status_code == 403


def test_a_contribution_is_added_from_the_assessment_page(client, personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 5, 18))
    client = signed_in(client, personas.sw_alice)

    response = client.post(url("add_contribution", child, assessment.pk), {
        "agency": "education", "agency_name": "Example Primary School",
        **date_fields("received_on", D(2026, 5, 20)), "summary": "Attendance has fallen"},
        follow=True)

    assert "Education: Example Primary School" in response.text
    assert "Attendance has fallen" in response.text
