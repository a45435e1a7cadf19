"""The due-date rules at their boundaries: working days, birthdays, terms and leap days."""

import datetime as dt

import pytest

from hearth.care.tests.factories import timescales_calendar
from hearth.core.errors import DomainError
from hearth.health_education import rules

D = dt.date
CAL = timescales_calendar()


def test_the_initial_health_assessment_is_due_20_working_days_after_care_starts():
    # Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th) are not working days.
    assert rules.initial_health_assessment_due_on(started_on=D(2026, 4, 2),
                                                  calendar=CAL) == D(2026, 5, 5)
    # ... and the early May bank holiday (4 May) pushes a start in mid April on by a day.
    assert rules.initial_health_assessment_due_on(started_on=D(2026, 4, 13),
                                                  calendar=CAL) == D(2026, 5, 12)
    # From a Saturday the first working day counted is the Monday.
    assert rules.initial_health_assessment_due_on(started_on=D(2026, 6, 6),
                                                  calendar=CAL) == D(2026, 7, 3)


@pytest.mark.parametrize(("assessed_on", "due_on", "months"), [
    (D(2026, 2, 9), D(2026, 8, 9), 6),    # the day before the 5th birthday: still under 5
    (D(2026, 2, 10), D(2027, 2, 10), 12),  # on the 5th birthday: 12 months
    (D(2025, 9, 1), D(2026, 3, 1), 6),     # under 5 though the 6 months cross the birthday
])
def test_a_review_is_due_6_months_under_5_and_12_months_from_5(assessed_on, due_on, months):
    born = D(2021, 2, 10)
    assert rules.review_months(date_of_birth=born, last_assessed_on=assessed_on) == months
    assert rules.review_health_assessment_due_on(date_of_birth=born,
                                                 last_assessed_on=assessed_on) == due_on


def test_without_a_date_of_birth_the_shorter_review_interval_applies():
    assert rules.review_months(date_of_birth=None, last_assessed_on=D(2026, 1, 1)) == 6


def test_leap_day_birthdays_and_month_ends():
    leapling = D(2020, 2, 29)
    assert rules.birthday(leapling, 5) == D(2025, 2, 28)
    assert rules.age_on(leapling, D(2025, 2, 27)) == 4
    assert rules.age_on(leapling, D(2025, 2, 28)) == 5
    assert rules.review_months(date_of_birth=leapling, last_assessed_on=D(2025, 2, 28)) == 12
    # An assessment on 31 August is next due on the last day of February.
    assert rules.review_health_assessment_due_on(
        date_of_birth=leapling, last_assessed_on=D(2023, 8, 31)) == D(2024, 2, 29)
    assert rules.dental_due_on(started_on=D(2024, 1, 1),
                               last_checked_on=D(2024, 2, 29)) == D(2025, 2, 28)


def test_the_dental_check_is_yearly_the_first_a_year_after_care_starts():
    assert rules.dental_due_on(started_on=D(2026, 3, 10), last_checked_on=None) == D(2027, 3, 10)
    assert rules.dental_due_on(started_on=D(2026, 3, 10),
                               last_checked_on=D(2026, 5, 1)) == D(2027, 5, 1)


def test_the_sdq_is_yearly_from_4_and_stops_at_17():
    born = D(2022, 7, 1)  # 4 on 1 July 2026
    # In care at 3: the first SDQ is due on the 4th birthday, not a year after care started.
    assert rules.sdq_due_on(date_of_birth=born, started_on=D(2026, 1, 5),
                            last_completed_on=None) == D(2027, 1, 5)
    assert rules.sdq_due_on(date_of_birth=born, started_on=D(2025, 1, 5),
                            last_completed_on=None) == D(2026, 7, 1)
    teen = D(2010, 5, 20)  # 17 on 20 May 2027
    assert rules.sdq_due_on(date_of_birth=teen, started_on=D(2025, 5, 19),
                            last_completed_on=D(2026, 5, 19)) == D(2027, 5, 19)
    assert rules.sdq_due_on(date_of_birth=teen, started_on=D(2025, 5, 19),
                            last_completed_on=D(2026, 5, 20)) is None
    assert rules.sdq_due_on(date_of_birth=None, started_on=D(2026, 1, 1),
                            last_completed_on=None) is None


def test_school_age_runs_from_the_reception_year_to_the_year_the_child_turns_16():
    # Born 31 August: turns 5 on the last day of the school year, so starts school at 4.
    assert rules.school_age_starts_on(D(2020, 8, 31)) == D(2024, 9, 1)
    assert rules.school_age_ends_on(D(2020, 8, 31)) == D(2036, 8, 31)
    # Born 1 September: the oldest in the year.
    assert rules.school_age_starts_on(D(2020, 9, 1)) == D(2025, 9, 1)
    assert rules.school_age_ends_on(D(2020, 9, 1)) == D(2037, 8, 31)
    assert rules.school_age_starts_on(D(2020, 2, 29)) == D(2024, 9, 1)


@pytest.mark.parametrize(("held_on", "due_on"), [
    (D(2026, 3, 31), D(2026, 8, 31)),  # last day of spring: due by the end of summer
    (D(2026, 4, 1), D(2026, 12, 31)),  # first day of summer: due by the end of autumn
    (D(2026, 10, 10), D(2027, 3, 31)),
    (D(2026, 12, 31), D(2027, 3, 31)),
])
def test_a_pep_is_due_by_the_end_of_the_next_term(held_on, due_on):
    assert rules.pep_due_on(date_of_birth=D(2015, 1, 1), started_on=D(2025, 1, 6),
                            last_held_on=held_on, calendar=CAL) == due_on


def test_the_first_pep_is_due_10_working_days_after_care_or_school_age_starts():
    assert rules.pep_due_on(date_of_birth=D(2015, 1, 1), started_on=D(2026, 4, 2),
                            last_held_on=None, calendar=CAL) == D(2026, 4, 20)
    # A 3-year-old: 10 working days after 1 September (a Tuesday) of the Reception year.
    assert rules.pep_due_on(date_of_birth=D(2022, 1, 1), started_on=D(2025, 3, 3),
                            last_held_on=None, calendar=CAL) == D(2026, 9, 15)
    # Past school age by then: no PEP task.
    assert rules.pep_due_on(date_of_birth=D(2010, 6, 1), started_on=D(2025, 9, 1),
                            last_held_on=D(2026, 6, 1), calendar=CAL) is None
    assert rules.pep_due_on(date_of_birth=D(2010, 6, 1), started_on=D(2025, 9, 1),
                            last_held_on=D(2026, 3, 1), calendar=CAL) == D(2026, 8, 31)


def test_dates_are_not_in_the_future_nor_before_care():
    today = D(2026, 6, 1)
    rules.ensure_date(today, today=today, field="f", what="The date")
    with pytest.raises(DomainError, match="today or in the past"):
        rules.ensure_date(D(2026, 6, 2), today=today, field="f", what="The date")
    with pytest.raises(DomainError, match="on or after the start"):
        rules.ensure_date(D(2026, 1, 1), today=today, field="f", what="The date",
                          not_before=D(2026, 1, 2), before_what="the start")


@pytest.mark.parametrize(("score", "reason", "message"), [
    (None, "", "Enter the score"),
    (12, "SDQ2", "not both"),
    (41, "", "between 0 and 40"),
])
def test_an_sdq_needs_a_score_in_range_or_a_reason(score, reason, message):
    with pytest.raises(DomainError, match=message):
        rules.ensure_sdq(score=score, reason=reason, date_of_birth=D(2015, 1, 1),
                         completed_on=D(2026, 1, 1))


def test_an_sdq_score_is_for_ages_4_to_16():
    rules.ensure_sdq(score=0, reason="", date_of_birth=D(2022, 1, 1), completed_on=D(2026, 1, 1))
    rules.ensure_sdq(score=40, reason="", date_of_birth=D(2009, 1, 2),
                     completed_on=D(2026, 1, 1))
    with pytest.raises(DomainError, match="SDQ1"):
        rules.ensure_sdq(score=10, reason="", date_of_birth=D(2022, 1, 2),
                         completed_on=D(2026, 1, 1))
    rules.ensure_sdq(score=None, reason="SDQ1", date_of_birth=D(2022, 1, 2),
                     completed_on=D(2026, 1, 1))
