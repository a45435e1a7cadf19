"""The fostering clocks at their boundaries, over Christmas, Easter and bank holidays, and the
status and terms rules."""

import datetime as dt

import pytest

from hearth.care.tests.factories import timescales_calendar
from hearth.core.errors import DomainError
from hearth.fostering import rules

D = dt.date


@pytest.fixture
def calendar():
    return timescales_calendar()


def test_temporary_approval_lasts_16_weeks_counting_its_first_day():
    assert rules.temporary_approval_ends_on(D(2026, 6, 1)) == D(2026, 9, 20)


def test_an_extension_adds_8_weeks_to_the_16():
    assert rules.temporary_approval_ends_on(D(2026, 6, 1), extended=True) == D(2026, 11, 15)


def test_temporary_approval_over_christmas_is_not_moved_off_holidays():
    # Calendar weeks: 16 weeks from 5 September 2026 ends on Christmas Day.
    assert rules.temporary_approval_ends_on(D(2026, 9, 5)) == D(2026, 12, 25)


def test_adm_decision_is_due_7_working_days_after_panel():
    assert rules.adm_decision_due_on(D(2026, 6, 9), timescales_calendar()) == D(2026, 6, 18)


def test_adm_decision_skips_christmas_boxing_day_substitute_and_new_year(calendar):
    # 23, 24, 29, 30, 31 December, 4 and 5 January 2027.
    assert rules.adm_decision_due_on(D(2026, 12, 22), calendar) == D(2027, 1, 5)


def test_adm_decision_skips_easter(calendar):
    # Good Friday 3 April and Easter Monday 6 April 2026.
    assert rules.adm_decision_due_on(D(2026, 4, 2), calendar) == D(2026, 4, 15)


def test_adm_decision_skips_the_spring_bank_holiday(calendar):
    assert rules.adm_decision_due_on(D(2026, 5, 22), calendar) == D(2026, 6, 3)


def test_a_panel_on_a_saturday_starts_counting_on_monday(calendar):
    assert rules.adm_decision_due_on(D(2026, 6, 6), calendar) == D(2026, 6, 16)


def test_review_is_due_a_year_after_approval():
    assert rules.review_due_on(D(2026, 3, 12)) == D(2027, 3, 12)


def test_review_after_a_29_february_approval_falls_on_28_february():
    assert rules.review_due_on(D(2028, 2, 29)) == D(2029, 2, 28)


def test_review_due_on_christmas_day_stays_there():
    assert rules.review_due_on(D(2025, 12, 25)) == D(2026, 12, 25)


@pytest.mark.parametrize(("current", "new"), [
    ("enquiry", "resigned"), ("in_assessment", "resigned"), ("approved", "on_hold"),
    ("on_hold", "approved"), ("approved", "resigned"), ("on_hold", "resigned")])
def test_it_allows_the_status_changes_a_worker_makes(current, new):
    rules.ensure_manual_change(current, new)


@pytest.mark.parametrize(("current", "new"), [
    ("enquiry", "approved"), ("in_assessment", "approved"), ("approved", "deregistered"),
    ("resigned", "approved"), ("deregistered", "on_hold"), ("enquiry", "on_hold"),
    ("not_approved", "approved")])
def test_it_refuses_status_changes_that_only_a_decision_makes_or_that_make_no_sense(current,
                                                                                    new):
    with pytest.raises(DomainError):
        rules.ensure_manual_change(current, new)


def test_approval_goes_to_panel_only_during_assessment():
    assert rules.panel_business_allowed("in_assessment", "approval")
    assert not rules.panel_business_allowed("approved", "approval")
    assert rules.panel_business_allowed("approved", "first_review")
    assert not rules.panel_business_allowed("in_assessment", "termination")


def test_a_later_review_cannot_stand_in_for_the_first():
    with pytest.raises(DomainError, match="first annual review"):
        rules.ensure_panel_business(status="approved", business="review",
                                    first_review_pending=True)


@pytest.mark.parametrize(("places", "age_from", "age_to", "message"), [
    (0, 0, 17, "how many"), (7, 0, 17, "more than 6"), (2, None, 10, "age range"),
    (2, 10, 5, "lower age"), (2, 0, 18, "17 or under")])
def test_it_refuses_terms_that_make_no_sense(places, age_from, age_to, message):
    with pytest.raises(DomainError, match=message):
        rules.ensure_terms(places=places, age_from=age_from, age_to=age_to)


def test_vacancies_only_for_approved_carers_and_never_below_nought():
    assert rules.vacancies(status="approved", places=3, placed=1) == 2
    assert rules.vacancies(status="approved", places=1, placed=2) == 0
    assert rules.vacancies(status="on_hold", places=3, placed=0) == 0


def test_terms_fit_age_at_both_ends_and_sex():
    terms = {"age_from": 5, "age_to": 10, "approved_sex": "female"}
    assert rules.fits_terms(age=5, sex="female", **terms)
    assert rules.fits_terms(age=10, sex="female", **terms)
    assert not rules.fits_terms(age=11, sex="female", **terms)
    assert not rules.fits_terms(age=4, sex="female", **terms)
    assert not rules.fits_terms(age=7, sex="male", **terms)
    assert rules.fits_terms(age=7, sex=None, **terms)


def test_an_extension_must_be_made_before_the_approval_ends():
    ends = D(2026, 9, 20)
    rules.ensure_extension(ends_on=ends, extended=False, on=ends, status="in_assessment")
    with pytest.raises(DomainError, match="before it ends"):
        rules.ensure_extension(ends_on=ends, extended=False, on=D(2026, 9, 21),
                               status="in_assessment")
    with pytest.raises(DomainError, match="already been extended"):
        rules.ensure_extension(ends_on=ends, extended=True, on=ends, status="in_assessment")
