"""Pure rules for pre-proceedings and care proceedings: the week clocks, what may be recorded
at each stage, the legal status an order means, the concluded-proceedings figures and the CIN
census 2026/27 pre-proceedings module. No ORM, settings or clock: dates, today and the local
defaults are arguments.

Both clocks count calendar weeks (TIMESCALES.md section 1: "26 weeks for care proceedings =
182 calendar days from issue"), so bank holidays and closure days never move them. The
`calendar` argument of the `*_due_on` rules is taken for the same shape as every other
deadline and deliberately unused.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hearth.core.errors import DomainError
from hearth.court.codes import (
    CENSUS_OUTCOME,
    LEGAL_STATUS_FOR,
    MeetingKind,
    PreProceedingsOutcome,
    Stage,
)
from hearth.workingdays.rules import WorkingDayCalendar

# T50: Children Act 1989 s32(1)(a) as amended by the Children and Families Act 2014 s14.
PROCEEDINGS_WEEKS = 26
# s32(5)-(8): the court may extend the timetable by up to 8 weeks at a time.
MAX_EXTENSION_WEEKS = 8
# T51: no statutory limit; the Public Law Working Group (2021) recommends pre-proceedings
# normally last no more than 16 weeks. A LOCAL DEFAULT (settings.HEARTH_PRE_PROCEEDINGS_WEEKS).
DEFAULT_PRE_PROCEEDINGS_WEEKS = 16
# A clock is "nearing" its end in its last 4 weeks (a local choice, ADR 14).
NEARING_DAYS = 28


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


# Clocks -------------------------------------------------------------------------------------

def proceedings_due_on(issued_on: dt.date, calendar: WorkingDayCalendar | None = None, *,
                       extension_weeks: Iterable[int] = ()) -> dt.date:
    """26 weeks (182 days) from the day the application was issued, plus each extension."""
    return issued_on + dt.timedelta(weeks=PROCEEDINGS_WEEKS + sum(extension_weeks))


def proceedings_rule(extensions: int = 0) -> str:
    more = f" + {extensions} extension{'s' if extensions != 1 else ''}" if extensions else ""
    return f"CA 1989 s32(1)(a) 26 weeks{more} v1"


def pre_proceedings_due_on(started_on: dt.date, calendar: WorkingDayCalendar | None = None, *,
                           weeks: int = DEFAULT_PRE_PROCEEDINGS_WEEKS) -> dt.date:
    """The local pre-proceedings timescale (16 weeks by default) from the decision to start."""
    return started_on + dt.timedelta(weeks=weeks)


def pre_proceedings_rule(weeks: int = DEFAULT_PRE_PROCEEDINGS_WEEKS) -> str:
    return f"PLO pre-proceedings {weeks} weeks (local) v1"


def weeks_elapsed(start: dt.date, on: dt.date) -> int:
    """Whole weeks from `start` to `on`: week 0 is the first seven days."""
    return max((on - start).days, 0) // 7


def weeks_between(start: dt.date, end: dt.date) -> float:
    return round((end - start).days / 7, 1)


class ClockStatus(StrEnum):
    ON_TRACK = "on_track"
    NEARING = "nearing"
    OVER = "over"

    @property
    def label(self) -> str:
        return {"on_track": "On track", "nearing": "Nearing", "over": "Over"}[self.value]


def clock_status(due_on: dt.date, *, today: dt.date) -> ClockStatus:
    """Over after the due date; nearing in the last 4 weeks up to and including it."""
    if today > due_on:
        return ClockStatus.OVER
    if (due_on - today).days < NEARING_DAYS:
        return ClockStatus.NEARING
    return ClockStatus.ON_TRACK


# What may be recorded when ------------------------------------------------------------------

# action -> (the stage it needs, the refusal otherwise)
NEEDS_STAGE = {
    "letter": (Stage.PRE_PROCEEDINGS, "The letter before proceedings is sent in pre-proceedings"),
    "meeting": (Stage.PRE_PROCEEDINGS, "Pre-proceedings meetings are held in pre-proceedings"),
    "outcome": (Stage.PRE_PROCEEDINGS, "Only a case in pre-proceedings has an outcome to record"),
    "application": (Stage.TO_ISSUE, "An application is recorded once the decision to issue "
                                    "care proceedings has been made"),
    "hearing": (Stage.PROCEEDINGS, "Hearings are recorded once the application is issued"),
    "interim_order": (Stage.PROCEEDINGS, "Interim orders are made in care proceedings"),
    "extension": (Stage.PROCEEDINGS, "The 26 weeks can be extended only in care proceedings"),
    "final_order": (Stage.PROCEEDINGS, "A final order is made in care proceedings"),
}


def stage_refusal(action: str, *, stage: str, ended_on: dt.date | None) -> str | None:
    """Why `action` cannot be recorded on a case at `stage`, or None when it can."""
    needed, message = NEEDS_STAGE[action]
    if stage == needed:
        return None
    if stage == Stage.ENDED:
        return f"This case ended on {day(ended_on)}: nothing more can be recorded on it"
    return f"{message}: this case is at the stage '{Stage(stage).label}'"


def ensure_stage(action: str, *, stage: str, ended_on: dt.date | None) -> None:
    if (refusal := stage_refusal(action, stage=stage, ended_on=ended_on)) is not None:
        raise DomainError(refusal)


def ensure_date(value: dt.date, *, today: dt.date, field: str, what: str,
                not_before: dt.date | None = None, before_what: str = "") -> None:
    """`value` is today or earlier, and not before `not_before` (named by `before_what`)."""
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)
    if not_before is not None and value < not_before:
        raise DomainError(f"{what} must be on or after {before_what} ({day(not_before)})",
                          field=field)


def ensure_meeting_fits(*, kind: str, held_on: dt.date, initial_on: dt.date | None) -> None:
    if kind == MeetingKind.INITIAL and initial_on is not None:
        raise DomainError(f"The initial pre-proceedings meeting was already held on "
                          f"{day(initial_on)}: record this one as a review meeting", field="kind")
    if kind == MeetingKind.REVIEW:
        if initial_on is None:
            raise DomainError("Record the initial pre-proceedings meeting before a review "
                              "meeting", field="kind")
        if held_on < initial_on:
            raise DomainError(f"A review meeting must be on or after the initial meeting "
                              f"({day(initial_on)})", field="held_on")


def ensure_extension_weeks(weeks: int) -> None:
    if not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        raise DomainError(f"An extension is of 1 to {MAX_EXTENSION_WEEKS} weeks (Children Act "
                          "1989 s32(5)): record a longer one as more than one extension",
                          field="weeks")


def stage_after_outcome(outcome: str) -> Stage:
    return Stage.TO_ISSUE if outcome == PreProceedingsOutcome.ISSUE else Stage.ENDED


# Legal status prompts -----------------------------------------------------------------------

@dataclass(frozen=True)
class LegalStatusPrompt:
    order: str
    made_on: dt.date
    expected: str
    current: str


def legal_status_prompt(*, order_kind: str, order_label: str, made_on: dt.date,
                        current_status: str | None) -> LegalStatusPrompt | None:
    """When a child in care's legal status does not yet show the latest order (an interim care
    order means C1, a care order C2, a placement order E1, an EPO L2), the prompt to change
    it; None when the child is not in care or the status already matches."""
    expected = LEGAL_STATUS_FOR.get(order_kind)
    if expected is None or current_status is None or current_status == expected:
        return None
    return LegalStatusPrompt(order_label, made_on, expected, current_status)


# Figures ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConcludedFigures:
    """H-PM-02 and H-PM-03 (KPIS.md): matters (sibling groups) concluded in a period."""

    concluded: int
    within_26_weeks: int
    average_weeks: float | None

    @property
    def within_26_weeks_percent(self) -> int | None:
        return round(100 * self.within_26_weeks / self.concluded) if self.concluded else None


def concluded_figures(spans: Sequence[tuple[dt.date, dt.date]]) -> ConcludedFigures:
    """From (issued_on, final_order_on) for each matter concluded: how many, how many within
    26 weeks of issue (the statute's 182 days, extensions not counted), and the average weeks
    from issue to final order."""
    if not spans:
        return ConcludedFigures(0, 0, None)
    within = sum(1 for issued, ended in spans
                 if ended <= proceedings_due_on(issued))
    average = sum((ended - issued).days for issued, ended in spans) / len(spans) / 7
    return ConcludedFigures(len(spans), within, round(average, 1))


# CIN census 2026/27 module 5 ----------------------------------------------------------------

def census_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The collection year named by its start: 2026 is 1 April 2026 to 31 March 2027."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


@dataclass(frozen=True)
class PreProceedingsFacts:
    started_on: dt.date
    letter_sent_on: dt.date | None
    fgdm_offered: bool | None
    meetings: tuple[tuple[str, dt.date], ...]  # (kind, held_on)
    outcome: str
    outcome_on: dt.date | None
    issued_on: dt.date | None
    parents_letter_on: dt.date | None
    # The day the application was made; a case recorded before Hearth asked for it has only
    # the day it was issued, which stands in for it.
    applied_on: dt.date | None = None


def census_module(facts: PreProceedingsFacts) -> dict:
    """The `PreProceedingsandFGDM` block (RETURNS.md section 2.4) for one child's
    pre-proceedings; blank values are None."""
    meetings = sorted(facts.meetings, key=lambda m: m[1])
    initial = next((on for kind, on in meetings if kind == MeetingKind.INITIAL), None)
    reviews = sum(1 for kind, on in meetings
                  if kind == MeetingKind.REVIEW and initial is not None and on >= initial)
    fgdm_held = any(kind == MeetingKind.FGDM for kind, _ in meetings)
    return {
        "PPStartDate": facts.started_on,
        "LBPSentDate": facts.letter_sent_on,
        "FGDMMeetingOffer": None if facts.fgdm_offered is None else int(facts.fgdm_offered),
        "FGDMMeetingFac": (int(fgdm_held) if facts.fgdm_offered or fgdm_held else None),
        "InitialPPMeetingDate": initial,
        "ReviewMeetingsCount": reviews if initial is not None else None,
        "StepDecisionDate": facts.outcome_on,
        "PPOutcome": CENSUS_OUTCOME.get(facts.outcome) if facts.outcome else None,
        "CourtAppDate": facts.applied_on or facts.issued_on,
        "LetterInitCPDate": facts.parents_letter_on,
    }


def in_census_year(started_on: dt.date, year: int) -> bool:
    """Rule 9005: PPStartDate falls in the census year."""
    start, end = census_year_bounds(year)
    return start <= started_on <= end
