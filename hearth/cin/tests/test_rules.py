"""Pure rule tests: no database. Review clocks in weeks, visit clocks in working days."""

import datetime as dt

import pytest

from hearth.cin import rules
from hearth.cin.tests.factories import timescales_calendar
from hearth.core.errors import DomainError

D = dt.date


@pytest.fixture
def calendar():
    return timescales_calendar()


@pytest.mark.parametrize(("last", "weeks", "due_on"), [
    pytest.param(D(2026, 2, 2), 12, D(2026, 4, 27), id="12 weeks across Easter"),
    pytest.param(D(2025, 10, 2), 12, D(2025, 12, 25), id="lands on Christmas Day: not moved"),
    pytest.param(D(2025, 12, 19), 6, D(2026, 1, 30), id="a 6-week local standard"),
])
def test_reviews_fall_due_in_calendar_weeks(calendar, last, weeks, due_on):
    # ADR 5: week clocks are not moved off bank holidays; a review due on Christmas Day is
    # due by then.
    assert rules.cin_review_due_on(last_reviewed_on=last, interval_weeks=weeks,
                                   calendar=calendar) == due_on


@pytest.mark.parametrize(("last", "working_days", "due_on"), [
    pytest.param(D(2025, 12, 12), 20, D(2026, 1, 14), id="20 WD across Christmas and 1 Jan"),
    pytest.param(D(2026, 3, 26), 20, D(2026, 4, 27), id="20 WD across Easter"),
    pytest.param(D(2026, 4, 24), 10, D(2026, 5, 11), id="10 WD across early May"),
    pytest.param(D(2026, 4, 4), 1, D(2026, 4, 7), id="seen on Easter Saturday: Tuesday"),
])
def test_visits_fall_due_in_working_days(calendar, last, working_days, due_on):
    assert rules.cin_visit_due_on(last_visited_on=last, interval_working_days=working_days,
                                  calendar=calendar) == due_on
    assert calendar.working_days_between(last, due_on) == working_days


def test_the_rule_names_carry_the_local_interval():
    assert rules.review_rule(12) == "CIN review every 12 weeks v1"
    assert rules.visit_rule(20) == "CIN visit every 20 WD v1"


START = {"referral_date": D(2026, 3, 2), "referral_closed_on": None, "no_further_action": False,
         "started_on": D(2026, 3, 10), "today": D(2026, 6, 1), "open_plan_started_on": None}


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"open_plan_started_on": D(2026, 1, 5)}, None,
     "The child already has a child in need plan, started 5 January 2026: end it before "
     "starting another"),
    ({"referral_closed_on": D(2026, 3, 9)}, "referral",
     "This episode of need was closed on 9 March 2026: a closed episode cannot get a new plan"),
    ({"no_further_action": True}, "referral",
     "This referral ended in no further action: it cannot get a plan"),
    ({"started_on": D(2026, 3, 1)}, "started_on",
     "The plan cannot start before the referral on 2 March 2026"),
    ({"started_on": D(2026, 6, 2)}, "started_on", "The start date must be today or in the past"),
])
def test_a_plan_starts_only_when_it_fits(change, field, message):
    rules.ensure_plan_can_start(**{**START, "started_on": D(2026, 3, 2)})
    with pytest.raises(DomainError) as refused:
        rules.ensure_plan_can_start(**{**START, **change})
    assert (refused.value.field, refused.value.message) == (field, message)


def test_a_closed_plan_cannot_get_a_visit_or_a_review():
    rules.ensure_plan_open(ended_on=None, what="a visit")
    with pytest.raises(DomainError) as refused:
        rules.ensure_plan_open(ended_on=D(2026, 5, 1), what="a visit")
    assert refused.value.message == "A closed plan cannot get a visit: this plan ended on " \
                                    "1 May 2026"


@pytest.mark.parametrize(("on", "message"), [
    (D(2026, 3, 9), "The visit cannot be before the plan started on 10 March 2026"),
    (D(2026, 6, 2), "The date of the visit must be today or in the past"),
])
def test_a_visit_is_within_the_plan_and_not_in_the_future(on, message):
    rules.ensure_plan_event_fits(on=D(2026, 3, 10), plan_started_on=D(2026, 3, 10),
                                 today=D(2026, 6, 1), field="visited_on", what="visit")
    with pytest.raises(DomainError) as refused:
        rules.ensure_plan_event_fits(on=on, plan_started_on=D(2026, 3, 10), today=D(2026, 6, 1),
                                     field="visited_on", what="visit")
    assert (refused.value.field, refused.value.message) == ("visited_on", message)


@pytest.mark.parametrize(("ended_on", "message"), [
    (D(2026, 3, 9), "The plan cannot end before it started on 10 March 2026"),
    (D(2026, 6, 2), "The end date must be today or in the past"),
    (D(2026, 4, 1), "The plan cannot end before its last review or visit on 2 April 2026"),
])
def test_a_plan_ends_after_it_started_and_after_its_last_activity(ended_on, message):
    values = {"started_on": D(2026, 3, 10), "today": D(2026, 6, 1),
              "last_activity_on": D(2026, 4, 2)}
    rules.ensure_plan_can_end(ended_on=D(2026, 4, 2), **values)
    with pytest.raises(DomainError) as refused:
        rules.ensure_plan_can_end(ended_on=ended_on, **values)
    assert (refused.value.field, refused.value.message) == ("ended_on", message)


@pytest.mark.parametrize(("values", "problem"), [
    ({}, None),
    ({"last_ended_on": D(2026, 5, 1)}, None),
    ({"open_plan_started_on": D(2026, 3, 10)},
     "The child in need plan started 10 March 2026 is still open: end it before closing the "
     "episode"),
    ({"last_ended_on": D(2026, 5, 20)},
     "The episode cannot close before its child in need plan ended on 20 May 2026"),
])
def test_an_episode_closes_only_after_its_plans(values, problem):
    arguments = {"closed_on": D(2026, 5, 15), "open_plan_started_on": None,
                 "last_ended_on": None, **values}
    assert rules.episode_closure_problem(**arguments) == problem
