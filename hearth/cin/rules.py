"""Pure rules for child in need plans: review and visit clocks, and what may be recorded when.
No ORM, settings or clock: dates, today, the local intervals and the calendar are arguments.

Reviews are counted in calendar weeks and, like every week clock (ADR 5), are not moved off a
weekend or bank holiday. Visits are counted in working days.
"""

import datetime as dt

from hearth.core.errors import DomainError
from hearth.workingdays.rules import WorkingDayCalendar


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def review_rule(interval_weeks: int) -> str:
    return f"CIN review every {interval_weeks} weeks v1"


def visit_rule(interval_working_days: int) -> str:
    return f"CIN visit every {interval_working_days} WD v1"


def cin_review_due_on(*, last_reviewed_on: dt.date, interval_weeks: int,
                      calendar: WorkingDayCalendar) -> dt.date:
    """The next review: `interval_weeks` after the plan started or was last reviewed."""
    return calendar.add_weeks(last_reviewed_on, interval_weeks)


def cin_visit_due_on(*, last_visited_on: dt.date, interval_working_days: int,
                     calendar: WorkingDayCalendar) -> dt.date:
    """The next visit: the Nth working day after the plan started or the child was last seen."""
    return calendar.add_working_days(last_visited_on, interval_working_days)


def ensure_plan_can_start(*, referral_date: dt.date, referral_closed_on: dt.date | None,
                          no_further_action: bool, started_on: dt.date, today: dt.date,
                          open_plan_started_on: dt.date | None,
                          open_cp_plan_started_on: dt.date | None = None) -> None:
    """One open plan per child, and none beside a child protection plan (the CIN census's rule
    4003); on an open referral; not before it; not in the future."""
    if open_plan_started_on is not None:
        raise DomainError(f"The child already has a child in need plan, started "
                          f"{day(open_plan_started_on)}: end it before starting another")
    if open_cp_plan_started_on is not None:
        raise DomainError(f"The child has been on a child protection plan since "
                          f"{day(open_cp_plan_started_on)}, which takes the place of a child in "
                          "need plan: start one when the protection plan ends")
    if referral_closed_on is not None:
        raise DomainError(f"This episode of need was closed on {day(referral_closed_on)}: a "
                          "closed episode cannot get a new plan", field="referral")
    if no_further_action:
        raise DomainError("This referral ended in no further action: it cannot get a plan",
                          field="referral")
    _not_in_future(started_on, today, "started_on", "The start date")
    if started_on < referral_date:
        raise DomainError(f"The plan cannot start before the referral on {day(referral_date)}",
                          field="started_on")


def ensure_plan_open(*, ended_on: dt.date | None, what: str) -> None:
    """`what` is "a review" or "a visit": a closed plan takes neither."""
    if ended_on is not None:
        raise DomainError(f"A closed plan cannot get {what}: this plan ended on {day(ended_on)}")


def ensure_plan_event_fits(*, on: dt.date, plan_started_on: dt.date, today: dt.date,
                           field: str, what: str) -> None:
    """A review or visit is on or after the plan's start and not in the future."""
    _not_in_future(on, today, field, f"The date of the {what}")
    if on < plan_started_on:
        raise DomainError(f"The {what} cannot be before the plan started on "
                          f"{day(plan_started_on)}", field=field)


def ensure_plan_can_end(*, started_on: dt.date, ended_on: dt.date, today: dt.date,
                        last_activity_on: dt.date | None) -> None:
    _not_in_future(ended_on, today, "ended_on", "The end date")
    if ended_on < started_on:
        raise DomainError(f"The plan cannot end before it started on {day(started_on)}",
                          field="ended_on")
    if last_activity_on is not None and ended_on < last_activity_on:
        raise DomainError(f"The plan cannot end before its last review or visit on "
                          f"{day(last_activity_on)}", field="ended_on")


def episode_closure_problem(*, closed_on: dt.date, open_plan_started_on: dt.date | None,
                            last_ended_on: dt.date | None) -> str | None:
    """Why the episode cannot close on `closed_on` yet, as far as its plans go."""
    if open_plan_started_on is not None:
        return (f"The child in need plan started {day(open_plan_started_on)} is still open: "
                "end it before closing the episode")
    if last_ended_on is not None and closed_on < last_ended_on:
        return (f"The episode cannot close before its child in need plan ended on "
                f"{day(last_ended_on)}")
    return None


def _not_in_future(value: dt.date, today: dt.date, field: str, what: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)
