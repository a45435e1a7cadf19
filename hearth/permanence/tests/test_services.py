"""The services: what they write, the audit events, the clock, and the orders they refuse."""

import datetime as dt

import pytest

from hearth.care import services as care
from hearth.care.models import CarePeriod
from hearth.care.tests.factories import foster_placement, period_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.permanence import services
from hearth.permanence.models import AdoptionDecision, PermanencePlan
from hearth.permanence.tests.factories import adopted, approved_household

pytestmark = pytest.mark.django_db
D = dt.date


def plan_task(period):
    return StatutoryTask.objects.get(kind=TaskKind.PERMANENCE_PLAN,
                                     source_type=CarePeriod._meta.label, source_id=period.pk)


def test_care_opens_the_plan_clock_the_first_review_moves_it_and_a_plan_closes_it(
        personas, period):
    task = plan_task(period)
    assert task.due_on == D(2025, 12, 29) and task.closed_at is None
    care.cla_review_record(period=period, held_on=D(2025, 9, 22), chair=personas.iro_erin,
                           participation="PN0", actor=personas.iro_erin)
    task.refresh_from_db()
    assert task.due_on == D(2025, 12, 22)
    services.plan_record(period=period, plan_type="adoption", agreed_on=D(2025, 10, 1),
                         actor=personas.sw_alice)
    task.refresh_from_db()
    assert task.closed_on == D(2025, 10, 1) and not task.cancelled
    assert AuditEvent.objects.filter(event_code="PERMANENCE_PLAN_RECORDED",
                                     child_id=period.child_id).exists()


def test_ending_care_cancels_the_plan_clock(personas, period):
    care.care_end(period=period, ended_on=D(2026, 5, 1), reason="E4A", actor=personas.sw_alice)
    task = plan_task(period)
    assert task.cancelled and task.closed_on == D(2026, 5, 1)


def test_a_new_plan_or_stage_keeps_the_history(personas, period):
    sw = personas.sw_alice
    first = services.plan_record(period=period, plan_type="reunification",
                                 agreed_on=D(2025, 10, 1), actor=sw)
    with pytest.raises(DomainError, match="change its stage instead"):
        services.plan_record(period=period, plan_type="reunification",
                             agreed_on=D(2025, 11, 1), actor=sw)
    second = services.plan_record(period=period, plan_type="adoption", agreed_on=D(2025, 11, 1),
                                  actor=sw)
    staged = services.stage_change(period=period, stage="family_finding", since=D(2026, 1, 5),
                                   actor=sw)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.ended_on == D(2025, 11, 1) and second.ended_on == D(2026, 1, 5)
    assert staged.agreed_on == D(2025, 11, 1) and staged.ended_on is None
    assert PermanencePlan.objects.filter(period=period).count() == 3
    with pytest.raises(DomainError, match="on or after the start of the current stage") as error:
        services.stage_change(period=period, stage="matched", since=D(2026, 1, 4), actor=sw)
    assert error.value.field == "since"
    assert AuditEvent.objects.filter(event_code="PERMANENCE_STAGE_CHANGED").count() == 1


def test_the_adoption_steps_in_order_move_the_plan_and_are_audited(personas, period):
    sw, sm = personas.sw_alice, personas.sm_sara
    services.plan_record(period=period, plan_type="adoption", agreed_on=D(2025, 10, 1), actor=sw)
    household = approved_household(sw)
    decision = adopted(period, sm, household)
    assert decision.household == household and decision.adoption_order_on == D(2026, 5, 20)
    current = PermanencePlan.objects.get(period=period, ended_on__isnull=True)
    assert current.stage == "achieved" and current.stage_since == D(2026, 5, 20)
    assert AuditEvent.objects.filter(event_code="ADOPTION_STEP_RECORDED",
                                     child_id=period.child_id).count() == 4


def test_invalid_adoption_orders_are_refused_with_messages(personas, period):
    sw, sm = personas.sw_alice, personas.sm_sara
    decision = services.adoption_decision_record(period=period, decided_on=D(2025, 11, 3),
                                                 decision_maker="Synthetic ADM", actor=sm)
    with pytest.raises(DomainError, match="already has a decision"):
        services.adoption_decision_record(period=period, decided_on=D(2025, 11, 4),
                                          decision_maker="Synthetic ADM", actor=sm)
    with pytest.raises(DomainError, match="on or after the decision"):
        services.adoption_step_record(decision=decision, step="matched_on", on=D(2025, 11, 2),
                                      household=approved_household(sw), actor=sw)
    late = approved_household(sw, approved_on=D(2026, 3, 1))
    with pytest.raises(DomainError, match="approved on or before the match") as error:
        services.adoption_step_record(decision=decision, step="matched_on", on=D(2026, 2, 1),
                                      household=late, actor=sw)
    assert error.value.field == "household"
    with pytest.raises(DomainError, match="Choose why"):
        services.adoption_step_record(decision=decision, step="reversed_on", on=D(2026, 2, 1),
                                      reason="RD9", actor=sw)
    services.adoption_step_record(decision=decision, step="reversed_on", on=D(2026, 2, 1),
                                  reason="RD3", actor=sw)
    assert AdoptionDecision.objects.get(pk=decision.pk).reversed_reason == "RD3"
    # A reversed decision leaves room for a new one.
    services.adoption_decision_record(period=period, decided_on=D(2026, 3, 1),
                                      decision_maker="Synthetic ADM", actor=sm)


def test_households_are_checked_and_audited(personas):
    sw = personas.sw_alice
    with pytest.raises(DomainError, match="same sex") as error:
        services.household_add(legal_status="L12", enquiry_on=D(2026, 1, 1), actor=sw,
                               adopters=[{"name": "A", "sex": "M"}, {"name": "B", "sex": "F"}])
    assert error.value.field == "legal_status"
    household = approved_household(sw)
    assert household.reference.startswith("AH") and household.adopters.count() == 2
    with pytest.raises(DomainError, match="already recorded"):
        services.household_stage_record(household=household, step="approved_on",
                                        on=D(2026, 2, 1), actor=sw)
    with pytest.raises(DomainError, match="on or after their last recorded stage"):
        services.household_leave(household=household, left_on=D(2026, 1, 19),
                                 reason="withdrew", actor=sw)
    services.household_leave(household=household, left_on=D(2026, 1, 20), reason="withdrew",
                             actor=sw)
    codes = set(AuditEvent.objects.values_list("event_code", flat=True))
    assert {"ADOPTER_HOUSEHOLD_ADDED", "ADOPTER_HOUSEHOLD_STAGE_RECORDED",
            "ADOPTER_HOUSEHOLD_LEFT"} <= codes


def test_sgo_match_return_home_and_previous_permanence(personas, period):
    sw = personas.sw_alice
    sgo = services.sgo_assessment_start(period=period, guardians="Maternal grandparents",
                                        relationship="relative", started_on=D(2026, 1, 5),
                                        actor=sw)
    with pytest.raises(DomainError, match="before the order"):
        services.sgo_step_record(sgo=sgo, step="order_on", on=D(2026, 5, 1), actor=sw)
    services.sgo_step_record(sgo=sgo, step="assessment_completed_on", on=D(2026, 3, 1),
                             actor=sw)
    services.sgo_step_record(sgo=sgo, step="order_on", on=D(2026, 5, 1), actor=sw)
    services.long_term_match_record(period=period, carers="Synthetic carers",
                                    matched_on=D(2026, 2, 1), actor=sw)
    home = services.reunification_record(period=period, returned_home_on=D(2026, 4, 1),
                                         actor=sw)
    with pytest.raises(DomainError, match="returned home"):
        services.discharge_record(reunification=home, discharged_on=D(2026, 3, 31), actor=sw)
    services.discharge_record(reunification=home, discharged_on=D(2026, 5, 1), actor=sw)
    services.previous_permanence_record(period=period, order="P2", la_code="wal",
                                        order_on=D(2022, 1, 1), actor=sw)
    with pytest.raises(DomainError, match="already recorded for this period"):
        services.previous_permanence_record(period=period, order="Z1", actor=sw)
    codes = set(AuditEvent.objects.filter(child_id=period.child_id)
                .values_list("event_code", flat=True))
    assert {"SGO_RECORDED", "LONG_TERM_MATCH_RECORDED", "REUNIFICATION_RECORDED",
            "PREVIOUS_PERMANENCE_RECORDED"} <= codes


def test_an_ended_period_takes_only_records_dated_within_it(personas, period):
    care.care_end(period=period, ended_on=D(2026, 5, 1), reason="E4A", actor=personas.sw_alice)
    with pytest.raises(DomainError, match="ended on 1 May 2026") as error:
        services.plan_record(period=period, plan_type="adoption", agreed_on=D(2026, 5, 2),
                             actor=personas.sw_alice)
    assert error.value.field == "agreed_on"
    # History dated within the period may still be entered.
    services.plan_record(period=period, plan_type="reunification", agreed_on=D(2026, 4, 1),
                         actor=personas.sw_alice)


def test_a_period_held_from_a_continuing_episode_takes_earlier_dates(personas, child):
    """A period imported from a previous return, held from an episode that continued an earlier
    one (RNE not S): the day the child became looked after is not known, so a decision or a
    fostering for adoption placement before that episode is taken; after the period's end it
    is not. A period that began with S refuses dates before it."""
    sm = personas.sm_sara
    held = care.care_period_start(child=child, started_on=D(2025, 9, 1), legal_status="C2",
                                  category_of_need="N1", placement=foster_placement(),
                                  actor=personas.sw_alice, reason_new_episode="P")
    decision = services.adoption_decision_record(period=held, decided_on=D(2025, 5, 1),
                                                 decision_maker="Synthetic ADM", actor=sm)
    services.adoption_step_record(decision=decision, step="ffa_placed_on", on=D(2025, 6, 1),
                                  actor=sm)
    assert AdoptionDecision.objects.get(pk=decision.pk).ffa_placed_on == D(2025, 6, 1)
    other = personas.child_for(personas.sw_alice, date_of_birth=D(2023, 1, 1))
    began = period_for(other, personas.sw_alice, started_on=D(2025, 9, 1))
    with pytest.raises(DomainError, match="on or after the day the child became looked after"):
        services.adoption_decision_record(period=began, decided_on=D(2025, 5, 1),
                                          decision_maker="Synthetic ADM", actor=sm)
