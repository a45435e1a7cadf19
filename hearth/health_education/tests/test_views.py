"""The Health and education tab, its forms (validation that keeps what was typed), the
permissions, and 404s for a child the user may not see."""

import datetime as dt

import pytest
from django.urls import reverse

from hearth.care.tests.factories import period_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.models import AuditEvent
from hearth.health_education import services
from hearth.health_education.models import (
    EducationContact,
    HealthCheck,
    ImmunisationStatus,
    PersonalEducationPlan,
    SdqScore,
)
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date
FORMS = ["record_health_check", "record_immunisations", "record_sdq", "record_pep",
         "record_education_contact"]


def url(name: str, child) -> str:
    return reverse(f"health_education:{name}", args=[child.uuid])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


@pytest.fixture
def period(personas, child):
    return period_for(child, personas.sw_alice, started_on=D(2026, 4, 2))


def test_the_tab_shows_what_is_due_and_what_was_recorded(client, personas, child, period):
    sw = personas.sw_alice
    services.pep_record(period=period, held_on=D(2026, 4, 20), school="Synthetic Academy",
                        chaired_by_child=True, actor=sw)
    services.sdq_record(period=period, completed_on=D(2026, 5, 1), score=17, actor=sw)
    page = signed_in(client, sw).get(url("child_health_education", child)).text
    assert "Initial health assessment due" in page and "5 May 2026" in page
    assert ">Overdue<" in page  # 5 May has passed (today is 1 June 2026)
    assert "Synthetic Academy" in page and "Score 17 of 40" in page
    assert "903 OC2 facts for the year to 31 March 2026" in page
    assert url("record_pep", child) in page
    assert f'href="{url("record_health_check", child)}?kind=initial"' in page
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=child.pk,
                                     detail__section="health_education").exists()


def test_a_child_never_in_care_has_an_empty_tab_and_forms_that_say_why(client, personas,
                                                                       child):
    signed_in(client, personas.sw_alice)
    assert "has not been looked after" in client.get(url("child_health_education", child)).text
    response = client.post(url("record_pep", child), {**date_fields("held_on", D(2026, 5, 1)),
                                                      "school": "Synthetic Academy",
                                                      "chaired_by_child": "no",
                                                      "virtual_school_attended": "no"})
    assert response.status_code == 200 and "is not looked after" in response.text
    assert not PersonalEducationPlan.objects.exists()


def test_recording_a_health_check_closes_its_task(client, personas, child, period):
    response = signed_in(client, personas.sw_alice).post(url("record_health_check", child), {
        "kind": "initial", **date_fields("done_on", D(2026, 4, 30)),
        "carried_out_by": "Paediatrician", "note": ""})
    assert response.status_code == 302
    assert HealthCheck.objects.get().carried_out_by == "Paediatrician"
    assert StatutoryTask.objects.get(kind=TaskKind.INITIAL_HEALTH_ASSESSMENT).closed_on == D(
        2026, 4, 30)


def test_each_form_records(client, personas, child, period):
    signed_in(client, personas.sw_alice)
    posts = {
        "record_immunisations": {**date_fields("as_at", D(2026, 5, 1)), "up_to_date": "yes"},
        "record_sdq": {**date_fields("completed_on", D(2026, 5, 1)), "score": "",
                       "reason": "SDQ5"},
        "record_pep": {**date_fields("held_on", D(2026, 5, 1)), "school": "Synthetic School",
                       "chaired_by_child": "no", "virtual_school_attended": "yes"},
        "record_education_contact": {"kind": "virtual_school",
                                     **date_fields("contacted_on", D(2026, 5, 2)),
                                     "contact_name": "Virtual School caseworker"},
    }
    for name, data in posts.items():
        assert client.post(url(name, child), data).status_code == 302, name
    assert ImmunisationStatus.objects.get().up_to_date is True
    assert SdqScore.objects.get().reason == "SDQ5"
    assert PersonalEducationPlan.objects.get().virtual_school_attended is True
    assert EducationContact.objects.get().kind == "virtual_school"


def test_a_future_date_is_refused_and_what_was_typed_stays(client, personas, child, period):
    response = signed_in(client, personas.sw_alice).post(url("record_health_check", child), {
        "kind": "dental", **date_fields("done_on", D(2026, 6, 2)),
        "carried_out_by": "Community dentist"})
    assert response.status_code == 200
    assert "must be today or in the past" in response.text
    assert 'value="Community dentist"' in response.text
    assert not HealthCheck.objects.exists()


def test_a_date_before_care_started_is_refused(client, personas, child, period):
    response = signed_in(client, personas.sw_alice).post(url("record_pep", child), {
        **date_fields("held_on", D(2026, 4, 1)), "school": "Synthetic School",
        "chaired_by_child": "no", "virtual_school_attended": "no"})
    assert "on or after the day the child became looked after (2 April 2026)" in response.text
    assert not PersonalEducationPlan.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"score": "", "reason": ""}, "Enter the score, or choose why there is no score"),
    ({"score": "41", "reason": ""}, "The score must be between 0 and 40"),
    ({"score": "ten", "reason": ""}, "Enter the score as a whole number from 0 to 40"),
    ({"score": "12", "reason": "SDQ2"}, "Enter a score or a reason there is none, not both"),
])
def test_the_sdq_form_explains_a_bad_score(client, personas, child, period, data, message):
    response = signed_in(client, personas.sw_alice).post(url("record_sdq", child), {
        **date_fields("completed_on", D(2026, 5, 1)), **data})
    assert message in response.text
    assert not SdqScore.objects.exists()


def test_empty_forms_say_what_is_missing(client, personas, child, period):
    signed_in(client, personas.sw_alice)
    assert "Choose what was done" in client.post(url("record_health_check", child), {}).text
    assert ("Say whether the immunisations are up to date"
            in client.post(url("record_immunisations", child), {}).text)
    assert "Enter the school or setting" in client.post(url("record_pep", child), {}).text


@pytest.mark.parametrize("name", FORMS)
def test_roles_without_the_permission_are_refused(client, personas, child, period, name):
    assert signed_in(client, personas.iro_erin).get(url(name, child)).status_code == 403
    assert signed_in(client, personas.bs_ben).post(url(name, child), {}).status_code == 403


def test_an_iro_sees_the_tab_without_record_links(client, personas, child, period):
    page = signed_in(client, personas.iro_erin).get(url("child_health_education", child)).text
    assert "Initial health assessment due" in page
    assert url("record_health_check", child) not in page


def test_the_kind_in_the_link_is_chosen_on_the_form(client, personas, child, period):
    page = signed_in(client, personas.sw_alice).get(
        url("record_health_check", child) + "?kind=dental").text
    assert 'name="kind" value="dental" checked>' in page


def test_the_tab_needs_people_view_child(client, personas, child, period):
    assert signed_in(client, personas.analyst_dana).get(
        url("child_health_education", child)).status_code == 403


@pytest.mark.parametrize("name", ["child_health_education", *FORMS])
def test_a_child_the_user_may_not_see_is_not_found(client, personas, name):
    other = personas.child_for(personas.sw_alice)
    period_for(other, personas.sw_alice, started_on=D(2026, 4, 2))
    people_services.record_restrict(person=other, actor=personas.sm_sara, reason="Staff relative")
    assert signed_in(client, personas.sw_alice).get(url(name, other)).status_code == 404
    assert client.post(url(name, other), {}).status_code == 404


def test_the_chronology_shows_health_and_education(client, personas, child, period):
    sw = personas.sw_alice
    services.health_check_record(period=period, kind="dental", done_on=D(2026, 5, 3),
                                 carried_out_by="Community dentist", actor=sw)
    services.pep_record(period=period, held_on=D(2026, 5, 4), school="Synthetic Academy",
                        actor=sw)
    page = signed_in(client, sw).get(reverse("people:person_chronology",
                                             args=[child.uuid])).text
    assert "Dental check" in page and "By Community dentist" in page
    assert "Personal education plan meeting" in page


def test_managers_find_the_tasks_on_the_service_work_list_by_team_and_kind(client, personas,
                                                                           child, period):
    """The managers' due list is the Service work list: filtered by team and task kind."""
    page = signed_in(client, personas.sm_sara).get(reverse("work:service"), {
        "team": personas.team_a.pk, "kind": TaskKind.INITIAL_HEALTH_ASSESSMENT}).text
    cell = '<td class="govuk-table__cell">{}</td>'
    assert cell.format("Initial health assessment due") in page
    assert child.last_name.upper() in page
    assert cell.format("Dental check due") not in page
