"""Pure rules for IRO challenges: response deadlines, stage order, what may be recorded when,
and the quarterly figures. No ORM, settings or clock: dates, today and the calendar are
arguments.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from hearth.core.errors import DomainError
from hearth.iro.codes import STAGE_ORDER, Stage
from hearth.workingdays.rules import WorkingDayCalendar

# Working days the addressee has to respond at each stage. The seeds say only that disputes are
# escalated "within timeframes if the initial response is not satisfactory or has not been
# received" (seeds/003_e1469a924c65b786.txt line 679; TIMESCALES.md T91: not quantified), so
# these are a LOCAL DEFAULT: 5 working days at each stage up to head of service, 10 for the
# director.
RESPONSE_WORKING_DAYS = {
    Stage.INFORMAL: 5,
    Stage.TEAM_MANAGER: 5,
    Stage.SERVICE_MANAGER: 5,
    Stage.HEAD_OF_SERVICE: 5,
    Stage.DIRECTOR: 10,
}


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def response_rule(stage: str) -> str:
    return f"IRO challenge {stage} response {RESPONSE_WORKING_DAYS[Stage(stage)]} WD v1"


def response_due_on(*, stage: str, started_on: dt.date,
                    calendar: WorkingDayCalendar) -> dt.date:
    """The response is due on the Nth working day after the stage started."""
    return calendar.add_working_days(started_on, RESPONSE_WORKING_DAYS[Stage(stage)])


def next_stage(stage: str) -> Stage | None:
    position = STAGE_ORDER.index(Stage(stage))
    return STAGE_ORDER[position + 1] if position + 1 < len(STAGE_ORDER) else None


def ensure_child(*, is_child: bool) -> None:
    if not is_child:
        raise DomainError("An IRO challenge is about a child: this record is not a child's")


def ensure_can_raise(*, raised_on: dt.date, today: dt.date) -> None:
    _not_in_future(raised_on, today, "raised_on", "The date the challenge was raised")


def ensure_open(*, resolved_on: dt.date | None) -> None:
    if resolved_on is not None:
        raise DomainError(f"This challenge was resolved on {day(resolved_on)}: it is closed")


def ensure_can_respond(*, resolved_on: dt.date | None, stage_started_on: dt.date,
                       already_responded_on: dt.date | None, responded_on: dt.date,
                       today: dt.date, responder_is_addressee: bool,
                       addressee: str) -> None:
    ensure_open(resolved_on=resolved_on)
    if not responder_is_addressee:
        raise DomainError(f"This stage of the challenge is addressed to {addressee}: only they "
                          "can respond to it")
    if already_responded_on is not None:
        raise DomainError(f"This stage already has a response, given on "
                          f"{day(already_responded_on)}")
    _not_in_future(responded_on, today, "responded_on", "The date of the response")
    if responded_on < stage_started_on:
        raise DomainError(f"The response cannot be before the challenge reached this stage on "
                          f"{day(stage_started_on)}", field="responded_on")


def ensure_can_escalate(*, resolved_on: dt.date | None, stage: str, last_activity_on: dt.date,
                        escalated_on: dt.date, today: dt.date) -> Stage:
    """The next stage, if the challenge may move to it on `escalated_on`."""
    ensure_open(resolved_on=resolved_on)
    following = next_stage(stage)
    if following is None:
        raise DomainError(f"The challenge is at the last stage ({Stage(stage).label}): it "
                          "cannot be escalated further")
    _not_in_future(escalated_on, today, "escalated_on", "The date of the escalation")
    if escalated_on < last_activity_on:
        raise DomainError(f"The escalation cannot be before the current stage's last step on "
                          f"{day(last_activity_on)}", field="escalated_on")
    return following


def ensure_can_resolve(*, resolved_on: dt.date | None, last_activity_on: dt.date,
                       resolving_on: dt.date, today: dt.date) -> None:
    if resolved_on is not None:
        raise DomainError(f"This challenge was already resolved on {day(resolved_on)}")
    _not_in_future(resolving_on, today, "resolved_on", "The date it was resolved")
    if resolving_on < last_activity_on:
        raise DomainError(f"The challenge cannot be resolved before its last step on "
                          f"{day(last_activity_on)}", field="resolved_on")


def _not_in_future(value: dt.date, today: dt.date, field: str, what: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)


# ---- Quarters and the quarterly report -----------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    """A financial-year quarter, as the Quarterly Dispute Resolution Protocol Report counts them
    ("Quarter 4 (from 1/1/20-31/3/20)", seeds/003_e1469a924c65b786.txt line 481)."""

    start: dt.date

    @property
    def end(self) -> dt.date:
        following = dt.date(self.start.year + (self.start.month + 3 > 12),
                            (self.start.month + 2) % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def key(self) -> str:
        return f"{self.start:%Y-%m}"

    @property
    def label(self) -> str:
        year = self.start.year if self.start.month >= 4 else self.start.year - 1
        number = {4: 1, 7: 2, 10: 3, 1: 4}[self.start.month]
        return (f"{year}-{(year + 1) % 100:02d} quarter {number}: {day(self.start)} to "
                f"{day(self.end)}")

    def previous(self) -> "Quarter":
        month = self.start.month - 3
        return Quarter(dt.date(self.start.year - (month < 1), (month - 1) % 12 + 1, 1))


def quarter_of(value: dt.date) -> Quarter:
    return Quarter(dt.date(value.year, (value.month - 1) // 3 * 3 + 1, 1))


def quarter_from_key(key: str) -> Quarter | None:
    try:
        year, month = (int(part) for part in key.split("-"))
        start = dt.date(year, month, 1)
    except (AttributeError, TypeError, ValueError):
        return None
    return Quarter(start) if start.month in (1, 4, 7, 10) else None


@dataclass(frozen=True)
class StageFacts:
    stage: str
    started_on: dt.date
    response_due_on: dt.date
    responded_on: dt.date | None


@dataclass(frozen=True)
class ChallengeFacts:
    reason: str
    raised_on: dt.date
    resolved_on: dt.date | None
    stages: tuple[StageFacts, ...]

    @property
    def final_stage(self) -> str:
        return self.stages[-1].stage


@dataclass(frozen=True)
class QuarterFigures:
    raised: int
    started_by_reason: dict[str, dict[str, int]]  # reason -> stage -> stages started
    started_by_stage: dict[str, int]
    resolved: int
    resolved_informally: int
    responses_due: int
    responded_in_time: int
    open_at_end: int
    average_days_to_resolve: float | None

    @property
    def resolved_informally_percent(self) -> float | None:
        return _percent(self.resolved_informally, self.resolved)

    @property
    def responded_in_time_percent(self) -> float | None:
        return _percent(self.responded_in_time, self.responses_due)


def quarter_figures(challenges: Iterable[ChallengeFacts], quarter: Quarter) -> QuarterFigures:
    """The quarter's figures:
    - raised: challenges raised in the quarter;
    - stages started (raised or escalated into) in the quarter, by reason and by stage;
    - resolved at the informal stage: of challenges resolved in the quarter, those resolved
      without being escalated to a formal stage;
    - responded within the timeframe: of stages whose response fell due in the quarter, those
      answered on or before the due date (an unanswered one counts as late);
    - open at the quarter's end: raised by then and not resolved by then;
    - average days to resolve: calendar days from raised to resolved, of those resolved in it.
    """
    start, end = quarter.start, quarter.end
    within = lambda value: value is not None and start <= value <= end  # noqa: E731
    by_reason: dict[str, dict[str, int]] = {}
    by_stage: dict[str, int] = {}
    raised = resolved = informally = due = in_time = open_at_end = 0
    days_to_resolve: list[int] = []
    for challenge in challenges:
        raised += within(challenge.raised_on)
        if challenge.raised_on <= end and (challenge.resolved_on is None
                                           or challenge.resolved_on > end):
            open_at_end += 1
        if within(challenge.resolved_on):
            resolved += 1
            informally += challenge.final_stage == Stage.INFORMAL
            days_to_resolve.append((challenge.resolved_on - challenge.raised_on).days)
        for stage in challenge.stages:
            if within(stage.started_on):
                row = by_reason.setdefault(challenge.reason, {})
                row[stage.stage] = row.get(stage.stage, 0) + 1
                by_stage[stage.stage] = by_stage.get(stage.stage, 0) + 1
            if within(stage.response_due_on):
                due += 1
                in_time += (stage.responded_on is not None
                            and stage.responded_on <= stage.response_due_on)
    average = round(sum(days_to_resolve) / len(days_to_resolve), 1) if days_to_resolve else None
    return QuarterFigures(raised=raised, started_by_reason=by_reason, started_by_stage=by_stage,
                          resolved=resolved, resolved_informally=informally,
                          responses_due=due, responded_in_time=in_time,
                          open_at_end=open_at_end, average_days_to_resolve=average)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
