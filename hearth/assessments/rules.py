"""Pure rules for child and family assessments: the 45-working-day clock and what may be
recorded when. No ORM, settings or clock: dates, today and the calendar are arguments."""

import datetime as dt
from collections.abc import Sequence

from hearth.assessments.codes import (
    AssessmentFactor,
    AssessmentKind,
    AssessmentOutcome,
    ClockStart,
    PartnerAgency,
)
from hearth.core.errors import DomainError
from hearth.workingdays.rules import WorkingDayCalendar

ASSESSMENT_WITHIN_WORKING_DAYS = 45  # Working Together 2023; TIMESCALES.md T02
ASSESSMENT_RULE = "T02 v1"


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def assessment_clock_starts_on(*, referral_date: dt.date, started_on: dt.date | None,
                               clock_start: str = ClockStart.REFERRAL) -> dt.date:
    """Guidance counts from the referral; the CIN census (8670Q) from the assessment's start."""
    if clock_start == ClockStart.REFERRAL:
        return referral_date
    if clock_start == ClockStart.ASSESSMENT_START and started_on is not None:
        return started_on
    raise ValueError(f"Cannot start the assessment clock from {clock_start!r} "
                     f"with started_on={started_on}")


def assessment_due_on(*, referral_date: dt.date, calendar: WorkingDayCalendar,
                      started_on: dt.date | None = None,
                      clock_start: str = ClockStart.REFERRAL) -> dt.date:
    """The last day to authorise the assessment: the 45th working day after the clock starts."""
    start = assessment_clock_starts_on(referral_date=referral_date, started_on=started_on,
                                       clock_start=clock_start)
    return calendar.add_working_days(start, ASSESSMENT_WITHIN_WORKING_DAYS)


def authorised_late(*, authorised_on: dt.date, due_on: dt.date) -> bool:
    return authorised_on > due_on


def ensure_episode_open(*, closed_on: dt.date | None, no_further_action: bool) -> None:
    if closed_on is not None:
        raise DomainError(f"This episode of need was closed on {day(closed_on)}: a closed "
                          "episode cannot get a new assessment", field="referral")
    if no_further_action:
        raise DomainError("This referral ended in no further action: it cannot get an "
                          "assessment", field="referral")


def ensure_kind_fits(*, kind: str, referral_has_assessment: bool) -> None:
    if kind not in AssessmentKind.values:
        raise DomainError("Choose whether the assessment is new or updated", field="kind")
    if kind == AssessmentKind.NEW and referral_has_assessment:
        raise DomainError("This referral already has an assessment: record this one as an "
                          "updated assessment", field="kind")


def ensure_dates_fit(*, referral_date: dt.date, started_on: dt.date,
                     child_seen_on: dt.date | None, completed_on: dt.date | None,
                     today: dt.date) -> None:
    """Start not before the referral; child seen and completion not before the start; no date
    in the future; the child is seen by the time the assessment is completed."""
    _not_in_future(started_on, today, "started_on", "The start date")
    if started_on < referral_date:
        raise DomainError(f"The assessment cannot start before the referral on "
                          f"{day(referral_date)}", field="started_on")
    if child_seen_on is not None:
        _not_in_future(child_seen_on, today, "child_seen_on", "The date the child was seen")
        if child_seen_on < started_on:
            raise DomainError(f"The child cannot be seen for this assessment before it started "
                              f"on {day(started_on)}", field="child_seen_on")
    if completed_on is not None:
        _not_in_future(completed_on, today, "completed_on", "The completion date")
        if completed_on < started_on:
            raise DomainError(f"The assessment cannot be completed before it started on "
                              f"{day(started_on)}", field="completed_on")
        if child_seen_on is not None and child_seen_on > completed_on:
            raise DomainError("The date the child was seen cannot be after the assessment was "
                              f"completed on {day(completed_on)}", field="child_seen_on")


def ensure_seen_alone_fits(*, child_seen_on: dt.date | None, seen_alone: bool) -> None:
    if seen_alone and child_seen_on is None:
        raise DomainError("Enter the date the child was seen, if they were seen alone",
                          field="child_seen_on")


def ensure_contribution_fits(*, agency: str, received_on: dt.date, summary: str,
                             referral_date: dt.date, today: dt.date) -> None:
    if agency not in PartnerAgency.values:
        raise DomainError("Choose the agency", field="agency")
    _not_in_future(received_on, today, "received_on", "The date it was received")
    if received_on < referral_date:
        raise DomainError(f"A contribution to this assessment cannot arrive before the "
                          f"referral on {day(referral_date)}", field="received_on")
    if not summary.strip():
        raise DomainError("Summarise what the agency contributed", field="summary")


def ensure_factors_valid(factors: Sequence[str]) -> None:
    """DfE codes only, each once; "21 No factors identified" stands alone (CIN rule 8869)."""
    unknown = sorted(set(factors) - set(AssessmentFactor.values))
    if unknown:
        raise DomainError(f"{unknown[0]} is not a factor code in the CIN census",
                          field="factors")
    if len(set(factors)) != len(factors):
        raise DomainError("Each factor can be chosen once", field="factors")
    if AssessmentFactor.NO_FACTORS in factors and len(factors) > 1:
        raise DomainError("'No factors identified' cannot be chosen with other factors",
                          field="factors")


def ensure_can_authorise(*, completed_on: dt.date | None, authorised_on: dt.date,
                         due_on: dt.date, outcome: str, factors: Sequence[str],
                         lateness_reason: str, today: dt.date) -> None:
    if completed_on is None:
        raise DomainError("Record the date the assessment was completed before it can be "
                          "authorised", field="authorised_on")
    _not_in_future(authorised_on, today, "authorised_on", "The authorisation date")
    if authorised_on < completed_on:
        raise DomainError(f"The assessment cannot be authorised before it was completed on "
                          f"{day(completed_on)}", field="authorised_on")
    if not factors:
        raise DomainError("Record the factors identified at assessment (or 'No factors "
                          "identified') before it can be authorised")
    if outcome not in AssessmentOutcome.values:
        raise DomainError("Choose the outcome of the assessment", field="outcome")
    if authorised_late(authorised_on=authorised_on, due_on=due_on) and not lateness_reason.strip():
        raise DomainError(f"The assessment was due to be authorised by {day(due_on)}: give the "
                          "reason it is late", field="lateness_reason")


def episode_closure_problem(*, closed_on: dt.date, in_progress_started_on: dt.date | None,
                            last_authorised_on: dt.date | None) -> str | None:
    """Why the episode cannot close on `closed_on` yet, as far as its assessments go."""
    if in_progress_started_on is not None:
        return (f"The assessment started {day(in_progress_started_on)} is not authorised yet: "
                "authorise it before closing the episode")
    if last_authorised_on is not None and closed_on < last_authorised_on:
        return (f"The episode cannot close before its assessment was authorised on "
                f"{day(last_authorised_on)}")
    return None


def _not_in_future(value: dt.date, today: dt.date, field: str, what: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)
