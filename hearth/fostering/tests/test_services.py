"""Fostering services: every write audited, the household clocks opened, moved and closed in
the same transaction, and refusals for what makes no sense."""

import datetime as dt

import pytest

from hearth.care import services as care_services
from hearth.care.tests.factories import foster_placement
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.fostering import services
from hearth.fostering.codes import HouseholdTaskKind as K
from hearth.fostering.models import FosteringHousehold, HouseholdPlacement, HouseholdTask
from hearth.fostering.tests import factories

pytestmark = pytest.mark.django_db
D = dt.date


def open_tasks(household):
    return {t.kind: t for t in HouseholdTask.objects.filter(household=household,
                                                            closed_at__isnull=True)}


def events(code):
    return AuditEvent.objects.filter(event_code=code)


def test_an_enquiry_gets_a_reference_its_carers_and_an_audit_event(personas):
    household = factories.enquiry(personas.sw_alice)
    assert household.reference == f"FH{household.pk:05d}"
    assert household.status == "enquiry"
    assert household.carers.count() == 2
    event = events("FOSTERING_HOUSEHOLD_RECORDED").get()
    assert event.actor == personas.sw_alice and event.detail["reference"] == household.reference


def test_an_enquiry_needs_a_named_carer_and_a_past_date(personas):
    with pytest.raises(DomainError, match="at least one carer"):
        services.household_record_enquiry(household_type="mainstream", carers=[
            services.Carer("", "")], enquiry_on=D(2026, 5, 1), actor=personas.sw_alice)
    with pytest.raises(DomainError, match="today or in the past"):
        services.household_record_enquiry(household_type="mainstream", carers=[
            services.Carer("Robin", "Testcarer")], enquiry_on=D(2026, 6, 2),
            actor=personas.sw_alice)
    assert not FosteringHousehold.objects.exists()


def test_the_panel_opens_the_adm_clock_and_the_decision_approves_and_starts_reviews(personas):
    household = factories.in_assessment(personas.sw_alice, worker=personas.sw_alice)
    services.panel_recommendation_record(
        household=household, business="approval", panel_on=D(2026, 5, 22),
        recommendation="recommended", places=2, age_from=0, age_to=10, approved_sex="any",
        actor=personas.bs_ben)
    task = open_tasks(household)[K.RECORD_ADM_DECISION]
    assert task.due_on == D(2026, 6, 3)  # over the spring bank holiday
    assert task.worker == personas.sw_alice
    services.adm_decision_record(household=household, decision="agreed",
                                 decided_on=D(2026, 5, 29), actor=personas.sm_sara)
    household.refresh_from_db()
    assert (household.status, household.approved_on) == ("approved", D(2026, 5, 29))
    assert (household.approved_places, household.age_to) == (2, 10)
    tasks = open_tasks(household)
    assert set(tasks) == {K.REVIEW_APPROVAL}
    assert tasks[K.REVIEW_APPROVAL].due_on == D(2027, 5, 29)
    done = HouseholdTask.objects.get(household=household, kind=K.RECORD_ADM_DECISION)
    assert done.closed_on == D(2026, 5, 29) and not done.cancelled
    assert events("FOSTERING_ADM_DECISION_RECORDED").get().detail["positive"] is True


def test_the_adm_disagreeing_with_a_recommendation_to_approve_means_not_approved(personas):
    household = factories.in_assessment(personas.sw_alice)
    services.panel_recommendation_record(
        household=household, business="approval", panel_on=D(2026, 5, 20),
        recommendation="recommended", places=1, age_from=0, age_to=4, actor=personas.bs_ben)
    services.adm_decision_record(household=household, decision="not_agreed",
                                 decided_on=D(2026, 5, 27), actor=personas.sm_sara)
    household.refresh_from_db()
    assert household.status == "not_approved"
    assert open_tasks(household) == {}


def test_approval_needs_terms_and_an_assessment(personas):
    household = factories.enquiry(personas.sw_alice)
    with pytest.raises(DomainError, match="in assessment"):
        services.panel_recommendation_record(
            household=household, business="approval", panel_on=D(2026, 5, 20),
            recommendation="recommended", places=1, age_from=0, age_to=4, actor=personas.bs_ben)
    household = factories.in_assessment(personas.sw_alice)
    with pytest.raises(DomainError, match="how many"):
        services.panel_recommendation_record(
            household=household, business="approval", panel_on=D(2026, 5, 20),
            recommendation="recommended", actor=personas.bs_ben)


def test_a_deferred_recommendation_needs_no_decision(personas):
    household = factories.in_assessment(personas.sw_alice)
    services.panel_recommendation_record(household=household, business="approval",
                                         panel_on=D(2026, 5, 20), recommendation="deferred",
                                         actor=personas.bs_ben)
    assert open_tasks(household) == {}
    with pytest.raises(DomainError, match="no panel recommendation waiting"):
        services.adm_decision_record(household=household, decision="agreed",
                                     decided_on=D(2026, 5, 21), actor=personas.sm_sara)


def test_a_second_panel_waits_for_the_decision_on_the_first(personas):
    household = factories.in_assessment(personas.sw_alice)
    services.panel_recommendation_record(
        household=household, business="approval", panel_on=D(2026, 5, 20),
        recommendation="not_recommended", actor=personas.bs_ben)
    with pytest.raises(DomainError, match="has not decided"):
        services.panel_recommendation_record(
            household=household, business="approval", panel_on=D(2026, 5, 21),
            recommendation="deferred", actor=personas.bs_ben)


def test_a_decision_cannot_come_before_its_panel(personas):
    household = factories.in_assessment(personas.sw_alice)
    services.panel_recommendation_record(
        household=household, business="approval", panel_on=D(2026, 5, 20),
        recommendation="recommended", places=1, age_from=0, age_to=4, actor=personas.bs_ben)
    with pytest.raises(DomainError, match="on or after the panel"):
        services.adm_decision_record(household=household, decision="agreed",
                                     decided_on=D(2026, 5, 19), actor=personas.sm_sara)


def test_temporary_approval_opens_the_16_week_clock_and_an_extension_moves_it(personas):
    child = personas.child_for(personas.sw_alice)
    household = factories.enquiry(personas.tm_bob, household_type="connected_person")
    services.temporary_approval_grant(household=household, approved_on=D(2026, 6, 1),
                                      child=child, actor=personas.tm_bob)
    household.refresh_from_db()
    assert household.status == "in_assessment"
    assert open_tasks(household)[K.CONCLUDE_CONNECTED_ASSESSMENT].due_on == D(2026, 9, 20)
    assert events("FOSTERING_TEMPORARY_APPROVAL_GRANTED").get().child_id == child.pk
    services.temporary_approval_extend(household=household, extended_on=D(2026, 6, 1),
                                       actor=personas.tm_bob)
    task = open_tasks(household)[K.CONCLUDE_CONNECTED_ASSESSMENT]
    assert (task.due_on, task.rule) == (D(2026, 11, 15), "CPR 2010 reg 25: 16+8 weeks")
    with pytest.raises(DomainError, match="already been extended"):
        services.temporary_approval_extend(household=household, extended_on=D(2026, 6, 1),
                                           actor=personas.tm_bob)


def test_approval_of_a_connected_person_ends_the_temporary_approval_clock(personas):
    child = personas.child_for(personas.sw_alice)
    household = factories.enquiry(personas.tm_bob, household_type="connected_person")
    services.temporary_approval_grant(household=household, approved_on=D(2026, 2, 2),
                                      child=child, actor=personas.tm_bob)
    services.panel_recommendation_record(
        household=household, business="approval", panel_on=D(2026, 5, 20),
        recommendation="recommended", places=1, age_from=0, age_to=17,
        care_type="named_child", actor=personas.bs_ben)
    services.adm_decision_record(household=household, decision="agreed",
                                 decided_on=D(2026, 5, 22), actor=personas.sm_sara)
    closed = HouseholdTask.objects.get(household=household,
                                       kind=K.CONCLUDE_CONNECTED_ASSESSMENT)
    assert closed.closed_on == D(2026, 5, 22) and closed.closed_on <= closed.due_on


def test_only_connected_persons_are_approved_temporarily(personas):
    household = factories.enquiry(personas.tm_bob)
    with pytest.raises(DomainError, match="Only connected persons"):
        services.temporary_approval_grant(household=household, approved_on=D(2026, 6, 1),
                                          child=personas.child_for(), actor=personas.tm_bob)


def test_the_first_review_goes_to_panel_and_opens_the_next_a_year_on(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    assert open_tasks(household)[K.REVIEW_APPROVAL].due_on == D(2027, 3, 12)
    review = services.review_record(household=household, reviewed_on=D(2026, 6, 1),
                                    outcome="continue", actor=personas.sw_alice)
    assert review.goes_to_panel and review.in_time
    task = open_tasks(household)[K.REVIEW_APPROVAL]
    assert (task.due_on, task.rule) == (D(2027, 6, 1), "FSR 2011 reg 28: yearly")
    second = services.review_record(household=household, reviewed_on=D(2026, 6, 1),
                                    outcome="continue", actor=personas.sw_alice)
    assert not second.goes_to_panel


def test_a_first_review_panel_recommending_no_continuation_deregisters(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    with pytest.raises(DomainError, match="first annual review"):
        services.panel_recommendation_record(household=household, business="review",
                                             panel_on=D(2026, 5, 1),
                                             recommendation="recommended",
                                             actor=personas.bs_ben)
    services.panel_recommendation_record(household=household, business="first_review",
                                         panel_on=D(2026, 5, 1),
                                         recommendation="not_recommended",
                                         actor=personas.bs_ben)
    services.adm_decision_record(household=household, decision="agreed",
                                 decided_on=D(2026, 5, 5), actor=personas.sm_sara)
    household.refresh_from_db()
    assert household.status == "deregistered"
    cancelled = HouseholdTask.objects.get(household=household, kind=K.REVIEW_APPROVAL)
    assert cancelled.cancelled


def test_change_of_terms_agreed_changes_the_terms(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara, places=1)
    services.panel_recommendation_record(
        household=household, business="change_of_terms", panel_on=D(2026, 5, 1),
        recommendation="recommended", places=3, age_from=2, age_to=12, actor=personas.bs_ben)
    services.adm_decision_record(household=household, decision="agreed",
                                 decided_on=D(2026, 5, 5), actor=personas.sm_sara)
    household.refresh_from_db()
    assert (household.approved_places, household.age_from, household.age_to) == (3, 2, 12)
    assert household.status == "approved"


def test_on_hold_and_back_and_resignation_cancels_the_clocks(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    services.household_status_change(household=household, status="on_hold",
                                      on=D(2026, 4, 1), reason="Carer's illness",
                                      actor=personas.tm_bob)
    with pytest.raises(DomainError, match="cannot be made"):
        services.household_status_change(household=household, status="on_hold",
                                          on=D(2026, 4, 2), reason="Again",
                                          actor=personas.tm_bob)
    services.household_status_change(household=household, status="resigned",
                                      on=D(2026, 5, 1), reason="Moving away",
                                      actor=personas.tm_bob)
    household.refresh_from_db()
    assert household.status == "resigned" and household.is_closed
    assert open_tasks(household) == {}
    assert events("FOSTERING_STATUS_CHANGED").count() == 2
    with pytest.raises(DomainError, match="closed"):
        services.initial_visit_record(household=household, visited_on=D(2026, 5, 2),
                                      actor=personas.sw_alice)


def test_a_new_supervising_social_worker_takes_the_open_tasks(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara,
                                   worker=personas.sw_alice)
    services.supervising_social_worker_allocate(household=household,
                                                worker=personas.sw_charlie,
                                                actor=personas.tm_bob)
    assert open_tasks(household)[K.REVIEW_APPROVAL].worker == personas.sw_charlie


def test_linking_a_placement_counts_the_child_and_refuses_beyond_the_places(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara, places=1)
    child, episode = factories.child_in_foster_care(personas)
    services.placement_link(episode=episode, household=household, actor=personas.sw_alice)
    assert services.placed_now(household) == 1
    assert events("FOSTERING_PLACEMENT_LINKED").get().child_id == child.pk
    _other, second = factories.child_in_foster_care(personas)
    with pytest.raises(DomainError, match="no vacancy"):
        services.placement_link(episode=second, household=household, actor=personas.sw_alice)


def test_linking_refuses_a_child_outside_the_terms_and_non_foster_placements(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara, age_from=0, age_to=4)
    _child, episode = factories.child_in_foster_care(personas,
                                                     date_of_birth=D(2014, 1, 1))
    with pytest.raises(DomainError, match="outside"):
        services.placement_link(episode=episode, household=household, actor=personas.sw_alice)
    unapproved = factories.in_assessment(personas.sw_alice)
    with pytest.raises(DomainError, match="not approved"):
        services.placement_link(episode=episode, household=unapproved,
                                actor=personas.sw_alice)


def test_a_legal_status_change_keeps_the_household_link(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    child, episode = factories.child_in_foster_care(personas)
    services.placement_link(episode=episode, household=household, actor=personas.sw_alice)
    care_services.episode_change(period=episode.period, changed_on=D(2026, 5, 1),
                                 legal_status="C2", category_of_need="N1",
                                 placement=foster_placement(placement_type="U4"),
                                 actor=personas.sw_alice)
    links = HouseholdPlacement.objects.filter(child=child)
    assert links.count() == 2
    assert services.placed_now(household) == 1


def test_a_move_to_new_carers_does_not_keep_the_link(personas):
    household = factories.approved(personas.sw_alice, personas.sm_sara)
    _child, episode = factories.child_in_foster_care(personas)
    services.placement_link(episode=episode, household=household, actor=personas.sw_alice)
    care_services.episode_change(period=episode.period, changed_on=D(2026, 5, 1),
                                 legal_status="C1", category_of_need="N1",
                                 placement=foster_placement(placement_type="U4",
                                                            placement_postcode="ZZ5 5EE"),
                                 reason_place_change="CARPL", actor=personas.sw_alice)
    assert services.placed_now(household) == 0


def test_a_registered_provider_needs_a_unique_urn(personas):
    factories.provider(personas.bs_ben)
    with pytest.raises(DomainError, match="already on the register"):
        factories.provider(personas.bs_ben, name="Another House")
    with pytest.raises(DomainError, match="URN of a registered"):
        factories.provider(personas.bs_ben, urn="")
    unregistered = factories.provider(personas.bs_ben, urn="", registration="unregistered",
                                      judgement="", judgement_on=None)
    assert unregistered.pk
    assert events("PROVIDER_RECORDED").count() == 2


def test_a_provider_change_is_audited_with_what_changed(personas):
    provider = factories.provider(personas.bs_ben)
    services.provider_update(provider=provider, actor=personas.bs_ben,
                             registration="deregistered")
    event = events("PROVIDER_CHANGED").get()
    assert event.detail["changes"] == {"registration": ["registered", "deregistered"]}
