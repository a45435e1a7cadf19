"""Pure rule tests: no database. The worked examples are TIMESCALES.md sections 1 and 2 (T02)."""

import datetime as dt

import pytest

from hearth.assessments import rules
from hearth.assessments.codes import ClockStart
from hearth.assessments.tests.factories import timescales_calendar
from hearth.core.errors import DomainError

D = dt.date


@pytest.fixture
def calendar():
    return timescales_calendar()


@pytest.mark.parametrize(("referral_date", "due_on"), [
    pytest.param(D(2026, 3, 2), D(2026, 5, 7), id="TIMESCALES: Easter and early May"),
    pytest.param(D(2025, 12, 1), D(2026, 2, 5), id="across Christmas, Boxing Day and 1 Jan"),
    pytest.param(D(2026, 3, 23), D(2026, 5, 29), id="across Easter and both May holidays"),
    pytest.param(D(2025, 11, 22), D(2026, 1, 28), id="Saturday referral counts from Monday"),
])
def test_it_gives_the_45th_working_day_after_the_referral(calendar, referral_date, due_on):
    assert rules.assessment_due_on(referral_date=referral_date, calendar=calendar) == due_on
    assert calendar.working_days_between(referral_date, due_on) == 45


def test_it_counts_from_the_assessment_start_when_asked(calendar):
    due = rules.assessment_due_on(referral_date=D(2026, 3, 2), started_on=D(2026, 3, 4),
                                  clock_start=ClockStart.ASSESSMENT_START, calendar=calendar)
    assert due == D(2026, 5, 11)  # two working days later, and 8 May is a Friday


def test_it_counts_from_the_referral_by_default_whatever_the_start(calendar):
    assert rules.assessment_due_on(referral_date=D(2026, 3, 2), started_on=D(2026, 3, 20),
                                   calendar=calendar) == D(2026, 5, 7)


def test_it_refuses_an_unknown_clock_start(calendar):
    with pytest.raises(ValueError):
        rules.assessment_due_on(referral_date=D(2026, 3, 2), clock_start="contact",
                                calendar=calendar)


@pytest.mark.parametrize(("authorised_on", "late"), [
    (D(2026, 5, 6), False), (D(2026, 5, 7), False), (D(2026, 5, 8), True)])
def test_authorising_on_the_due_day_is_in_time_and_the_day_after_is_late(authorised_on, late):
    assert rules.authorised_late(authorised_on=authorised_on, due_on=D(2026, 5, 7)) is late


def test_a_late_authorisation_needs_a_reason():
    values = {"completed_on": D(2026, 5, 1), "due_on": D(2026, 5, 7), "outcome": "nfa",
              "factors": ["21"], "today": D(2026, 6, 1)}
    rules.ensure_can_authorise(authorised_on=D(2026, 5, 7), lateness_reason="", **values)
    with pytest.raises(DomainError) as refused:
        rules.ensure_can_authorise(authorised_on=D(2026, 5, 8), lateness_reason="  ", **values)
    assert refused.value.field == "lateness_reason"
    assert refused.value.message == ("The assessment was due to be authorised by 7 May 2026: "
                                     "give the reason it is late")
    rules.ensure_can_authorise(authorised_on=D(2026, 5, 8), lateness_reason="Sickness",
                               **values)


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"completed_on": None}, "authorised_on",
     "Record the date the assessment was completed before it can be authorised"),
    ({"authorised_on": D(2026, 4, 30)}, "authorised_on",
     "The assessment cannot be authorised before it was completed on 1 May 2026"),
    ({"authorised_on": D(2026, 6, 2)}, "authorised_on",
     "The authorisation date must be today or in the past"),
    ({"factors": []}, None, "Record the factors identified at assessment (or 'No factors "
                            "identified') before it can be authorised"),
    ({"outcome": ""}, "outcome", "Choose the outcome of the assessment"),
])
def test_it_refuses_an_authorisation_that_does_not_fit(change, field, message):
    values = {"completed_on": D(2026, 5, 1), "authorised_on": D(2026, 5, 1),
              "due_on": D(2026, 5, 7), "outcome": "cin_plan", "factors": ["16A"],
              "lateness_reason": "", "today": D(2026, 6, 1), **change}
    with pytest.raises(DomainError) as refused:
        rules.ensure_can_authorise(**values)
    assert (refused.value.field, refused.value.message) == (field, message)


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"started_on": D(2026, 3, 1)}, "started_on",
     "The assessment cannot start before the referral on 2 March 2026"),
    ({"started_on": D(2026, 6, 2)}, "started_on", "The start date must be today or in the past"),
    ({"child_seen_on": D(2026, 3, 2)}, "child_seen_on",
     "The child cannot be seen for this assessment before it started on 3 March 2026"),
    ({"completed_on": D(2026, 3, 2)}, "completed_on",
     "The assessment cannot be completed before it started on 3 March 2026"),
    ({"completed_on": D(2026, 3, 4), "child_seen_on": D(2026, 3, 5)}, "child_seen_on",
     "The date the child was seen cannot be after the assessment was completed on "
     "4 March 2026"),
])
def test_it_keeps_the_dates_in_order(change, field, message):
    values = {"referral_date": D(2026, 3, 2), "started_on": D(2026, 3, 3),
              "child_seen_on": None, "completed_on": None, "today": D(2026, 6, 1), **change}
    with pytest.raises(DomainError) as refused:
        rules.ensure_dates_fit(**values)
    assert (refused.value.field, refused.value.message) == (field, message)


def test_the_boundaries_themselves_are_allowed():
    rules.ensure_dates_fit(referral_date=D(2026, 3, 2), started_on=D(2026, 3, 2),
                           child_seen_on=D(2026, 3, 2), completed_on=D(2026, 3, 2),
                           today=D(2026, 3, 2))


@pytest.mark.parametrize("factors", [["21"], ["1B", "3B", "16A"], []])
def test_it_accepts_census_factor_codes(factors):
    rules.ensure_factors_valid(factors)


@pytest.mark.parametrize(("factors", "message"), [
    (["21", "16A"], "'No factors identified' cannot be chosen with other factors"),
    (["16A", "16A"], "Each factor can be chosen once"),
    (["8A"], "8A is not a factor code in the CIN census"),
    (["18A"], "18A is not a factor code in the CIN census"),
])
def test_it_refuses_factors_the_census_would_reject(factors, message):
    with pytest.raises(DomainError) as refused:
        rules.ensure_factors_valid(factors)
    assert (refused.value.field, refused.value.message) == ("factors", message)


def test_a_closed_or_nfa_episode_cannot_get_an_assessment():
    rules.ensure_episode_open(closed_on=None, no_further_action=False)
    with pytest.raises(DomainError, match="closed on 4 May 2026: a closed episode cannot"):
        rules.ensure_episode_open(closed_on=D(2026, 5, 4), no_further_action=False)
    with pytest.raises(DomainError, match="ended in no further action"):
        rules.ensure_episode_open(closed_on=None, no_further_action=True)


def test_only_the_first_assessment_on_a_referral_is_new():
    rules.ensure_kind_fits(kind="new", referral_has_assessment=False)
    rules.ensure_kind_fits(kind="updated", referral_has_assessment=True)
    rules.ensure_kind_fits(kind="updated", referral_has_assessment=False)
    with pytest.raises(DomainError, match="record this one as an updated assessment"):
        rules.ensure_kind_fits(kind="new", referral_has_assessment=True)
    with pytest.raises(DomainError, match="new or updated"):
        rules.ensure_kind_fits(kind="single", referral_has_assessment=False)


def test_seen_alone_needs_the_date_the_child_was_seen():
    rules.ensure_seen_alone_fits(child_seen_on=D(2026, 3, 3), seen_alone=True)
    rules.ensure_seen_alone_fits(child_seen_on=None, seen_alone=False)
    with pytest.raises(DomainError) as refused:
        rules.ensure_seen_alone_fits(child_seen_on=None, seen_alone=True)
    assert refused.value.field == "child_seen_on"


@pytest.mark.parametrize(("change", "field"), [
    ({"agency": "council"}, "agency"),
    ({"received_on": D(2026, 3, 1)}, "received_on"),
    ({"received_on": D(2026, 6, 2)}, "received_on"),
    ({"summary": "  "}, "summary"),
])
def test_a_contribution_needs_an_agency_a_date_in_the_episode_and_a_summary(change, field):
    values = {"agency": "police", "received_on": D(2026, 3, 2), "summary": "Two callouts",
              "referral_date": D(2026, 3, 2), "today": D(2026, 6, 1)}
    rules.ensure_contribution_fits(**values)
    with pytest.raises(DomainError) as refused:
        rules.ensure_contribution_fits(**{**values, **change})
    assert refused.value.field == field


@pytest.mark.parametrize(("values", "problem"), [
    ({}, None),
    ({"last_authorised_on": D(2026, 5, 1)}, None),
    ({"in_progress_started_on": D(2026, 3, 3)},
     "The assessment started 3 March 2026 is not authorised yet: authorise it before closing "
     "the episode"),
    ({"last_authorised_on": D(2026, 5, 20)},
     "The episode cannot close before its assessment was authorised on 20 May 2026"),
])
def test_an_episode_closes_only_after_its_assessments(values, problem):
    arguments = {"closed_on": D(2026, 5, 15), "in_progress_started_on": None,
                 "last_authorised_on": None, **values}
    assert rules.episode_closure_problem(**arguments) == problem
