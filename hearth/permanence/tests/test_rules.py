"""The permanence rules at their boundaries."""

import datetime as dt

import pytest

from hearth.care.tests.factories import timescales_calendar
from hearth.core.errors import DomainError
from hearth.permanence import rules

D = dt.date
TODAY = D(2026, 6, 1)
DECIDED = {"decided_on": D(2026, 1, 10)}


def step(name, on, **facts):
    rules.ensure_adoption_step(name, on, facts={**DECIDED, **facts}, today=TODAY,
                               period_started_on=D(2025, 9, 1))


def test_matching_may_be_on_the_day_of_the_decision_but_not_before():
    step("matched_on", D(2026, 1, 10))
    with pytest.raises(DomainError, match="on or after the decision") as error:
        step("matched_on", D(2026, 1, 9))
    assert error.value.field == "matched_on"


def test_placement_needs_a_match_and_not_before_it():
    with pytest.raises(DomainError, match="Record the match"):
        step("placed_on", D(2026, 3, 1))
    step("placed_on", D(2026, 3, 1), matched_on=D(2026, 3, 1))
    with pytest.raises(DomainError, match="on or after the match"):
        step("placed_on", D(2026, 2, 28), matched_on=D(2026, 3, 1))


def test_the_adoption_order_is_not_before_placement():
    placed = {"matched_on": D(2026, 2, 1), "placed_on": D(2026, 3, 1)}
    step("adoption_order_on", D(2026, 3, 1), **placed)
    with pytest.raises(DomainError, match="on or after the date the child was placed"):
        step("adoption_order_on", D(2026, 2, 28), **placed)
    with pytest.raises(DomainError, match="placed for adoption before the adoption order"):
        step("adoption_order_on", D(2026, 3, 1))


def test_nothing_after_the_order_or_a_reversal_and_nothing_twice_or_in_the_future():
    with pytest.raises(DomainError, match="adoption order has been made"):
        step("placement_order_on", D(2026, 2, 1), adoption_order_on=D(2026, 5, 1))
    with pytest.raises(DomainError, match="was reversed"):
        step("matched_on", D(2026, 2, 1), reversed_on=D(2026, 1, 20))
    with pytest.raises(DomainError, match="already recorded"):
        step("placement_order_on", D(2026, 2, 2), placement_order_on=D(2026, 2, 1))
    with pytest.raises(DomainError, match="today or in the past"):
        step("placement_order_on", D(2026, 6, 2))
    step("placement_order_on", TODAY)


def test_fostering_for_adoption_may_precede_the_decision_but_not_care_or_placement():
    step("ffa_placed_on", D(2025, 9, 1))
    with pytest.raises(DomainError, match="became looked after"):
        step("ffa_placed_on", D(2025, 8, 31))
    with pytest.raises(DomainError, match="on or before the date the child was placed"):
        step("ffa_placed_on", D(2026, 3, 2), matched_on=D(2026, 2, 1), placed_on=D(2026, 3, 1))


def test_the_plan_is_due_three_months_after_the_first_review():
    calendar = timescales_calendar()
    # Started Monday 1 September 2025: first review due 20 WD later (29 September).
    assert rules.plan_due_on(started_on=D(2025, 9, 1), first_review_on=None,
                             calendar=calendar) == D(2025, 12, 29)
    assert rules.plan_due_on(started_on=D(2025, 9, 1), first_review_on=D(2025, 9, 20),
                             calendar=calendar) == D(2025, 12, 20)


def test_a_plan_agreed_on_the_day_of_the_second_review_counts():
    assert rules.plan_by_second_review(first_agreed_on=D(2026, 1, 5),
                                       second_review_on=D(2026, 1, 5)) is True
    assert rules.plan_by_second_review(first_agreed_on=D(2026, 1, 6),
                                       second_review_on=D(2026, 1, 5)) is False
    assert rules.plan_by_second_review(first_agreed_on=None,
                                       second_review_on=D(2026, 1, 5)) is False
    assert rules.plan_by_second_review(first_agreed_on=None, second_review_on=None) is None


@pytest.mark.parametrize(("sexes", "code"), [(["M"], "M1"), (["F"], "F1"), (["F", "M"], "MF"),
                                             (["M", "M"], "MM"), (["F", "F"], "FF")])
def test_sex_of_adopters(sexes, code):
    assert rules.sex_of_adopters(sexes) == code


def test_the_legal_status_agrees_with_the_adopters():
    rules.ensure_adopters(legal_status="L0", sexes=["F"])
    rules.ensure_adopters(legal_status="L11", sexes=["M", "F"])
    rules.ensure_adopters(legal_status="L4", sexes=["F", "F"])
    rules.ensure_adopters(legal_status="L2", sexes=["M", "F"])
    with pytest.raises(DomainError, match="single adopter"):
        rules.ensure_adopters(legal_status="L0", sexes=["F", "M"])
    with pytest.raises(DomainError, match="enter the second adopter"):
        rules.ensure_adopters(legal_status="L3", sexes=["F"])
    with pytest.raises(DomainError, match="different sexes"):
        rules.ensure_adopters(legal_status="L11", sexes=["F", "F"])
    with pytest.raises(DomainError, match="same sex"):
        rules.ensure_adopters(legal_status="L12", sexes=["M", "F"])


def test_household_stages_follow_each_other():
    facts = {"enquiry_on": D(2026, 1, 1), "stage1_started_on": D(2026, 2, 1)}
    rules.ensure_household_stage("stage1_ended_on", D(2026, 2, 1), facts=facts, today=TODAY)
    with pytest.raises(DomainError, match="on or after the start of stage 1"):
        rules.ensure_household_stage("stage1_ended_on", D(2026, 1, 31), facts=facts,
                                     today=TODAY)
    with pytest.raises(DomainError, match="Record the application first"):
        rules.ensure_household_stage("approved_on", D(2026, 5, 1), facts=facts, today=TODAY)


def test_sgo_order_follows_the_assessment():
    with pytest.raises(DomainError, match="before the order"):
        rules.ensure_sgo_step("order_on", D(2026, 5, 1), started_on=D(2026, 1, 1),
                              completed_on=None, order_on=None, today=TODAY)
    rules.ensure_sgo_step("order_on", D(2026, 4, 1), started_on=D(2026, 1, 1),
                          completed_on=D(2026, 4, 1), order_on=None, today=TODAY)
    with pytest.raises(DomainError, match="end of the assessment"):
        rules.ensure_sgo_step("order_on", D(2026, 3, 31), started_on=D(2026, 1, 1),
                              completed_on=D(2026, 4, 1), order_on=None, today=TODAY)


def test_discharge_not_before_the_return_home():
    rules.ensure_discharge(D(2026, 3, 1), returned_home_on=D(2026, 3, 1), already=None,
                           today=TODAY)
    with pytest.raises(DomainError, match="returned home"):
        rules.ensure_discharge(D(2026, 2, 28), returned_home_on=D(2026, 3, 1), already=None,
                               today=TODAY)


def test_previous_permanence():
    rules.ensure_previous_permanence(order="Z1", la_code="", order_on=None,
                                     period_started_on=D(2025, 9, 1))
    rules.ensure_previous_permanence(order="P2", la_code="WAL", order_on=D(2025, 9, 1),
                                     period_started_on=D(2025, 9, 1))
    with pytest.raises(DomainError, match="Leave the local authority"):
        rules.ensure_previous_permanence(order="Z1", la_code="332", order_on=None,
                                         period_started_on=D(2025, 9, 1))
    with pytest.raises(DomainError, match="3-digit code"):
        rules.ensure_previous_permanence(order="P1", la_code="33", order_on=D(2020, 1, 1),
                                         period_started_on=D(2025, 9, 1))
    with pytest.raises(DomainError, match="before this period"):
        rules.ensure_previous_permanence(order="P1", la_code="332", order_on=D(2025, 9, 2),
                                         period_started_on=D(2025, 9, 1))
