"""Pure rules for committee work and the improvement plan: the municipal year and minute
numbering, a tracker action's age and when it is next chased, and an improvement action's RAG.
No database: the services and selectors pass in what the rules need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hearth.core.errors import DomainError
from hearth.governance.codes import ActionStatus, Rag, TrackerStatus

# The municipal year runs from the council's annual meeting in May: minute numbers continue
# from May to April (17 in September 2023, 36-45 in January 2024,
# seeds/001_e8ea781e93d1811d.txt lines 113-277 and 284).
MUNICIPAL_YEAR_STARTS_MONTH = 5
# An overdue tracker action is chased on the working day after it fell due, then every five
# working days until it is closed (the seed's action waited four months without a chase,
# seeds/001_e8ea781e93d1811d.txt lines 151 and 160: REQUIREMENTS.md P17).
CHASE_EVERY_WORKING_DAYS = 5
# An improvement action not started with this many working days or fewer left is amber.
DUE_SOON_WORKING_DAYS = 20


def day(value: dt.date | None) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def municipal_year_of(held_on: dt.date, *, starts_month: int = MUNICIPAL_YEAR_STARTS_MONTH
                      ) -> int:
    """The year the municipal year starts in: 2023 for a meeting in January 2024."""
    return held_on.year if held_on.month >= starts_month else held_on.year - 1


def municipal_year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def next_minute_number(numbers_this_year: Iterable[int]) -> int:
    numbers = list(numbers_this_year)
    return max(numbers) + 1 if numbers else 1


def ensure_can_minute(*, held_on: dt.date, later_meetings_minuted: Iterable[dt.date],
                      today: dt.date) -> None:
    """Minutes are numbered in meeting order: once a later meeting of the same municipal year
    has minutes, an earlier one cannot take new numbers (they would run backwards)."""
    if held_on > today:
        raise DomainError("Minutes can be recorded only once the meeting has taken place")
    later = sorted(later_meetings_minuted)
    if later:
        raise DomainError(f"The meeting on {day(later[0])} already has minutes: minute numbers "
                          "follow the order of the meetings in the municipal year")


def next_resolution_number(numbers: Iterable[int]) -> int:
    return next_minute_number(numbers)


def tracker_reference(minute_number: int, resolution_number: int) -> str:
    """As the tracker prints it: 'Minute No. 17 Resolution (2)'."""
    return f"Minute No. {minute_number} Resolution ({resolution_number})"


def days_open(*, raised_on: dt.date, closed_on: dt.date | None, today: dt.date) -> int:
    """A tracker action's age in calendar days, from the meeting that raised it until it was
    closed (or today)."""
    return max(0, ((closed_on or today) - raised_on).days)


def age_text(days: int) -> str:
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{days} days (about {round(days / 30.44)} months)"


def ensure_due_on(*, raised_on: dt.date, due_on: dt.date) -> None:
    if due_on < raised_on:
        raise DomainError("The response date must be on or after the meeting", field="due_on")


def is_overdue(*, status: str, due_on: dt.date, today: dt.date) -> bool:
    return status != TrackerStatus.CLOSED and due_on < today


def next_chase_on(*, due_on: dt.date, last_chased_on: dt.date | None, calendar) -> dt.date:
    """The working day after it fell due; after a chase, five working days on."""
    if last_chased_on is None or last_chased_on < due_on:
        return calendar.add_working_days(due_on, 1)
    return calendar.add_working_days(last_chased_on, CHASE_EVERY_WORKING_DAYS)


def needs_chasing(*, status: str, due_on: dt.date, last_chased_on: dt.date | None,
                  today: dt.date, calendar) -> bool:
    if status == TrackerStatus.CLOSED:
        return False
    return today >= next_chase_on(due_on=due_on, last_chased_on=last_chased_on,
                                  calendar=calendar)


def ensure_can_update(*, status: str, new_status: str, on: dt.date, raised_on: dt.date,
                      today: dt.date, note: str) -> None:
    if status == TrackerStatus.CLOSED:
        raise DomainError("This action is closed")
    if on > today:
        raise DomainError("The date cannot be in the future", field="on")
    if on < raised_on:
        raise DomainError("The date cannot be before the meeting that raised the action",
                          field="on")
    if new_status == TrackerStatus.CLOSED and not note.strip():
        raise DomainError("Say how the action was answered before closing it", field="note")


def rag(*, status: str, due_on: dt.date, today: dt.date, calendar) -> str:
    """An improvement action's RAG from its status and dates:

    - complete: Complete (shown blue, as boards' BRAG ratings do);
    - past its due date and not complete, or off track: Red;
    - at risk, or not started with 20 working days or fewer left: Amber;
    - otherwise (on track, or not started with time in hand): Green.
    """
    if status == ActionStatus.COMPLETE:
        return Rag.COMPLETE
    if due_on < today or status == ActionStatus.OFF_TRACK:
        return Rag.RED
    if status == ActionStatus.AT_RISK:
        return Rag.AMBER
    if status == ActionStatus.NOT_STARTED and calendar.working_days_between(
            today, due_on) <= DUE_SOON_WORKING_DAYS:
        return Rag.AMBER
    return Rag.GREEN


def ensure_action_update(*, status: str, completed_on: dt.date | None, evidence: str,
                         today: dt.date) -> None:
    if status == ActionStatus.COMPLETE:
        if completed_on is None:
            raise DomainError("Enter the date the action was completed", field="completed_on")
        if not evidence.strip():
            raise DomainError("Give the evidence of impact before marking the action complete",
                              field="evidence")
    elif completed_on is not None:
        raise DomainError("Only a complete action has a completion date", field="completed_on")
    if completed_on and completed_on > today:
        raise DomainError("The completion date cannot be in the future", field="completed_on")


def target_on(steps: Iterable[tuple[dt.date, object]], day_: dt.date):
    """The stepped target that applies on a day: the latest step whose date has come, or the
    first step still ahead (the one being worked towards)."""
    ordered = sorted(steps, key=lambda step: step[0])
    reached = [step for step in ordered if step[0] <= day_]
    if reached:
        return reached[-1]
    return ordered[0] if ordered else None


def ensure_date_range(*, starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on <= starts_on:
        raise DomainError("The plan must end after it starts", field="ends_on")
