"""Pure rules for the health and education of children in care: due dates and what may be
recorded when. No ORM, settings or clock: dates, birthdays and the calendar are arguments.

Clocks (TIMESCALES.md section 3):

- T33 initial health assessment: 20 working days after the child became looked after
  (statutory guidance expects it in time for the first review; the 20 WD figure is marked
  unverified in TIMESCALES.md).
- T34 review health assessment: 6 months after the last assessment for a child under 5 on the
  day of that assessment, 12 months from their 5th birthday on. The age at the last assessment
  decides, so a child assessed at 4 years 11 months is next due 6 months later (the earlier,
  safer date).
- T35 dental check: 12 months after the last check; the first 12 months after the child
  became looked after (the OC2 measure: a check within the year), a Hearth decision.
- T36/T37 personal education plan: for a child of school age, the first within 10 working days
  of becoming looked after (or of reaching school age in care); then one each term, so the
  next is due by the end of the term after the one the last PEP was held in. Terms are a local
  setting (TERM_ENDS below: autumn to 31 December, spring to 31 March, summer to 31 August).
- T38 SDQ: yearly for children aged 4 to 16; the first 12 months after becoming looked after,
  or on the 4th birthday if that is later; none once the child would be 17.

Months use `add_months` (a missing day becomes the month's last day, so 29 February plus 12
months is 28 February) and, like every month clock (ADR 5), are not moved off weekends.
"""

import datetime as dt

from hearth.core.errors import DomainError
from hearth.workingdays.rules import WorkingDayCalendar, add_months

IHA_WORKING_DAYS = 20  # T33
UNDER_FIVE_REVIEW_MONTHS = 6  # T34
FIVE_AND_OVER_REVIEW_MONTHS = 12  # T34
DENTAL_MONTHS = 12  # T35
FIRST_PEP_WORKING_DAYS = 10  # T36
SDQ_MONTHS = 12  # T38
SDQ_FIRST_AGE, SDQ_LAST_AGE = 4, 16
SDQ_MAX_SCORE = 40
# T37, local: the last day of each term as (month, day), in calendar order.
TERM_ENDS = ((3, 31), (8, 31), (12, 31))


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def birthday(date_of_birth: dt.date, years: int) -> dt.date:
    """The day a child turns `years` (29 February birthdays fall on 28 February)."""
    return add_months(date_of_birth, 12 * years)


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    years = on.year - date_of_birth.year
    return years if birthday(date_of_birth, years) <= on else years - 1


# --- health ---------------------------------------------------------------------------------

def initial_health_assessment_due_on(*, started_on: dt.date,
                                     calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(started_on, IHA_WORKING_DAYS)


def iha_rule() -> str:
    return f"Initial health assessment within {IHA_WORKING_DAYS} WD v1"


def review_months(*, date_of_birth: dt.date | None, last_assessed_on: dt.date) -> int:
    """6 months for a child under 5 on the day of the last assessment, otherwise 12. With no
    date of birth, the shorter interval."""
    if date_of_birth is None or age_on(date_of_birth, last_assessed_on) < 5:
        return UNDER_FIVE_REVIEW_MONTHS
    return FIVE_AND_OVER_REVIEW_MONTHS


def review_health_assessment_due_on(*, date_of_birth: dt.date | None,
                                    last_assessed_on: dt.date) -> dt.date:
    return add_months(last_assessed_on, review_months(date_of_birth=date_of_birth,
                                                      last_assessed_on=last_assessed_on))


def rha_rule(months: int) -> str:
    return f"Review health assessment within {months} months v1"


def dental_due_on(*, started_on: dt.date, last_checked_on: dt.date | None) -> dt.date:
    return add_months(last_checked_on or started_on, DENTAL_MONTHS)


def dental_rule() -> str:
    return f"Dental check within {DENTAL_MONTHS} months v1"


def sdq_due_on(*, date_of_birth: dt.date | None, started_on: dt.date,
               last_completed_on: dt.date | None) -> dt.date | None:
    """When the next SDQ is due, or None when the child will be past 16 by then (or has no
    date of birth to tell)."""
    if date_of_birth is None:
        return None
    due = add_months(last_completed_on or started_on, SDQ_MONTHS)
    due = max(due, birthday(date_of_birth, SDQ_FIRST_AGE))
    return due if due < birthday(date_of_birth, SDQ_LAST_AGE + 1) else None


def sdq_rule() -> str:
    return f"SDQ every {SDQ_MONTHS} months (ages {SDQ_FIRST_AGE}-{SDQ_LAST_AGE}) v1"


def sdq_age_applies(*, date_of_birth: dt.date | None, completed_on: dt.date) -> bool:
    if date_of_birth is None:
        return True
    return SDQ_FIRST_AGE <= age_on(date_of_birth, completed_on) <= SDQ_LAST_AGE


# --- education ------------------------------------------------------------------------------

def school_age_starts_on(date_of_birth: dt.date) -> dt.date:
    """1 September of the school year in which the child turns 5 (Reception)."""
    fifth = birthday(date_of_birth, 5)
    return dt.date(fifth.year if fifth >= dt.date(fifth.year, 9, 1) else fifth.year - 1, 9, 1)


def school_age_ends_on(date_of_birth: dt.date) -> dt.date:
    """31 August at the end of the school year in which the child turns 16."""
    sixteenth = birthday(date_of_birth, 16)
    return dt.date(sixteenth.year + (sixteenth >= dt.date(sixteenth.year, 9, 1)), 8, 31)


def term_end_on_or_after(on: dt.date) -> dt.date:
    for month, day_ in TERM_ENDS:
        end = dt.date(on.year, month, day_)
        if end >= on:
            return end
    raise AssertionError("TERM_ENDS must end on 31 December")


def next_term_end(on: dt.date) -> dt.date:
    """The end of the term after the one `on` falls in."""
    return term_end_on_or_after(term_end_on_or_after(on) + dt.timedelta(days=1))


def pep_due_on(*, date_of_birth: dt.date | None, started_on: dt.date,
               last_held_on: dt.date | None, calendar: WorkingDayCalendar) -> dt.date | None:
    """When the next PEP is due, or None when the child is past school age by then."""
    if date_of_birth is None:
        return None
    if last_held_on is None:
        start = max(started_on, school_age_starts_on(date_of_birth))
        due = calendar.add_working_days(start, FIRST_PEP_WORKING_DAYS)
    else:
        due = next_term_end(last_held_on)
    return due if due <= school_age_ends_on(date_of_birth) else None


def pep_rule(first: bool) -> str:
    if first:
        return f"First PEP within {FIRST_PEP_WORKING_DAYS} WD v1"
    return "PEP each term v1"


# --- what may be recorded -------------------------------------------------------------------

def ensure_date(value: dt.date | None, *, today: dt.date, field: str, what: str,
                not_before: dt.date | None = None, before_what: str = "") -> None:
    if value is None:
        raise DomainError(f"Enter {what[0].lower()}{what[1:]}", field=field)
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)
    if not_before is not None and value < not_before:
        raise DomainError(f"{what} must be on or after {before_what} ({day(not_before)})",
                          field=field)


def ensure_sdq(*, score: int | None, reason: str, date_of_birth: dt.date | None,
               completed_on: dt.date) -> None:
    if score is None and not reason:
        raise DomainError("Enter the score, or choose why there is no score", field="score")
    if score is not None and reason:
        raise DomainError("Enter a score or a reason there is none, not both", field="reason")
    if score is not None and not 0 <= score <= SDQ_MAX_SCORE:
        raise DomainError(f"The score must be between 0 and {SDQ_MAX_SCORE}", field="score")
    if score is not None and not sdq_age_applies(date_of_birth=date_of_birth,
                                                 completed_on=completed_on):
        raise DomainError("The SDQ is for children aged 4 to 16: for a child outside those "
                          "ages choose the reason SDQ1", field="score")
