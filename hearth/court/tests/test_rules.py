"""The pure rules at their boundaries: both clocks count calendar weeks, so Christmas, Easter
and bank holidays never move them (the tests cross each to show it)."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.court import rules
from hearth.court.codes import MeetingKind, Stage

D = dt.date


@pytest.mark.parametrize(("issued", "due"), [
    (D(2026, 1, 5), D(2026, 7, 6)),     # 182 days: Easter and two May bank holidays inside
    (D(2025, 10, 1), D(2026, 4, 1)),    # across Christmas and New Year
    (D(2026, 6, 30), D(2026, 12, 29)),  # due the day after the Boxing Day substitute
    (D(2024, 2, 29), D(2024, 8, 29)),   # a leap day
])
def test_proceedings_are_due_26_weeks_from_issue_whatever_the_holidays(issued, due):
    assert rules.proceedings_due_on(issued) == due
    assert (due - issued).days == 182


def test_extensions_add_their_weeks():
    issued = D(2026, 1, 5)
    assert rules.proceedings_due_on(issued, extension_weeks=[8]) == D(2026, 8, 31)
    assert rules.proceedings_due_on(issued, extension_weeks=[8, 4]) == D(2026, 9, 28)
    assert rules.proceedings_rule(2) == "CA 1989 s32(1)(a) 26 weeks + 2 extensions v1"


def test_pre_proceedings_run_16_weeks_by_default_or_the_local_setting():
    assert rules.pre_proceedings_due_on(D(2025, 12, 1)) == D(2026, 3, 23)  # across Christmas
    assert rules.pre_proceedings_due_on(D(2025, 12, 1), weeks=12) == D(2026, 2, 23)
    assert rules.pre_proceedings_rule(12) == "PLO pre-proceedings 12 weeks (local) v1"


@pytest.mark.parametrize(("on", "weeks"), [
    (D(2026, 1, 5), 0), (D(2026, 1, 11), 0), (D(2026, 1, 12), 1), (D(2026, 7, 5), 25),
    (D(2026, 7, 6), 26), (D(2025, 12, 1), 0),
])
def test_weeks_elapsed_are_whole_weeks_from_the_start(on, weeks):
    assert rules.weeks_elapsed(D(2026, 1, 5), on) == weeks


@pytest.mark.parametrize(("today", "status"), [
    (D(2026, 6, 7), rules.ClockStatus.ON_TRACK),   # 29 days left
    (D(2026, 6, 8), rules.ClockStatus.ON_TRACK),   # 28 days left: the last on-track day
    (D(2026, 6, 9), rules.ClockStatus.NEARING),    # 27 days left
    (D(2026, 7, 6), rules.ClockStatus.NEARING),    # the due date itself
    (D(2026, 7, 7), rules.ClockStatus.OVER),
])
def test_the_status_turns_nearing_in_the_last_four_weeks_and_over_after_the_due_date(
        today, status):
    assert rules.clock_status(D(2026, 7, 6), today=today) == status


def test_each_step_needs_its_stage_and_an_ended_case_takes_nothing():
    assert rules.stage_refusal("hearing", stage=Stage.PROCEEDINGS, ended_on=None) is None
    assert "once the application is issued" in rules.stage_refusal(
        "hearing", stage=Stage.PRE_PROCEEDINGS, ended_on=None)
    assert rules.stage_refusal("final_order", stage=Stage.ENDED, ended_on=D(2026, 5, 1)) == (
        "This case ended on 1 May 2026: nothing more can be recorded on it")
    with pytest.raises(DomainError):
        rules.ensure_stage("application", stage=Stage.PRE_PROCEEDINGS, ended_on=None)


def test_dates_may_not_be_in_the_future_or_before_what_they_follow():
    rules.ensure_date(D(2026, 6, 1), today=D(2026, 6, 1), field="x", what="The date")
    with pytest.raises(DomainError, match="must be today or in the past"):
        rules.ensure_date(D(2026, 6, 2), today=D(2026, 6, 1), field="x", what="The date")
    with pytest.raises(DomainError, match=r"on or after the application \(5 May 2026\)"):
        rules.ensure_date(D(2026, 5, 4), today=D(2026, 6, 1), field="x", what="The date",
                          not_before=D(2026, 5, 5), before_what="the application")


def test_meetings_come_in_order():
    rules.ensure_meeting_fits(kind=MeetingKind.INITIAL, held_on=D(2026, 5, 1), initial_on=None)
    rules.ensure_meeting_fits(kind=MeetingKind.FGDM, held_on=D(2026, 5, 1), initial_on=None)
    with pytest.raises(DomainError, match="already held"):
        rules.ensure_meeting_fits(kind=MeetingKind.INITIAL, held_on=D(2026, 5, 9),
                                  initial_on=D(2026, 5, 1))
    with pytest.raises(DomainError, match="before a review meeting"):
        rules.ensure_meeting_fits(kind=MeetingKind.REVIEW, held_on=D(2026, 5, 9),
                                  initial_on=None)
    with pytest.raises(DomainError, match="on or after the initial meeting"):
        rules.ensure_meeting_fits(kind=MeetingKind.REVIEW, held_on=D(2026, 4, 30),
                                  initial_on=D(2026, 5, 1))


@pytest.mark.parametrize("weeks", [0, 9])
def test_an_extension_is_of_one_to_eight_weeks(weeks):
    rules.ensure_extension_weeks(1)
    rules.ensure_extension_weeks(8)
    with pytest.raises(DomainError, match="1 to 8 weeks"):
        rules.ensure_extension_weeks(weeks)


@pytest.mark.parametrize(("order", "current", "expected"), [
    ("ico", "V2", "C1"), ("care_order", "C1", "C2"), ("placement_order", "C2", "E1"),
    ("epo", "L1", "L2"),
])
def test_an_order_prompts_the_legal_status_it_means(order, current, expected):
    prompt = rules.legal_status_prompt(order_kind=order, order_label="An order",
                                       made_on=D(2026, 5, 1), current_status=current)
    assert (prompt.expected, prompt.current) == (expected, current)


def test_no_prompt_when_the_status_matches_the_child_is_not_in_care_or_the_order_has_none():
    assert rules.legal_status_prompt(order_kind="ico", order_label="x", made_on=D(2026, 5, 1),
                                     current_status="C1") is None
    assert rules.legal_status_prompt(order_kind="ico", order_label="x", made_on=D(2026, 5, 1),
                                     current_status=None) is None
    assert rules.legal_status_prompt(order_kind="iso", order_label="x", made_on=D(2026, 5, 1),
                                     current_status="V2") is None


def test_concluded_figures_count_within_26_weeks_at_182_days_and_average_the_weeks():
    issued = D(2026, 1, 5)
    figures = rules.concluded_figures([
        (issued, D(2026, 7, 6)),     # 182 days: within
        (issued, D(2026, 7, 7)),     # 183 days: not
        (issued, D(2027, 3, 22)),    # 62 weeks
    ])
    assert (figures.concluded, figures.within_26_weeks) == (3, 1)
    assert figures.within_26_weeks_percent == 33
    assert figures.average_weeks == round((182 + 183 + 441) / 3 / 7, 1)
    assert rules.concluded_figures([]).within_26_weeks_percent is None


def test_the_census_year_runs_april_to_march():
    assert rules.census_year_bounds(2026) == (D(2026, 4, 1), D(2027, 3, 31))
    assert rules.in_census_year(D(2026, 4, 1), 2026)
    assert rules.in_census_year(D(2027, 3, 31), 2026)
    assert not rules.in_census_year(D(2026, 3, 31), 2026)


def test_the_census_module_counts_reviews_after_the_initial_meeting_and_maps_the_outcome():
    facts = rules.PreProceedingsFacts(
        started_on=D(2026, 4, 10), letter_sent_on=D(2026, 4, 14), fgdm_offered=True,
        meetings=(("review", D(2026, 6, 1)), ("initial", D(2026, 4, 20)),
                  ("fgdm", D(2026, 5, 2)), ("review", D(2026, 7, 1))),
        outcome="issue", outcome_on=D(2026, 7, 20), issued_on=D(2026, 7, 27),
        parents_letter_on=D(2026, 7, 28))
    assert rules.census_module(facts) == {
        "PPStartDate": D(2026, 4, 10), "LBPSentDate": D(2026, 4, 14), "FGDMMeetingOffer": 1,
        "FGDMMeetingFac": 1, "InitialPPMeetingDate": D(2026, 4, 20), "ReviewMeetingsCount": 2,
        "StepDecisionDate": D(2026, 7, 20), "PPOutcome": "B", "CourtAppDate": D(2026, 7, 27),
        "LetterInitCPDate": D(2026, 7, 28)}


def test_a_census_module_just_started_leaves_the_rest_blank():
    facts = rules.PreProceedingsFacts(D(2026, 5, 1), None, None, (), "", None, None, None)
    module = rules.census_module(facts)
    assert module["PPStartDate"] == D(2026, 5, 1)
    assert all(value is None for key, value in module.items() if key != "PPStartDate")
