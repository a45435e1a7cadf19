"""Pure rules for care leavers: age limits of each category and the clocks of TIMESCALES.md
section 5. No ORM, settings or clock: dates and today are arguments.

Birthdays. A young person born on 29 February has their birthday on 1 March in a year that is
not a leap year, as `hearth.people.rules.age_on` already counts ages (they are not 21 until
1 March). Every age limit below uses `birthday()`, so the two always agree.

Month and week clocks are calendar months and weeks (hearth.workingdays.rules) and are not moved
off weekends or bank holidays (ADR 5). No care-leaver clock is counted in working days; working
days only decide when a due date counts as "due soon" on the worklists.
"""

import datetime as dt
from calendar import isleap

from hearth.core.errors import DomainError
from hearth.leaving_care.codes import NEVER_SUITABLE, Category, InTouch
from hearth.workingdays.rules import add_months, add_weeks

# T60 (SI 2010/959 reg 42): the pathway needs assessment within 3 months of the 16th birthday
# or of becoming eligible, whichever is later.
NEEDS_ASSESSMENT_WITHIN_MONTHS = 3
# T62: the pathway plan is reviewed at least every 6 months.
PATHWAY_REVIEW_EVERY_MONTHS = 6
# T64, a local standard (seeds/004 line 337): contact at least every 8 weeks.
CONTACT_EVERY_WEEKS = 8
# T65, a local standard (seeds/003 line 954): a personal adviser by 16 years 5 months.
ADVISER_BY_AGE_MONTHS = 16 * 12 + 5
# T67: from the 21st birthday the duty is to keep in touch, at least once a year.
KEEP_IN_TOUCH_EVERY_MONTHS = 12
# T67/T68: support ends at 21 unless the young person asks for it to 25.
SUPPORT_ENDS_AT = 21
SUPPORT_ON_REQUEST_TO = 25

RULE_VERSION = "v1"

# category -> (youngest, oldest) in whole years on the day the category applies from
AGE_LIMITS: dict[str, tuple[int, int]] = {
    Category.ELIGIBLE: (16, 17),
    Category.RELEVANT: (16, 17),
    Category.FORMER_RELEVANT: (18, 24),
    Category.QUALIFYING: (16, 24),
}


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def birthday(date_of_birth: dt.date, age: int) -> dt.date:
    """The day the young person reaches `age`; 29 February becomes 1 March in other years."""
    year = date_of_birth.year + age
    if (date_of_birth.month, date_of_birth.day) == (2, 29) and not isleap(year):
        return dt.date(year, 3, 1)
    return date_of_birth.replace(year=year)


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    years = on.year - date_of_birth.year
    return years if on >= birthday(date_of_birth, years) else years - 1


def adviser_due_on(*, date_of_birth: dt.date, became_care_leaver_on: dt.date) -> dt.date:
    """T65: by 16 years 5 months, or at once for a young person who is already older."""
    return max(add_months(date_of_birth, ADVISER_BY_AGE_MONTHS), became_care_leaver_on)


def needs_assessment_due_on(*, date_of_birth: dt.date,
                            became_care_leaver_on: dt.date) -> dt.date:
    """T60: 3 months after the 16th birthday or after becoming eligible, whichever is later."""
    start = max(birthday(date_of_birth, 16), became_care_leaver_on)
    return add_months(start, NEEDS_ASSESSMENT_WITHIN_MONTHS)


def support_ends_on(*, date_of_birth: dt.date, support_to_25: bool) -> dt.date:
    return birthday(date_of_birth, SUPPORT_ON_REQUEST_TO if support_to_25 else SUPPORT_ENDS_AT)


def pathway_review_due_on(*, last_on: dt.date, date_of_birth: dt.date,
                          support_to_25: bool) -> dt.date | None:
    """T62: 6 months after the plan or its last review; none once support has ended."""
    due = add_months(last_on, PATHWAY_REVIEW_EVERY_MONTHS)
    if due >= support_ends_on(date_of_birth=date_of_birth, support_to_25=support_to_25):
        return None
    return due


def contact_due_on(*, last_on: dt.date, date_of_birth: dt.date,
                   support_to_25: bool) -> tuple[dt.date | None, str]:
    """T64 then T67: 8 weeks after the last contact while support lasts; after that, for a young
    person who did not ask for support to 25, a keep-in-touch contact a year later, until 25.
    Gives the due date (None when nothing is due) and the rule that set it."""
    support_end = support_ends_on(date_of_birth=date_of_birth, support_to_25=support_to_25)
    due = add_weeks(last_on, CONTACT_EVERY_WEEKS)
    if due < support_end:
        return due, contact_rule()
    yearly = add_months(last_on, KEEP_IN_TOUCH_EVERY_MONTHS)
    if not support_to_25 and yearly < birthday(date_of_birth, SUPPORT_ON_REQUEST_TO):
        return yearly, keep_in_touch_rule()
    return None, ""


def adviser_rule() -> str:
    return f"T65 PA by 16y5m {RULE_VERSION}"


def needs_assessment_rule() -> str:
    return f"T60 needs assessment 3 months {RULE_VERSION}"


def pathway_review_rule() -> str:
    return f"T62 pathway plan review 6 months {RULE_VERSION}"


def contact_rule() -> str:
    return f"T64 contact every {CONTACT_EVERY_WEEKS} weeks {RULE_VERSION}"


def keep_in_touch_rule() -> str:
    return f"T67 keep in touch yearly {RULE_VERSION}"


def ensure_category_fits(*, category: str, applies_from: dt.date, date_of_birth: dt.date | None,
                         left_care_on: dt.date | None, today: dt.date) -> None:
    """The category must fit the young person's age, and whether they had left care, on the
    day it applies from (Children Act 1989 s19B, 23A, 23C, 24)."""
    if date_of_birth is None:
        raise DomainError("Record the young person's date of birth before recording them as a "
                          "care leaver")
    not_in_future(applies_from, today, "applies_from", "The date the category applies from")
    youngest, oldest = AGE_LIMITS[category]
    age = age_on(date_of_birth, applies_from)
    if not youngest <= age <= oldest:
        label = Category(category).label.split(" (")[0]
        raise DomainError(
            f"A young person is {label.lower()} only from their {_nth(youngest)} birthday until "
            f"their {_nth(oldest + 1)} birthday: on {day(applies_from)} this young person "
            f"(born {day(date_of_birth)}) was {age}", field="category")
    still_looked_after = left_care_on is None or left_care_on > applies_from
    if category == Category.ELIGIBLE and not still_looked_after:
        raise DomainError(f"An eligible young person is still looked after, but this young "
                          f"person left care on {day(left_care_on)}: choose relevant",
                          field="category")
    if category in (Category.RELEVANT, Category.FORMER_RELEVANT) and still_looked_after:
        raise DomainError(f"A {Category(category).label.split(' (')[0].lower()} young person "
                          f"has left care: give the date they left care, on or before "
                          f"{day(applies_from)}", field="left_care_on")


def ensure_left_care_fits(*, left_care_on: dt.date | None, date_of_birth: dt.date,
                          today: dt.date) -> None:
    if left_care_on is None:
        return
    not_in_future(left_care_on, today, "left_care_on", "The date they left care")
    if left_care_on < date_of_birth:
        raise DomainError(f"The date they left care cannot be before they were born on "
                          f"{day(date_of_birth)}", field="left_care_on")


def ensure_event_fits(*, on: dt.date, became_care_leaver_on: dt.date, today: dt.date,
                      field: str, what: str) -> None:
    """A dated fact is on or after the young person became a care leaver, and not future."""
    not_in_future(on, today, field, f"The date of the {what}")
    if on < became_care_leaver_on:
        raise DomainError(f"The {what} cannot be before the young person became a care leaver "
                          f"on {day(became_care_leaver_on)}", field=field)


def ensure_situation_complete(*, in_touch: str, activity: str, accommodation: str,
                              suitable: bool | None) -> None:
    """In touch: activity and accommodation (with suitability) are known. S and X are never
    suitable (the 903 list has S2 and X2 only)."""
    if in_touch == InTouch.YES:
        if not activity:
            raise DomainError("Choose what the young person is doing", field="activity")
        if not accommodation:
            raise DomainError("Choose where the young person lives", field="accommodation")
    if accommodation and suitable is None:
        raise DomainError("Say whether the accommodation is suitable",
                          field="accommodation_suitable")
    if accommodation in NEVER_SUITABLE and suitable:
        raise DomainError("No fixed abode and custody are never counted as suitable "
                          "accommodation", field="accommodation_suitable")


def ensure_staying_put_fits(*, started_on: dt.date, ended_on: dt.date | None,
                            date_of_birth: dt.date, today: dt.date) -> None:
    """Staying Put begins at 18, when the young person would otherwise leave their carers."""
    not_in_future(started_on, today, "started_on", "The start date")
    eighteenth = birthday(date_of_birth, 18)
    if started_on < eighteenth:
        raise DomainError(f"Staying Put starts on or after the 18th birthday, "
                          f"{day(eighteenth)}", field="started_on")
    if ended_on is not None:
        not_in_future(ended_on, today, "ended_on", "The end date")
        if ended_on < started_on:
            raise DomainError(f"The end date cannot be before the start date on "
                              f"{day(started_on)}", field="ended_on")


def ensure_support_to_25_request_fits(*, requested_on: dt.date, date_of_birth: dt.date,
                                      today: dt.date) -> None:
    """Support to 25 is asked for by a former relevant young person: from 18, before 25."""
    not_in_future(requested_on, today, "requested_on", "The date of the request")
    eighteenth = birthday(date_of_birth, 18)
    twenty_fifth = birthday(date_of_birth, SUPPORT_ON_REQUEST_TO)
    if not eighteenth <= requested_on < twenty_fifth:
        raise DomainError(f"Support to 25 can be asked for from the 18th birthday "
                          f"({day(eighteenth)}) until the 25th ({day(twenty_fifth)})",
                          field="requested_on")


def not_in_future(value: dt.date, today: dt.date, field: str, what: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)


def _nth(n: int) -> str:
    return f"{n}th"
