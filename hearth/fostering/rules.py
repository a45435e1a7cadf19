"""Pure rules for fostering households: the clocks, which status may follow which, what the
terms of approval allow, and vacancies. No ORM, settings or clock: dates and the calendar are
arguments.

Clocks (ADR 15):

- Connected person temporary approval (Care Planning, Placement and Case Review (England)
  Regulations 2010 reg 24: "a period not exceeding 16 weeks"; reg 25: extendable once by up to
  8 weeks). TIMESCALES.md does not list it (unverified there). The approval's first day counts,
  so its last day is the day before the 16-week anniversary; the assessment must be concluded
  (panel and decision) by then.
- Agency decision maker's decision: within 7 working days of the panel's recommendation
  (Fostering Services (England) Regulations 2011, as the brief gives it; TIMESCALES.md is
  silent: unverified). The clock starts on the panel's date, since Hearth does not hold when the
  minutes arrived; counted with `add_working_days` (the panel day is day 0).
- Annual review of approval: at intervals of not more than a year (2011 reg 28; TIMESCALES.md
  T53, 12 months, unverified), from approval and then from the last review; like every month
  clock (ADR 5) not moved off weekends or bank holidays.
"""

import datetime as dt

from hearth.core.errors import DomainError
from hearth.fostering.codes import (
    ApprovedSex,
    HouseholdStatus,
    HouseholdType,
    PanelBusiness,
    Recommendation,
)
from hearth.workingdays.rules import WorkingDayCalendar, add_days, add_months, add_weeks

TEMPORARY_APPROVAL_WEEKS = 16
TEMPORARY_EXTENSION_WEEKS = 8
ADM_DECISION_WORKING_DAYS = 7
REVIEW_MONTHS = 12
MAX_PLACES = 6  # a sanity bound on the form; the usual fostering limit (3) can be exceeded

S = HouseholdStatus
# Status changes a worker may make by hand; approval, refusal and termination come only from
# the agency decision maker's decision (adm_outcome).
MANUAL_CHANGES: dict[str, frozenset[str]] = {
    S.ENQUIRY: frozenset({S.RESIGNED}),
    S.IN_ASSESSMENT: frozenset({S.RESIGNED}),
    S.APPROVED: frozenset({S.ON_HOLD, S.RESIGNED}),
    S.ON_HOLD: frozenset({S.APPROVED, S.RESIGNED}),
}


def temporary_approval_rule(extended: bool = False) -> str:
    return "CPR 2010 reg 25: 16+8 weeks" if extended else "CPR 2010 reg 24: 16 weeks"


def temporary_approval_ends_on(approved_on: dt.date, *, extended: bool = False) -> dt.date:
    """The last day of a connected person's temporary approval."""
    weeks = TEMPORARY_APPROVAL_WEEKS + (TEMPORARY_EXTENSION_WEEKS if extended else 0)
    return add_days(add_weeks(approved_on, weeks), -1)


def adm_decision_rule() -> str:
    return "FSR 2011: ADM decision in 7 WD"


def adm_decision_due_on(panel_on: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(panel_on, ADM_DECISION_WORKING_DAYS)


def review_rule(first: bool) -> str:
    return "FSR 2011 reg 28: first review (panel)" if first else "FSR 2011 reg 28: yearly"


def review_due_on(last_approved_or_reviewed_on: dt.date) -> dt.date:
    return add_months(last_approved_or_reviewed_on, REVIEW_MONTHS)


def ensure_manual_change(current: str, new: str) -> None:
    if new not in MANUAL_CHANGES.get(current, frozenset()):
        raise DomainError(f"A household that is {S(current).label.lower()} cannot be made "
                          f"{S(new).label.lower()}", field="status")


def panel_business_allowed(status: str, business: str) -> bool:
    if business == PanelBusiness.APPROVAL:
        return status == S.IN_ASSESSMENT
    return status in (S.APPROVED, S.ON_HOLD)


def ensure_panel_business(*, status: str, business: str, first_review_pending: bool) -> None:
    if not panel_business_allowed(status, business):
        when = ("while the household is in assessment" if business == PanelBusiness.APPROVAL
                else "for approved carers")
        raise DomainError(f"The panel can consider {PanelBusiness(business).label.lower()} "
                          f"only {when}", field="business")
    if business == PanelBusiness.REVIEW and first_review_pending:
        raise DomainError("This is the carers' first review since approval: record it as the "
                          "first annual review", field="business")


def ensure_terms(*, places, age_from, age_to) -> None:
    if places is None or places < 1:
        raise DomainError("Enter how many children the carers are approved for", field="places")
    if places > MAX_PLACES:
        raise DomainError(f"Approval for more than {MAX_PLACES} children is not accepted",
                          field="places")
    if age_from is None or age_to is None:
        raise DomainError("Enter the age range the carers are approved for", field="age_from")
    if age_to > 17 or age_to < age_from:
        raise DomainError("The age range must run from the lower age to an upper age of 17 or "
                          "under", field="age_to")


def needs_terms(business: str, recommendation: str) -> bool:
    return recommendation == Recommendation.RECOMMENDED and business in (
        PanelBusiness.APPROVAL, PanelBusiness.CHANGE_OF_TERMS)


def ensure_not_before(day: dt.date, earlier: dt.date | None, *, field: str, what: str) -> None:
    if earlier is not None and day < earlier:
        raise DomainError(f"The date must be on or after {what} ({earlier:%-d %B %Y})",
                          field=field)


def ensure_not_future(day: dt.date, today: dt.date, *, field: str) -> None:
    if day > today:
        raise DomainError("The date must be today or in the past", field=field)


def ensure_temporary_approval(*, household_type: str, status: str, already: bool) -> None:
    if household_type != HouseholdType.CONNECTED_PERSON:
        raise DomainError("Only connected persons can be approved temporarily (regulation 24)")
    if status not in (S.ENQUIRY, S.IN_ASSESSMENT):
        raise DomainError("Temporary approval is given before the full assessment concludes")
    if already:
        raise DomainError("This household already has a temporary approval")


def ensure_extension(*, ends_on: dt.date | None, extended: bool, on: dt.date,
                     status: str) -> None:
    if ends_on is None or status != S.IN_ASSESSMENT:
        raise DomainError("There is no temporary approval in force to extend")
    if extended:
        raise DomainError("The temporary approval has already been extended once (regulation "
                          "25 allows one extension of up to 8 weeks)")
    if on > ends_on:
        raise DomainError(f"The temporary approval ended on {ends_on:%-d %B %Y}: it can only be "
                          "extended before it ends", field="extended_on")


def vacancies(*, status: str, places: int, placed: int) -> int:
    if status != S.APPROVED:
        return 0
    return max(0, places - placed)


def fits_terms(*, age: int | None, sex: str | None, age_from, age_to, approved_sex: str) -> bool:
    """Whether a child of this age and sex ("male"/"female") is within the terms."""
    if age is not None and age_from is not None and not age_from <= age <= age_to:
        return False
    return not (sex and approved_sex not in (ApprovedSex.ANY, sex))
