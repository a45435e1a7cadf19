"""Child protection rules: pure functions of dates, facts and a working-day calendar.

No ORM, settings or clock: callers pass `today`, the calendar and the local standards, so a due
date can be recomputed years later from the same facts. Each clock names its TIMESCALES.md row;
the `RULE_*` strings are stored beside every due date they set.
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from hearth.core.errors import DomainError
from hearth.protection.codes import (
    INITIAL_OUTCOMES,
    REVIEW_OUTCOMES,
    ConferenceOutcome,
    Section47Outcome,
)
from hearth.workingdays.rules import WorkingDayCalendar, add_months, add_weeks

ICPC_WITHIN_WORKING_DAYS = 15  # Working Together 2023; T05
FIRST_CORE_GROUP_WITHIN_WORKING_DAYS = 10  # T07
FIRST_REVIEW_WITHIN_MONTHS = 3  # T10
LATER_REVIEWS_WITHIN_MONTHS = 6  # T11
PROGRESS_PANEL_AFTER_MONTHS = 9  # local: the CP Progress Panel; T14
LONG_PLAN_AFTER_MONTHS = 24  # KPIS.md H-CP-11

RULE_ICPC = "T05 v1"
RULE_FIRST_CORE_GROUP = "T07 v1"
RULE_FIRST_REVIEW = "T10 v1"
RULE_LATER_REVIEW = "T11 v1"


def core_group_rule(interval_weeks: int) -> str:
    return f"T08 v1 (every {interval_weeks} weeks)"


def cp_visit_rule(interval_working_days: int) -> str:
    return f"T13 v1 (every {interval_working_days} working days)"


def long_date(day: dt.date) -> str:
    """3 March 2026: how dates read in messages."""
    return f"{day.day} {day:%B %Y}"


# ---- Due dates ---------------------------------------------------------------------------------


def icpc_due_on(*, strategy_discussion_on: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(strategy_discussion_on, ICPC_WITHIN_WORKING_DAYS)


def first_core_group_due_on(*, icpc_on: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(icpc_on, FIRST_CORE_GROUP_WITHIN_WORKING_DAYS)


def next_core_group_due_on(*, core_group_on: dt.date, interval_weeks: int) -> dt.date:
    return add_weeks(core_group_on, interval_weeks)


def first_review_due_on(*, icpc_on: dt.date) -> dt.date:
    return add_months(icpc_on, FIRST_REVIEW_WITHIN_MONTHS)


def next_review_due_on(*, review_on: dt.date) -> dt.date:
    return add_months(review_on, LATER_REVIEWS_WITHIN_MONTHS)


def next_cp_visit_due_on(*, last_visit_on: dt.date, interval_working_days: int,
                         calendar: WorkingDayCalendar) -> dt.date:
    """The next visit, counted from the plan's start or the last visit the child was seen."""
    return calendar.add_working_days(last_visit_on, interval_working_days)


# ---- How long a plan has lasted ----------------------------------------------------------------


class DurationBand(Enum):
    """Bands of plan duration (T15), each up to and including its upper edge in months."""

    UP_TO_3 = ("up_to_3", "3 months or less", 0, 3)
    UP_TO_6 = ("3_to_6", "3 to 6 months", 3, 6)
    UP_TO_9 = ("6_to_9", "6 to 9 months", 6, 9)
    UP_TO_18 = ("9_to_18", "9 to 18 months", 9, 18)
    UP_TO_24 = ("18_to_24", "18 months to 2 years", 18, 24)
    OVER_24 = ("over_24", "More than 2 years", 24, None)

    def __init__(self, key: str, label: str, above_months: int, up_to_months: int | None):
        self.key = key
        self.label = label
        self.above_months = above_months
        self.up_to_months = up_to_months

    @classmethod
    def from_key(cls, key: str) -> "DurationBand":
        return next(band for band in cls if band.key == key)


def lasted_more_than(start: dt.date, months: int, *, on: dt.date) -> bool:
    return add_months(start, months) < on


def duration_band(start: dt.date, *, on: dt.date) -> DurationBand:
    for band in DurationBand:
        if band.up_to_months is None or not lasted_more_than(start, band.up_to_months, on=on):
            return band
    raise AssertionError("unreachable: the last band has no upper edge")


def due_for_progress_panel(start: dt.date, *, on: dt.date) -> bool:
    """Plans lasting beyond 9 months go to the CP Progress Panel (T14)."""
    return lasted_more_than(start, PROGRESS_PANEL_AFTER_MONTHS, on=on)


def lasting_over_two_years(start: dt.date, *, on: dt.date) -> bool:
    return lasted_more_than(start, LONG_PLAN_AFTER_MONTHS, on=on)


def earliest_start_lasting_at_most(months: int, *, on: dt.date) -> dt.date:
    """The earliest start date of a plan that has lasted `months` or less by `on`.

    Plans starting on or after it have lasted at most `months`; earlier ones longer. So a band
    is a range of start dates, and the list can filter and page in the database. Month-end
    clamping makes add_months many-to-one, hence the small walk to the exact edge.
    """
    day = add_months(on, -months)
    while add_months(day, months) < on:
        day += dt.timedelta(days=1)
    while add_months(day - dt.timedelta(days=1), months) >= on:
        day -= dt.timedelta(days=1)
    return day


def band_start_dates(band: DurationBand, *, on: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(earliest start, start before) of the plans in `band` on `on`; None is unbounded."""
    start_from = (None if band.up_to_months is None
                  else earliest_start_lasting_at_most(band.up_to_months, on=on))
    start_before = (None if band.above_months == 0
                    else earliest_start_lasting_at_most(band.above_months, on=on))
    return start_from, start_before


# ---- Transitions that make sense ---------------------------------------------------------------


@dataclass(frozen=True)
class PlanFacts:
    """What the plan rules need to know about a plan, as plain values."""

    start_date: dt.date
    end_date: dt.date | None
    last_core_group_on: dt.date | None = None
    last_review_on: dt.date | None = None
    last_visit_on: dt.date | None = None

    @property
    def last_event_on(self) -> dt.date:
        dates = [self.start_date, self.last_core_group_on, self.last_review_on,
                 self.last_visit_on]
        return max(d for d in dates if d is not None)


def ensure_not_in_future(day: dt.date, *, today: dt.date, field: str, what: str) -> None:
    if day > today:
        raise DomainError(f"{what} must be today or in the past", field=field)


def ensure_strategy_discussion_fits_referral(*, held_on: dt.date, referral_date: dt.date,
                                             referral_closed_on: dt.date | None,
                                             today: dt.date) -> None:
    ensure_not_in_future(held_on, today=today, field="held_on",
                         what="The strategy discussion")
    if referral_closed_on is not None:
        raise DomainError(f"The referral was closed on {long_date(referral_closed_on)}: "
                          "record the discussion on an open referral", field="referral")
    if held_on < referral_date:
        raise DomainError("A strategy discussion cannot be before the referral on "
                          f"{long_date(referral_date)}", field="held_on")


def ensure_section47_can_conclude(*, started_on: dt.date, completed_on: dt.date,
                                  outcome: str, icpc_required: bool, is_open: bool,
                                  has_open_plan: bool, today: dt.date) -> None:
    if not is_open:
        raise DomainError("This section 47 enquiry has already ended")
    if outcome not in Section47Outcome.values:
        raise DomainError("Choose the outcome of the enquiry", field="outcome")
    ensure_not_in_future(completed_on, today=today, field="completed_on",
                         what="The end of the enquiry")
    if completed_on < started_on:
        raise DomainError("The enquiry cannot end before it started on "
                          f"{long_date(started_on)}", field="completed_on")
    if icpc_required and outcome != Section47Outcome.CONTINUING_RISK:
        raise DomainError("An initial conference is only for a child judged to be at "
                          "continuing risk of significant harm", field="icpc_required")
    if icpc_required and has_open_plan:
        raise DomainError("The child already has a child protection plan: hold a review "
                          "conference instead of an initial one", field="icpc_required")


def ensure_outcome_and_category(*, outcome: str, category: str, allowed: tuple) -> None:
    if outcome not in allowed:
        raise DomainError("Choose an outcome this conference can have", field="outcome")
    needs_category = outcome in (ConferenceOutcome.PLAN, ConferenceOutcome.CONTINUE_PLAN)
    if needs_category and not category:
        raise DomainError("Choose the category of abuse", field="category")
    if not needs_category and category:
        raise DomainError("A category of abuse is only for a child protection plan",
                          field="category")


def ensure_initial_conference_can_be_held(*, held_on: dt.date, strategy_discussion_on: dt.date,
                                          section47_completed_on: dt.date | None,
                                          icpc_required: bool | None, already_held: bool,
                                          has_open_plan: bool, outcome: str, category: str,
                                          today: dt.date) -> None:
    if already_held:
        raise DomainError("The initial conference for this enquiry has already been recorded")
    if section47_completed_on is None or not icpc_required:
        raise DomainError("Record the section 47 enquiry's outcome, with an initial conference "
                          "needed, before the conference")
    if has_open_plan:
        raise DomainError("The child already has a child protection plan: hold a review "
                          "conference instead")
    ensure_not_in_future(held_on, today=today, field="held_on", what="The conference")
    if held_on < strategy_discussion_on:
        raise DomainError("An initial conference cannot be before the strategy discussion on "
                          f"{long_date(strategy_discussion_on)}", field="held_on")
    if held_on < section47_completed_on:
        raise DomainError("An initial conference cannot be before the section 47 enquiry "
                          f"ended on {long_date(section47_completed_on)}", field="held_on")
    ensure_outcome_and_category(outcome=outcome, category=category, allowed=INITIAL_OUTCOMES)


def ensure_plan_is_open(plan: PlanFacts, *, what: str) -> None:
    if plan.end_date is not None:
        raise DomainError(f"The child protection plan ended on {long_date(plan.end_date)}: "
                          f"{what} cannot be recorded against it")


def ensure_within_plan(day: dt.date, plan: PlanFacts, *, field: str, what: str,
                       today: dt.date) -> None:
    ensure_not_in_future(day, today=today, field=field, what=what)
    if day < plan.start_date:
        raise DomainError(f"{what} cannot be before the plan started on "
                          f"{long_date(plan.start_date)}", field=field)


def ensure_review_conference_can_be_held(plan: PlanFacts, *, held_on: dt.date, outcome: str,
                                         category: str, today: dt.date) -> None:
    ensure_plan_is_open(plan, what="a review conference")
    ensure_within_plan(held_on, plan, field="held_on", what="The review conference",
                       today=today)
    if held_on == plan.start_date:
        raise DomainError("A review conference must be after the initial conference on "
                          f"{long_date(plan.start_date)}", field="held_on")
    if plan.last_review_on is not None and held_on <= plan.last_review_on:
        raise DomainError("A review conference must be after the last one on "
                          f"{long_date(plan.last_review_on)}", field="held_on")
    ensure_outcome_and_category(outcome=outcome, category=category, allowed=REVIEW_OUTCOMES)


def ensure_core_group_can_be_held(plan: PlanFacts, *, held_on: dt.date, today: dt.date) -> None:
    ensure_plan_is_open(plan, what="a core group")
    ensure_within_plan(held_on, plan, field="held_on", what="The core group", today=today)
    if plan.last_core_group_on is not None and held_on <= plan.last_core_group_on:
        raise DomainError("A core group must be after the last one on "
                          f"{long_date(plan.last_core_group_on)}", field="held_on")


def ensure_visit_can_be_recorded(plan: PlanFacts, *, visited_on: dt.date,
                                 today: dt.date) -> None:
    ensure_plan_is_open(plan, what="a visit")
    ensure_within_plan(visited_on, plan, field="visited_on", what="The visit", today=today)


def ensure_plan_can_end(plan: PlanFacts, *, end_date: dt.date, today: dt.date) -> None:
    if plan.end_date is not None:
        raise DomainError(f"The child protection plan already ended on "
                          f"{long_date(plan.end_date)}")
    ensure_not_in_future(end_date, today=today, field="end_date", what="The end of the plan")
    if end_date < plan.last_event_on:
        raise DomainError("The plan cannot end before the last thing recorded on it, on "
                          f"{long_date(plan.last_event_on)}", field="end_date")


def counts_as_statutory_visit(*, child_seen: bool) -> bool:
    """A visit where the child was not seen is recorded, but does not meet the standard."""
    return child_seen
