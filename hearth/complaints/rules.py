"""Pure rules for complaints: response deadlines and extensions at each stage, what may be
recorded when, the reminder points, and the figures of the timeliness report. No ORM, settings
or clock: dates, today and the calendar are arguments.

Timescales (TIMESCALES.md T82-T84; GOVERNANCE.md section 4.1): counted in working days on the
England and Wales calendar (hearth.workingdays), the day the complaint or request arrives is
day 0 (ADR 5).

| Stage | Clock starts | Due | Extendable to |
|---|---|---|---|
| 1 local resolution | complaint received | 10 WD | 20 WD (SI 2006/1738 reg 14) |
| 2 investigation | stage 2 requested | 25 WD | 65 WD (complex complaints) |
| 3 review panel | stage 3 requested | panel meets within 30 WD | not extendable |
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from hearth.complaints.codes import Outcome, Stage
from hearth.core.errors import DomainError
from hearth.workingdays.rules import WorkingDayCalendar

RULE_VERSION = "v1"
STANDARD_WORKING_DAYS = {Stage.LOCAL_RESOLUTION: 10, Stage.INVESTIGATION: 25,
                         Stage.REVIEW_PANEL: 30}
LONGEST_WORKING_DAYS = {Stage.LOCAL_RESOLUTION: 20, Stage.INVESTIGATION: 65,
                        Stage.REVIEW_PANEL: 30}
# The seeds ask that reasons for lateness be real reasons, "not a tick box exercise"
# (seeds/003_e1469a924c65b786.txt line 153): a reason shorter than this is refused.
SHORTEST_LATENESS_REASON = 20

# Reminders (TIMESCALES.md T86: "four reminders before the due date and four after", spacing
# not given, a LOCAL DEFAULT): working days relative to the due date. Negative: before it.
REMINDER_POINTS = (-5, -3, -2, -1, 1, 3, 5, 10)


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def due_rule(stage: int) -> str:
    return f"Complaint stage {int(stage)} response {STANDARD_WORKING_DAYS[Stage(stage)]} WD " \
           f"{RULE_VERSION}"


def response_due_on(*, stage: int, requested_on: dt.date,
                    calendar: WorkingDayCalendar) -> dt.date:
    """The standard due date: the Nth working day after the complaint or request arrived."""
    return calendar.add_working_days(requested_on, STANDARD_WORKING_DAYS[Stage(stage)])


def latest_due_on(*, stage: int, requested_on: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    """The furthest an extension may move the due date."""
    return calendar.add_working_days(requested_on, LONGEST_WORKING_DAYS[Stage(stage)])


def can_extend(stage: int) -> bool:
    return LONGEST_WORKING_DAYS[Stage(stage)] > STANDARD_WORKING_DAYS[Stage(stage)]


def next_stage(stage: int) -> Stage | None:
    return Stage(stage + 1) if stage + 1 in Stage.values else None


def is_late(*, responded_on: dt.date, due_on: dt.date) -> bool:
    return responded_on > due_on


def ensure_can_record(*, received_on: dt.date, today: dt.date) -> None:
    _not_in_future(received_on, today, "received_on", "The date the complaint was received")


def ensure_can_extend(*, stage: int, requested_on: dt.date, standard_due_on: dt.date,
                      extended_on: dt.date | None, responded_on: dt.date | None,
                      new_due_on: dt.date, agreed_on: dt.date, reason: str, today: dt.date,
                      calendar: WorkingDayCalendar) -> None:
    label = Stage(stage).label
    if not can_extend(stage):
        raise DomainError(f"{label}: the panel must meet within "
                          f"{STANDARD_WORKING_DAYS[Stage(stage)]} working days and cannot be "
                          "extended")
    if responded_on is not None:
        raise DomainError(f"This stage was answered on {day(responded_on)}: it cannot be "
                          "extended")
    if extended_on is not None:
        raise DomainError(f"This stage was already extended on {day(extended_on)}")
    _not_in_future(agreed_on, today, "agreed_on", "The date the extension was agreed")
    if agreed_on < requested_on:
        raise DomainError(f"The extension cannot be agreed before the stage started on "
                          f"{day(requested_on)}", field="agreed_on")
    longest = latest_due_on(stage=stage, requested_on=requested_on, calendar=calendar)
    if new_due_on <= standard_due_on:
        raise DomainError(f"The new due date must be after {day(standard_due_on)}",
                          field="new_due_on")
    if new_due_on > longest:
        raise DomainError(f"{label} can be extended to {LONGEST_WORKING_DAYS[Stage(stage)]} "
                          f"working days at most: {day(longest)}", field="new_due_on")
    if not calendar.is_working_day(new_due_on):
        raise DomainError("The new due date must be a working day", field="new_due_on")
    if not reason.strip():
        raise DomainError("Give the reason for the extension", field="reason")


def ensure_can_respond(*, requested_on: dt.date, due_on: dt.date,
                       already_responded_on: dt.date | None, responded_on: dt.date,
                       outcome: str, lateness_reason: str, today: dt.date) -> None:
    if already_responded_on is not None:
        raise DomainError(f"This stage already has a response, given on "
                          f"{day(already_responded_on)}")
    _not_in_future(responded_on, today, "responded_on", "The date of the response")
    if responded_on < requested_on:
        raise DomainError(f"The response cannot be before the stage started on "
                          f"{day(requested_on)}", field="responded_on")
    if outcome == Outcome.WITHDRAWN or not is_late(responded_on=responded_on, due_on=due_on):
        return
    if not lateness_reason.strip():
        raise DomainError(f"The response was due on {day(due_on)}: give the reason it was late",
                          field="lateness_reason")
    ensure_valid_lateness_reason(lateness_reason)


def ensure_valid_lateness_reason(reason: str) -> None:
    if not reason.strip():
        raise DomainError("Give the reason the response was late", field="lateness_reason")
    if len(reason.strip()) < SHORTEST_LATENESS_REASON:
        raise DomainError("Explain the reason for the delay in a sentence or more: what held "
                          "the response up", field="lateness_reason")


def ensure_can_check_reason(*, lateness_reason: str, reason_accepted: bool | None,
                            checker_gave_it: bool, accepted: bool, note: str) -> None:
    """The complaints team checks each reason for lateness; one they send back comes again
    when the manager amends it."""
    if not lateness_reason:
        raise DomainError("This response was in time: there is no reason for lateness to check")
    if reason_accepted:
        raise DomainError("This reason was already checked and accepted")
    if checker_gave_it:
        raise DomainError("You gave this reason: someone else in the complaints team checks it")
    if not accepted and not note.strip():
        raise DomainError("Say what the reason is missing, for the manager", field="note")


def ensure_can_amend_reason(*, reason_accepted: bool | None, lateness_reason: str) -> None:
    if reason_accepted is not False:
        raise DomainError("Only a reason the complaints team sent back can be changed")
    ensure_valid_lateness_reason(lateness_reason)


def ensure_can_escalate(*, stage: int, responded_on: dt.date | None, outcome: str,
                        requested_on: dt.date, today: dt.date) -> Stage:
    """The next stage, if the complainant may ask for it on `requested_on`."""
    following = next_stage(stage)
    if following is None:
        raise DomainError("Stage 3 is the last stage of the procedure: after it the "
                          "complainant may go to the Local Government and Social Care Ombudsman")
    if responded_on is None:
        raise DomainError(f"{Stage(stage).label} has not been answered yet: record its response "
                          "first")
    if outcome == Outcome.WITHDRAWN:
        raise DomainError("The complaint was withdrawn: it cannot go to the next stage")
    _not_in_future(requested_on, today, "requested_on", "The date of the request")
    if requested_on < responded_on:
        raise DomainError(f"The request cannot be before the {Stage(stage).label.lower()} "
                          f"response on {day(responded_on)}", field="requested_on")
    return following


def ensure_can_record_learning(*, responded_on: dt.date | None, action: str,
                               action_due_on: dt.date | None) -> None:
    if responded_on is None:
        raise DomainError("Record the response first: the learning form goes with it")
    if action.strip() and action_due_on is None:
        raise DomainError("Enter the date the action is due", field="action_due_on")
    if action_due_on is not None and not action.strip():
        raise DomainError("Say what the action is", field="action")
    if action_due_on is not None and action_due_on < responded_on:
        raise DomainError(f"The action cannot be due before the response on "
                          f"{day(responded_on)}", field="action_due_on")


def ensure_can_record_feedback(*, received_on: dt.date, today: dt.date) -> None:
    _not_in_future(received_on, today, "received_on", "The date it was received")


def _not_in_future(value: dt.date, today: dt.date, field_name: str, what: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field_name)


# ---- Reminders -----------------------------------------------------------------------------


def reminder_send_on(*, due_on: dt.date, point: int, calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(due_on, point)


def reminder_point_due(*, due_on: dt.date, today: dt.date,
                       calendar: WorkingDayCalendar) -> int | None:
    """The reminder point to send today for a response due on `due_on`: the latest point whose
    day has come. A run missed for a few days sends the latest point only, never a pile of
    stale ones; after the last point nothing more is sent."""
    due_points = [p for p in REMINDER_POINTS
                  if reminder_send_on(due_on=due_on, point=p, calendar=calendar) <= today]
    return due_points[-1] if due_points else None


@dataclass(frozen=True)
class ReminderText:
    subject: str
    body: str


def reminder_text(*, point: int, reference: str, stage: int, due_on: dt.date,
                  link: str) -> ReminderText:
    label = Stage(stage).label
    if point < 0:
        days = -point
        subject = f"Complaint {reference}: {label.lower()} response due in {days} working " \
                  f"day{'s' if days != 1 else ''}"
        body = (f"The {label.lower()} response to complaint {reference} is due on "
                f"{day(due_on)}, in {days} working day{'s' if days != 1 else ''}.\n\n"
                f"Record the response, its outcome and the learning form: {link}")
    else:
        subject = f"Complaint {reference}: {label.lower()} response overdue by {point} " \
                  f"working day{'s' if point != 1 else ''}"
        body = (f"The {label.lower()} response to complaint {reference} was due on "
                f"{day(due_on)} and has not been recorded.\n\n"
                "Send the response as soon as you can and record it with the reason for the "
                f"delay: {link}")
    return ReminderText(subject, body)


# ---- Financial quarters and the report -----------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    """A quarter of the financial year (1 April to 31 March), as the annual complaints report
    and the council's quarterly performance reports count them."""

    year: int  # the financial year's first calendar year: 2025 for 2025-26
    number: int  # 1: April to June ... 4: January to March

    @property
    def start(self) -> dt.date:
        month = 4 + 3 * (self.number - 1)
        return dt.date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> dt.date:
        following = Quarter(self.year + (self.number == 4), self.number % 4 + 1).start
        return following - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"Q{self.number} {financial_year_label(self.year)}"


def financial_year_of(value: dt.date) -> int:
    return value.year if value.month >= 4 else value.year - 1


def financial_year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def quarter_of(value: dt.date) -> Quarter:
    year = financial_year_of(value)
    return Quarter(year, (value.month - 4) % 12 // 3 + 1)


def quarters_of_year(year: int) -> list[Quarter]:
    return [Quarter(year, n) for n in (1, 2, 3, 4)]


@dataclass(frozen=True)
class StageFacts:
    stage: int
    requested_on: dt.date
    standard_due_on: dt.date
    due_on: dt.date
    responded_on: dt.date | None
    outcome: str
    themes: tuple[str, ...] = ()


@dataclass
class Timeliness:
    responded: int = 0
    in_time: int = 0
    within_standard: int = 0
    extended: int = 0

    @property
    def in_time_percent(self) -> float | None:
        return _percent(self.in_time, self.responded)

    @property
    def within_standard_percent(self) -> float | None:
        return _percent(self.within_standard, self.responded)


@dataclass
class YearFigures:
    timeliness: dict[tuple[int, int], Timeliness] = field(default_factory=dict)  # stage, Q
    outcomes: dict[int, Counter] = field(default_factory=dict)  # stage -> outcome -> n
    themes: Counter = field(default_factory=Counter)  # complaints received, by theme
    upheld_themes: Counter = field(default_factory=Counter)  # upheld or partly, by theme
    received: int = 0

    def cell(self, stage: int, quarter: int) -> Timeliness:
        return self.timeliness.get((stage, quarter), Timeliness())

    def year_total(self, stage: int) -> Timeliness:
        total = Timeliness()
        for quarter in (1, 2, 3, 4):
            cell = self.cell(stage, quarter)
            total.responded += cell.responded
            total.in_time += cell.in_time
            total.within_standard += cell.within_standard
            total.extended += cell.extended
        return total


UPHELD = (Outcome.UPHELD, Outcome.PARTLY_UPHELD)


def year_figures(stages: Iterable[StageFacts], *, year: int) -> YearFigures:
    """The financial year's figures:
    - timeliness by stage and quarter: responses given in the quarter (withdrawals left out:
      nothing was answered), those on or before the due date with any agreed extension
      ("in time"), and those within the standard timescale (10, 25 or 30 working days);
    - outcomes by stage, of responses given in the year (withdrawals included);
    - themes of the complaints received in the year (stage 1 started in it), and of those whose
      stage 1 was upheld or partly upheld.
    """
    figures = YearFigures()
    first, last = quarters_of_year(year)[0].start, quarters_of_year(year)[3].end
    for facts in stages:
        if facts.stage == Stage.LOCAL_RESOLUTION and first <= facts.requested_on <= last:
            figures.received += 1
            figures.themes.update(facts.themes)
        if facts.responded_on is None or not first <= facts.responded_on <= last:
            continue
        figures.outcomes.setdefault(facts.stage, Counter())[facts.outcome] += 1
        if facts.stage == Stage.LOCAL_RESOLUTION and facts.outcome in UPHELD:
            figures.upheld_themes.update(facts.themes)
        if facts.outcome == Outcome.WITHDRAWN:
            continue
        cell = figures.timeliness.setdefault(
            (facts.stage, quarter_of(facts.responded_on).number), Timeliness())
        cell.responded += 1
        cell.in_time += facts.responded_on <= facts.due_on
        cell.within_standard += facts.responded_on <= facts.standard_due_on
        cell.extended += facts.due_on != facts.standard_due_on
    return figures


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
