"""The care leaver rules at their boundaries: birthdays (29 February), age limits and clocks."""

import datetime as dt

import pytest

from hearth.cases.rules import TaskStatus, task_status
from hearth.core.errors import DomainError
from hearth.leaving_care import rules
from hearth.leaving_care.codes import Accommodation, Activity, Category, InTouch
from hearth.leaving_care.tests.factories import calendar_2026
from hearth.people.rules import age_on as people_age_on

D = dt.date
LEAPLING = D(2008, 2, 29)


@pytest.mark.parametrize(("age", "expected"), [
    (16, D(2024, 2, 29)),  # a leap year: the day itself
    (18, D(2026, 3, 1)),  # not a leap year: 1 March
    (21, D(2029, 3, 1)),
    (25, D(2033, 3, 1)),
])
def test_a_leaplings_birthday_is_1_march_outside_leap_years(age, expected):
    assert rules.birthday(LEAPLING, age) == expected


@pytest.mark.parametrize("on", [D(2026, 2, 28), D(2026, 3, 1), D(2028, 2, 28), D(2028, 2, 29),
                                D(2029, 2, 28), D(2029, 3, 1)])
def test_ages_agree_with_the_person_record(on):
    assert rules.age_on(LEAPLING, on) == people_age_on(LEAPLING, on)


def test_a_personal_adviser_is_due_at_16_years_5_months():
    assert rules.adviser_due_on(date_of_birth=D(2010, 1, 15),
                                became_care_leaver_on=D(2026, 3, 1)) == D(2026, 6, 15)


def test_a_personal_adviser_is_due_at_once_for_an_older_young_person():
    assert rules.adviser_due_on(date_of_birth=D(2009, 1, 15),
                                became_care_leaver_on=D(2026, 3, 1)) == D(2026, 3, 1)


def test_the_adviser_deadline_keeps_to_the_last_day_of_a_short_month():
    # 30 September 2010 + 16 years 5 months: February 2027 has no 30th.
    assert rules.adviser_due_on(date_of_birth=D(2010, 9, 30),
                                became_care_leaver_on=D(2026, 10, 1)) == D(2027, 2, 28)


def test_a_leapling_gets_an_adviser_by_29_july():
    assert rules.adviser_due_on(date_of_birth=D(2012, 2, 29),
                                became_care_leaver_on=D(2028, 2, 29)) == D(2028, 7, 29)


def test_the_needs_assessment_is_due_3_months_after_the_16th_birthday():
    assert rules.needs_assessment_due_on(date_of_birth=D(2010, 1, 15),
                                         became_care_leaver_on=D(2025, 12, 1)) == D(2026, 4, 15)


def test_the_needs_assessment_is_due_3_months_after_becoming_eligible_if_later():
    assert rules.needs_assessment_due_on(date_of_birth=D(2009, 1, 15),
                                         became_care_leaver_on=D(2025, 11, 30)) == D(2026, 2, 28)


def test_a_leaplings_needs_assessment_is_due_3_months_after_29_february():
    assert rules.needs_assessment_due_on(date_of_birth=D(2012, 2, 29),
                                         became_care_leaver_on=D(2028, 1, 1)) == D(2028, 5, 29)


def test_a_pathway_plan_is_reviewed_within_6_months():
    assert rules.pathway_review_due_on(last_on=D(2026, 8, 31), date_of_birth=D(2009, 1, 10),
                                       support_to_25=False) == D(2027, 2, 28)


def test_no_review_falls_due_on_or_after_the_21st_birthday():
    born = D(2005, 12, 1)  # 21 on 1 December 2026
    assert rules.pathway_review_due_on(last_on=D(2026, 5, 31), date_of_birth=born,
                                       support_to_25=False) == D(2026, 11, 30)
    assert rules.pathway_review_due_on(last_on=D(2026, 6, 1), date_of_birth=born,
                                       support_to_25=False) is None
    assert rules.pathway_review_due_on(last_on=D(2026, 6, 1), date_of_birth=born,
                                       support_to_25=True) == D(2026, 12, 1)


def test_contact_is_due_every_8_weeks_until_the_day_before_the_21st_birthday():
    born = D(2005, 7, 27)  # 21 on 27 July 2026
    assert rules.contact_due_on(last_on=D(2026, 5, 31), date_of_birth=born,
                                support_to_25=False) == (D(2026, 7, 26), rules.contact_rule())


def test_from_21_the_duty_is_to_keep_in_touch_every_year():
    born = D(2005, 7, 27)
    assert rules.contact_due_on(last_on=D(2026, 6, 1), date_of_birth=born,
                                support_to_25=False) == (D(2027, 6, 1),
                                                         rules.keep_in_touch_rule())


def test_support_to_25_keeps_the_8_week_contact():
    born = D(2005, 7, 27)
    due, _ = rules.contact_due_on(last_on=D(2026, 6, 1), date_of_birth=born, support_to_25=True)
    assert due == D(2026, 7, 27)


def test_nothing_is_due_at_25():
    born = D(2001, 7, 1)  # 25 on 1 July 2026
    assert rules.contact_due_on(last_on=D(2026, 6, 1), date_of_birth=born,
                                support_to_25=True) == (None, "")
    assert rules.contact_due_on(last_on=D(2026, 6, 1), date_of_birth=born,
                                support_to_25=False) == (None, "")


def test_a_leapling_keeps_8_weekly_contact_until_28_february_of_their_21st_year():
    # 21 on 1 March 2029: a contact on 3 January 2029 is due again on 28 February.
    due, rule = rules.contact_due_on(last_on=D(2029, 1, 3), date_of_birth=LEAPLING,
                                     support_to_25=False)
    assert (due, rule) == (D(2029, 2, 28), rules.contact_rule())
    due, rule = rules.contact_due_on(last_on=D(2029, 1, 4), date_of_birth=LEAPLING,
                                     support_to_25=False)
    assert rule == rules.keep_in_touch_rule()


LEFT_CARE = D(2024, 1, 1)


def _fits(category, applies_from, born=LEAPLING, left=LEFT_CARE):
    rules.ensure_category_fits(category=category, applies_from=applies_from,
                               date_of_birth=born, left_care_on=left, today=D(2034, 1, 1))


@pytest.mark.parametrize(("category", "first_day", "last_day"), [
    (Category.RELEVANT, D(2024, 2, 29), D(2026, 2, 28)),
    (Category.FORMER_RELEVANT, D(2026, 3, 1), D(2033, 2, 28)),
    (Category.QUALIFYING, D(2024, 2, 29), D(2033, 2, 28)),
])
def test_each_category_fits_from_its_first_to_its_last_day(category, first_day, last_day):
    _fits(category, first_day, left=D(2024, 2, 1))
    _fits(category, last_day, left=D(2024, 2, 1))
    with pytest.raises(DomainError) as before:
        _fits(category, first_day - dt.timedelta(days=1), left=D(2024, 2, 1))
    with pytest.raises(DomainError):
        _fits(category, last_day + dt.timedelta(days=1), left=D(2024, 2, 1))
    assert before.value.field == "category"


def test_the_refusal_says_why():
    with pytest.raises(DomainError) as refused:
        _fits(Category.FORMER_RELEVANT, D(2026, 2, 28))
    assert refused.value.message == (
        "A young person is former relevant only from their 18th birthday until their 25th "
        "birthday: on 28 February 2026 this young person (born 29 February 2008) was 17")


def test_an_eligible_young_person_is_still_looked_after():
    _fits(Category.ELIGIBLE, D(2025, 1, 1), left=None)
    _fits(Category.ELIGIBLE, D(2025, 1, 1), left=D(2025, 1, 2))
    with pytest.raises(DomainError, match="left care on 1 January 2025: choose relevant"):
        _fits(Category.ELIGIBLE, D(2025, 1, 1), left=D(2025, 1, 1))


def test_a_relevant_young_person_has_left_care():
    with pytest.raises(DomainError) as refused:
        _fits(Category.RELEVANT, D(2025, 1, 1), left=None)
    assert refused.value.field == "left_care_on"


def test_a_category_cannot_apply_from_the_future():
    with pytest.raises(DomainError, match="today or in the past"):
        rules.ensure_category_fits(category=Category.RELEVANT, applies_from=D(2026, 6, 2),
                                   date_of_birth=D(2009, 1, 1), left_care_on=D(2026, 1, 1),
                                   today=D(2026, 6, 1))


def test_without_a_date_of_birth_no_category_fits():
    with pytest.raises(DomainError, match="date of birth"):
        rules.ensure_category_fits(category=Category.RELEVANT, applies_from=D(2026, 6, 1),
                                   date_of_birth=None, left_care_on=None, today=D(2026, 6, 1))


def test_in_touch_needs_activity_and_accommodation():
    with pytest.raises(DomainError) as refused:
        rules.ensure_situation_complete(in_touch=InTouch.YES, activity="", accommodation="U",
                                        suitable=True)
    assert refused.value.field == "activity"
    rules.ensure_situation_complete(in_touch=InTouch.REFU, activity="", accommodation="",
                                    suitable=None)


def test_no_fixed_abode_is_never_suitable():
    with pytest.raises(DomainError) as refused:
        rules.ensure_situation_complete(in_touch=InTouch.YES, activity=Activity.G5,
                                        accommodation=Accommodation.S, suitable=True)
    assert refused.value.field == "accommodation_suitable"


def test_staying_put_starts_at_18():
    born = D(2008, 6, 1)
    rules.ensure_staying_put_fits(started_on=D(2026, 6, 1), ended_on=None, date_of_birth=born,
                                  today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="18th birthday, 1 June 2026"):
        rules.ensure_staying_put_fits(started_on=D(2026, 5, 31), ended_on=None,
                                      date_of_birth=born, today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="before the start date on 1 June 2026"):
        rules.ensure_staying_put_fits(started_on=D(2026, 6, 1), ended_on=D(2026, 5, 31),
                                      date_of_birth=born, today=D(2026, 6, 1))


def test_support_to_25_is_asked_for_between_18_and_25():
    born = D(2001, 6, 2)  # 25 on 2 June 2026
    rules.ensure_support_to_25_request_fits(requested_on=D(2026, 6, 1), date_of_birth=born,
                                            today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="until the 25th"):
        rules.ensure_support_to_25_request_fits(requested_on=D(2026, 6, 1),
                                                date_of_birth=D(2001, 6, 1),
                                                today=D(2026, 6, 1))


def test_a_contact_due_after_christmas_is_due_soon_only_from_23_december():
    calendar = calendar_2026()
    due = D(2026, 12, 29)  # 25 and 28 December 2026 are bank holidays
    assert task_status(due, today=D(2026, 12, 22), calendar=calendar) == TaskStatus.ON_TRACK
    assert task_status(due, today=D(2026, 12, 23), calendar=calendar) == TaskStatus.DUE_SOON
