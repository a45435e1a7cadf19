"""Pure rule tests: no database. Worked examples from TIMESCALES.md sections 1 and 2."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.protection import rules
from hearth.protection.rules import DurationBand, PlanFacts
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date
BANK_HOLIDAYS = {
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
}


@pytest.fixture
def calendar() -> WorkingDayCalendar:
    days = {D.fromisoformat(f"{year}-{md}") for year, mds in BANK_HOLIDAYS.items() for md in mds}
    return WorkingDayCalendar.for_years(days, 2025, 2026)


# ---- Due dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("strategy_discussion_on", "due_on"), [
    pytest.param(D(2025, 12, 19), D(2026, 1, 14), id="Fri 19 Dec 2025: across Christmas"),
    pytest.param(D(2026, 3, 27), D(2026, 4, 21), id="Fri 27 Mar 2026: across Easter"),
    pytest.param(D(2026, 3, 2), D(2026, 3, 23), id="Mon 2 Mar 2026: three plain weeks"),
    pytest.param(D(2026, 3, 7), D(2026, 3, 27), id="a Saturday counts from Monday"),
])
def test_it_gives_the_icpc_15_working_days_after_the_strategy_discussion(
        calendar, strategy_discussion_on, due_on):
    assert rules.icpc_due_on(strategy_discussion_on=strategy_discussion_on,
                             calendar=calendar) == due_on


def test_it_gives_the_first_core_group_10_working_days_after_the_icpc(calendar):
    assert rules.first_core_group_due_on(icpc_on=D(2025, 12, 19), calendar=calendar) == D(
        2026, 1, 7)


@pytest.mark.parametrize(("icpc_on", "due_on"), [
    pytest.param(D(2025, 11, 30), D(2026, 2, 28), id="30 Nov: end of February"),
    pytest.param(D(2027, 11, 30), D(2028, 2, 29), id="30 Nov 2027: leap February"),
    pytest.param(D(2026, 1, 15), D(2026, 4, 15), id="mid-month: same day"),
])
def test_it_gives_the_first_review_three_calendar_months_after_the_icpc(icpc_on, due_on):
    assert rules.first_review_due_on(icpc_on=icpc_on) == due_on


@pytest.mark.parametrize(("review_on", "due_on"), [
    pytest.param(D(2025, 8, 31), D(2026, 2, 28), id="31 Aug 2025: 28 February"),
    pytest.param(D(2027, 8, 31), D(2028, 2, 29), id="31 Aug 2027: 29 February"),
    pytest.param(D(2026, 2, 28), D(2026, 8, 28), id="28 Feb: never stretched to month end"),
])
def test_it_gives_later_reviews_at_most_six_months_apart(review_on, due_on):
    assert rules.next_review_due_on(review_on=review_on) == due_on


def test_core_groups_follow_the_local_interval_in_weeks():
    assert rules.next_core_group_due_on(core_group_on=D(2026, 1, 7), interval_weeks=6) == D(
        2026, 2, 18)
    assert rules.next_core_group_due_on(core_group_on=D(2026, 1, 7), interval_weeks=4) == D(
        2026, 2, 4)


def test_visits_every_10_working_days_across_christmas(calendar):
    start = D(2025, 12, 15)
    first = rules.next_cp_visit_due_on(last_visit_on=start, interval_working_days=10,
                                       calendar=calendar)
    second = rules.next_cp_visit_due_on(last_visit_on=first, interval_working_days=10,
                                        calendar=calendar)
    # 25, 26 Dec and 1 Jan are bank holidays.
    assert (first, second) == (D(2025, 12, 31), D(2026, 1, 15))


def test_a_local_standard_changes_the_visit_interval(calendar):
    assert rules.next_cp_visit_due_on(last_visit_on=D(2026, 3, 2), interval_working_days=5,
                                      calendar=calendar) == D(2026, 3, 9)


# ---- Duration ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "on", "band"), [
    (D(2026, 1, 31), D(2026, 1, 31), DurationBand.UP_TO_3),
    (D(2026, 1, 31), D(2026, 4, 30), DurationBand.UP_TO_3),
    (D(2026, 1, 31), D(2026, 5, 1), DurationBand.UP_TO_6),
    (D(2025, 1, 10), D(2025, 10, 10), DurationBand.UP_TO_9),
    (D(2025, 1, 10), D(2025, 10, 11), DurationBand.UP_TO_18),
    (D(2024, 1, 10), D(2025, 7, 11), DurationBand.UP_TO_24),
    (D(2024, 1, 10), D(2026, 1, 10), DurationBand.UP_TO_24),
    (D(2024, 1, 10), D(2026, 1, 11), DurationBand.OVER_24),
])
def test_it_puts_a_plan_in_its_duration_band_at_the_edges(start, on, band):
    assert rules.duration_band(start, on=on) == band


def test_it_flags_plans_lasting_beyond_nine_months_and_two_years():
    start = D(2025, 3, 31)
    assert not rules.due_for_progress_panel(start, on=D(2025, 12, 31))
    assert rules.due_for_progress_panel(start, on=D(2026, 1, 1))
    assert not rules.lasting_over_two_years(start, on=D(2027, 3, 31))
    assert rules.lasting_over_two_years(start, on=D(2027, 4, 1))


@pytest.mark.parametrize("on", [D(2026, 2, 28), D(2026, 3, 31), D(2028, 2, 29), D(2026, 7, 1),
                                D(2026, 8, 31), D(2027, 1, 1)])
def test_a_band_as_start_dates_agrees_with_the_band_of_every_start(on):
    for days_ago in range(0, 2 * 366 + 400):
        start = on - dt.timedelta(days=days_ago)
        start_from, start_before = rules.band_start_dates(rules.duration_band(start, on=on),
                                                          on=on)
        assert start_from is None or start >= start_from, (start, on)
        assert start_before is None or start < start_before, (start, on)


# ---- Transitions -------------------------------------------------------------------------------

TODAY = D(2026, 6, 15)
OPEN_PLAN = PlanFacts(start_date=D(2026, 3, 10), end_date=None, last_core_group_on=D(2026, 4, 1),
                      last_review_on=None, last_visit_on=D(2026, 5, 20))
ENDED_PLAN = PlanFacts(start_date=D(2026, 3, 10), end_date=D(2026, 6, 1))


def test_a_strategy_discussion_must_fit_its_referral():
    fits = {"referral_date": D(2026, 3, 2), "referral_closed_on": None, "today": TODAY}
    rules.ensure_strategy_discussion_fits_referral(held_on=D(2026, 3, 2), **fits)
    with pytest.raises(DomainError, match="before the referral on 2 March 2026"):
        rules.ensure_strategy_discussion_fits_referral(held_on=D(2026, 3, 1), **fits)
    with pytest.raises(DomainError, match="today or in the past"):
        rules.ensure_strategy_discussion_fits_referral(held_on=D(2026, 6, 16), **fits)
    with pytest.raises(DomainError, match="closed on 1 June 2026"):
        rules.ensure_strategy_discussion_fits_referral(
            held_on=D(2026, 3, 3), referral_date=D(2026, 3, 2),
            referral_closed_on=D(2026, 6, 1), today=TODAY)


@pytest.mark.parametrize(("changes", "message"), [
    ({"is_open": False}, "already ended"),
    ({"outcome": ""}, "Choose the outcome"),
    ({"completed_on": D(2026, 3, 1)}, "before it started on 3 March 2026"),
    ({"outcome": "not_at_risk"}, "only for a child judged to be at continuing risk"),
    ({"has_open_plan": True}, "hold a review conference"),
])
def test_a_section47_enquiry_concludes_only_in_ways_that_make_sense(changes, message):
    values = {"started_on": D(2026, 3, 3), "completed_on": D(2026, 3, 10),
              "outcome": "continuing_risk", "icpc_required": True, "is_open": True,
              "has_open_plan": False, "today": TODAY}
    rules.ensure_section47_can_conclude(**values)
    with pytest.raises(DomainError, match=message):
        rules.ensure_section47_can_conclude(**{**values, **changes})


@pytest.mark.parametrize(("changes", "message"), [
    ({"held_on": D(2026, 3, 2)},
     "An initial conference cannot be before the strategy discussion on 3 March 2026"),
    ({"held_on": D(2026, 3, 5)}, "before the section 47 enquiry ended on 10 March 2026"),
    ({"icpc_required": False}, "with an initial conference needed"),
    ({"already_held": True}, "already been recorded"),
    ({"has_open_plan": True}, "already has a child protection plan"),
    ({"category": ""}, "Choose the category of abuse"),
    ({"outcome": "no_plan"}, "only for a child protection plan"),
    ({"outcome": "continue_plan"}, "Choose an outcome this conference can have"),
    ({"held_on": D(2026, 6, 16)}, "today or in the past"),
])
def test_an_initial_conference_is_refused_when_it_makes_no_sense(changes, message):
    values = {"held_on": D(2026, 3, 20), "strategy_discussion_on": D(2026, 3, 3),
              "section47_completed_on": D(2026, 3, 10), "icpc_required": True,
              "already_held": False, "has_open_plan": False, "outcome": "plan",
              "category": "NEG", "today": TODAY}
    rules.ensure_initial_conference_can_be_held(**values)
    with pytest.raises(DomainError, match=message):
        rules.ensure_initial_conference_can_be_held(**{**values, **changes})


def test_a_closed_plan_refuses_visits_core_groups_and_reviews_with_a_clear_message():
    ended = "The child protection plan ended on 1 June 2026: a {} cannot be recorded against it"
    with pytest.raises(DomainError, match=ended.format("visit")):
        rules.ensure_visit_can_be_recorded(ENDED_PLAN, visited_on=D(2026, 5, 1), today=TODAY)
    with pytest.raises(DomainError, match=ended.format("core group")):
        rules.ensure_core_group_can_be_held(ENDED_PLAN, held_on=D(2026, 5, 1), today=TODAY)
    with pytest.raises(DomainError, match=ended.format("review conference")):
        rules.ensure_review_conference_can_be_held(ENDED_PLAN, held_on=D(2026, 5, 1),
                                                   outcome="continue_plan", category="NEG",
                                                   today=TODAY)


def test_plan_events_must_follow_the_plan_and_each_other():
    with pytest.raises(DomainError, match="before the plan started on 10 March 2026"):
        rules.ensure_visit_can_be_recorded(OPEN_PLAN, visited_on=D(2026, 3, 9), today=TODAY)
    with pytest.raises(DomainError, match="after the last one on 1 April 2026"):
        rules.ensure_core_group_can_be_held(OPEN_PLAN, held_on=D(2026, 4, 1), today=TODAY)
    with pytest.raises(DomainError, match="after the initial conference"):
        rules.ensure_review_conference_can_be_held(OPEN_PLAN, held_on=D(2026, 3, 10),
                                                   outcome="end_plan", category="",
                                                   today=TODAY)
    rules.ensure_core_group_can_be_held(OPEN_PLAN, held_on=D(2026, 4, 2), today=TODAY)


def test_a_plan_cannot_end_before_the_last_thing_recorded_on_it():
    with pytest.raises(DomainError, match="last thing recorded on it, on 20 May 2026"):
        rules.ensure_plan_can_end(OPEN_PLAN, end_date=D(2026, 5, 19), today=TODAY)
    with pytest.raises(DomainError, match="already ended on 1 June 2026"):
        rules.ensure_plan_can_end(ENDED_PLAN, end_date=D(2026, 6, 2), today=TODAY)
    rules.ensure_plan_can_end(OPEN_PLAN, end_date=D(2026, 5, 20), today=TODAY)


def test_dates_read_in_words():
    assert rules.long_date(D(2026, 3, 3)) == "3 March 2026"
