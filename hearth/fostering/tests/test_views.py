"""Fostering pages: permissions, 404s, validation that keeps what was typed, audited reads,
the worklist's statuses with time travel, and query counts that do not grow with the list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.core.models import AuditEvent
from hearth.fostering import services
from hearth.fostering.models import FosteringHousehold, HouseholdPlacement
from hearth.fostering.tests import factories

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def household(personas):
    return factories.approved(personas.sw_alice, personas.sm_sara, worker=personas.sw_alice)


def day(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_household_record_shows_terms_and_is_audited(client, personas, household):
    page = signed_in(client, personas.sw_alice).get(f"/fostering/households/{household.pk}/")
    assert page.status_code == 200
    assert household.reference in page.text and "ages 0 to 17" in page.text
    assert AuditEvent.objects.filter(event_code="FOSTERING_HOUSEHOLD_VIEWED",
                                     actor=personas.sw_alice).count() == 1


def test_iros_and_analysts_cannot_open_carers_records(client, personas, household):
    for user in (personas.iro_erin, personas.analyst_dana, personas.admin_sam):
        client.force_login(user)
        assert client.get(f"/fostering/households/{household.pk}/").status_code == 403
        assert client.get("/fostering/households/").status_code == 403


def test_a_household_that_does_not_exist_is_a_404(client, personas):
    assert signed_in(client, personas.sw_alice).get(
        "/fostering/households/999999/").status_code == 404


def test_an_enquiry_form_with_errors_keeps_what_was_typed(client, personas):
    page = signed_in(client, personas.bs_ben).post("/fostering/households/add/", {
        "household_type": "mainstream", "first_carer_first_name": "Robin",
        "first_carer_last_name": "", "second_carer_first_name": "Sam"})
    assert page.status_code == 200
    assert "Enter the first carer&#x27;s last name" in page.text
    assert "Enter both names of the second carer, or neither" in page.text
    assert "Enter the date of the enquiry" in page.text
    assert 'value="Robin"' in page.text
    assert not FosteringHousehold.objects.exists()


def test_an_enquiry_is_recorded_and_opens_the_record(client, personas):
    page = signed_in(client, personas.bs_ben).post("/fostering/households/add/", {
        "household_type": "connected_person", **day("enquiry_on", D(2026, 5, 4)),
        "first_carer_first_name": "Robin",
        "first_carer_last_name": "Testcarer", "postcode": "zz1 1aa"})
    household = FosteringHousehold.objects.get()
    assert page.status_code == 302 and page.url == f"/fostering/households/{household.pk}/"
    assert household.postcode == "ZZ1 1AA"


def test_a_refused_rule_comes_back_on_its_field(client, personas):
    household = factories.in_assessment(personas.sw_alice)
    page = signed_in(client, personas.bs_ben).post(
        f"/fostering/households/{household.pk}/panel/", {
            "business": "approval", **day("panel_on", D(2026, 5, 20)),
            "recommendation": "recommended", "places": "2",
            "age_from": "12", "age_to": "3"})
    assert page.status_code == 200
    assert "The age range must run from the lower age" in page.text
    assert not household.panel_recommendations.exists()


def test_the_decision_page_says_when_there_is_nothing_to_decide(client, personas, household):
    page = signed_in(client, personas.sm_sara).get(
        f"/fostering/households/{household.pk}/decision/")
    assert page.status_code == 200
    assert "no panel recommendation waiting" in page.text
    assert "<form" not in page.text.split("<main")[1]


def test_only_the_service_manager_records_the_agency_decision(client, personas, household):
    for user in (personas.sw_alice, personas.tm_bob, personas.bs_ben):
        client.force_login(user)
        assert client.get(f"/fostering/households/{household.pk}/decision/").status_code == 403


def test_the_worklist_shows_the_adm_clock_due_then_overdue(client, personas, traveller):
    household = factories.in_assessment(personas.sw_alice, worker=personas.sw_alice)
    services.panel_recommendation_record(
        household=household, business="approval", panel_on=D(2026, 5, 22),
        recommendation="recommended", places=1, age_from=0, age_to=5, actor=personas.bs_ben)
    traveller.move_to(dt.datetime(2026, 6, 3, 9, 0, tzinfo=dt.UTC))
    signed_in(client, personas.sw_alice)
    page = client.get("/fostering/work/")
    assert "Record the agency decision maker" in page.text and "Due today" in page.text
    traveller.move_to(dt.datetime(2026, 6, 4, 9, 0, tzinfo=dt.UTC))
    signed_in(client, personas.sw_alice)
    page = client.get("/fostering/work/?status=overdue")
    assert household.reference in page.text
    page = client.get("/fostering/work/?status=on_track")
    assert household.reference not in page.text
    page = client.get(f"/fostering/work/?worker={personas.sw_charlie.pk}")
    assert household.reference not in page.text


def test_the_worklist_reads_in_the_same_queries_however_many_tasks(client, personas):
    signed_in(client, personas.tm_bob)
    factories.approved(personas.sw_alice, personas.sm_sara, worker=personas.sw_alice)
    client.get("/fostering/work/?worker=")
    with CaptureQueriesContext(connection) as few:
        client.get("/fostering/work/?worker=")
    for _ in range(4):
        factories.approved(personas.sw_alice, personas.sm_sara, worker=personas.sw_alice)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/fostering/work/?worker=")
    assert page.text.count("FSR 2011 reg 28") == 5
    assert len(many) == len(few)


def test_find_a_carer_lists_only_households_whose_terms_fit(client, personas):
    young = factories.approved(personas.sw_alice, personas.sm_sara, age_from=0, age_to=4)
    girls = factories.approved(personas.sw_alice, personas.sm_sara, age_from=5, age_to=17,
                               approved_sex="female")
    full = factories.approved(personas.sw_alice, personas.sm_sara, places=1)
    _child, episode = factories.child_in_foster_care(personas)
    services.placement_link(episode=episode, household=full, actor=personas.sw_alice)
    signed_in(client, personas.sw_alice)
    page = client.get("/fostering/find-a-carer/?age=3")
    assert young.reference in page.text and girls.reference not in page.text
    assert full.reference not in page.text
    page = client.get("/fostering/find-a-carer/?age=9&sex=male")
    assert girls.reference not in page.text
    page = client.get("/fostering/find-a-carer/?age=9&sex=female")
    assert girls.reference in page.text
    page = client.get("/fostering/find-a-carer/?age=40")
    assert "Enter an age from 0 to 17" in page.text


def test_the_households_list_searches_filters_and_pages(client, personas):
    approved = factories.approved(personas.sw_alice, personas.sm_sara)
    enquiry = factories.enquiry(personas.sw_alice)
    signed_in(client, personas.bs_ben)
    page = client.get("/fostering/households/?status=approved")
    assert approved.reference in page.text and enquiry.reference not in page.text
    surname = enquiry.carers.first().last_name
    page = client.get(f"/fostering/households/?q={surname}")
    assert enquiry.reference in page.text and approved.reference not in page.text
    assert AuditEvent.objects.filter(event_code="FOSTERING_HOUSEHOLD_LISTED").exists()


def test_the_child_tab_links_the_current_foster_placement(client, personas, household):
    child, episode = factories.child_in_foster_care(personas)
    signed_in(client, personas.sw_alice)
    page = client.get(f"/fostering/child/{child.uuid}/")
    assert "is not linked to a fostering household yet" in page.text
    page = client.post(f"/fostering/child/{child.uuid}/placement/",
                       {"household": household.pk})
    assert page.status_code == 302
    assert HouseholdPlacement.objects.get(episode=episode).household == household
    page = client.get(f"/fostering/child/{child.uuid}/")
    assert household.reference in page.text


def test_the_provider_register_filters_and_the_provider_shows_children_placed(client,
                                                                             personas):
    from hearth.care.tests.factories import period_for, supported_placement

    home = factories.provider(personas.bs_ben, urn="SC900123")
    unregistered = factories.provider(personas.bs_ben, name="Unlisted Flat", urn="",
                                      kind="supported_accommodation",
                                      registration="unregistered", judgement="",
                                      judgement_on=None)
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2009, 3, 1))
    period_for(child, personas.sw_alice, started_on=D(2026, 5, 1),
               placement=supported_placement(urn="SC900123"))
    signed_in(client, personas.tm_bob)
    page = client.get("/fostering/providers/?registration=unregistered")
    assert unregistered.name in page.text and home.name not in page.text
    page = client.get("/fostering/providers/?q=SC900123")
    assert home.name in page.text
    page = client.get(f"/fostering/providers/{home.pk}/")
    assert child.last_name.upper() in page.text
    page = client.get(f"/fostering/providers/{unregistered.pk}/")
    assert "needs the head of service" in page.text
    assert AuditEvent.objects.filter(event_code="PROVIDER_VIEWED").count() == 2


def test_the_provider_form_refuses_a_registered_provider_without_a_urn(client, personas):
    page = signed_in(client, personas.bs_ben).post("/fostering/providers/add/", {
        "name": "Typed Name House", "kind": "childrens_home", "place_provider": "PR4",
        "registration": "registered"})
    assert page.status_code == 200
    assert "Enter the Ofsted URN of a registered provider" in page.text
    assert 'value="Typed Name House"' in page.text
    assert signed_in(client, personas.sw_alice).get(
        "/fostering/providers/add/").status_code == 403


def test_the_record_reads_in_the_same_queries_however_much_history(client, personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    signed_in(client, personas.sw_alice)
    url = f"/fostering/households/{household.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for reviewed in (D(2026, 4, 1), D(2026, 5, 1)):
        services.review_record(household=household, reviewed_on=reviewed, outcome="continue",
                               actor=personas.sw_alice)
    _child, episode = factories.child_in_foster_care(personas)
    services.placement_link(episode=episode, household=household, actor=personas.sw_alice)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert page.text.count("Approval continues on the same terms") == 2
    assert len(many) == len(few)


def test_temporary_approval_is_due_on_its_last_day_then_overdue(client, personas, traveller):
    child = personas.child_for(personas.sw_alice)
    household = factories.enquiry(personas.tm_bob, household_type="connected_person")
    services.temporary_approval_grant(household=household, approved_on=D(2026, 6, 1),
                                      child=child, actor=personas.tm_bob)
    url = f"/fostering/households/{household.pk}/"
    traveller.move_to(dt.datetime(2026, 9, 20, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.tm_bob).get(url)
    assert "ends 20 September 2026" in page.text and "Due today" in page.text
    traveller.move_to(dt.datetime(2026, 9, 21, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.tm_bob).get(url)
    assert "Overdue" in page.text


def test_the_annual_review_turns_overdue_the_day_after_the_anniversary(client, personas,
                                                                        traveller):
    household = factories.approved(personas.sw_alice, personas.sm_sara,
                                   worker=personas.sw_alice)
    traveller.move_to(dt.datetime(2027, 3, 12, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.sw_alice).get("/fostering/work/?status=due_today")
    assert household.reference in page.text
    traveller.move_to(dt.datetime(2027, 3, 13, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.sw_alice).get("/fostering/work/?status=overdue")
    assert household.reference in page.text


def test_the_childs_chronology_shows_the_household_not_the_carers(client, personas, household):
    child, episode = factories.child_in_foster_care(personas)
    services.placement_link(episode=episode, household=household, actor=personas.sw_alice)
    page = signed_in(client, personas.sw_alice).get(f"/people/{child.uuid}/chronology/")
    assert "Placed with foster carers" in page.text
    assert f"Household {household.reference}" in page.text
    assert household.carers.first().last_name not in page.text
