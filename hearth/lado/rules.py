"""Pure rules for allegations against people who work with children: the initial
consideration's due date, what may be recorded when, an allegation's status, and the yearly
figures. No ORM, settings or clock: dates, today and the calendar are arguments.

Timescales (TIMESCALES.md T80-T81): the LADO considers a referral within 1 working day of
receiving it (the day it arrives is day 0, ADR 5, so a referral on a Monday is due on the
Tuesday; one on a Saturday is due on the Monday). Referral to outcome is reported in calendar
days against the old Working Together bands (a month, three months, a year): an unverified
local convention for the annual report, not a statutory deadline.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from hearth.core.errors import DomainError
from hearth.lado.codes import Category, Outcome, Sector, Threshold
from hearth.workingdays.rules import WorkingDayCalendar

RULE_VERSION = "v1"
INITIAL_CONSIDERATION_WORKING_DAYS = 1
# Referral to outcome, calendar days: the bands LADO annual reports use (unverified, local).
OUTCOME_BANDS = ((30, "Within a month"), (91, "Within three months"),
                 (365, "Within twelve months"), (None, "Longer than twelve months"))

AWAITING, OPEN, OUTCOME, CLOSED = "awaiting", "open", "outcome", "closed"
STATUS_LABELS = {AWAITING: "Awaiting initial consideration", OPEN: "Open",
                 OUTCOME: "Outcome recorded", CLOSED: "Closed"}


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def due_rule() -> str:
    return f"LADO initial consideration {INITIAL_CONSIDERATION_WORKING_DAYS} WD {RULE_VERSION}"


def initial_consideration_due_on(*, received_on: dt.date,
                                 calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(received_on, INITIAL_CONSIDERATION_WORKING_DAYS)


def status_of(*, considered_on: dt.date | None, outcome: str, closed_on: dt.date | None) -> str:
    if closed_on is not None:
        return CLOSED
    if outcome:
        return OUTCOME
    if considered_on is not None:
        return OPEN
    return AWAITING


def is_consideration_overdue(*, due_on: dt.date, considered_on: dt.date | None,
                             today: dt.date) -> bool:
    return considered_on is None and due_on < today


def considered_in_time(*, due_on: dt.date, considered_on: dt.date | None) -> bool | None:
    """True within 1 working day, False after it, None while not yet considered."""
    if considered_on is None:
        return None
    return considered_on <= due_on


def _not_future(value: dt.date, today: dt.date, what: str, field: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)


def ensure_can_record(*, received_on: dt.date, today: dt.date, sector: str,
                      category: str) -> None:
    _not_future(received_on, today, "The date the referral was received", "received_on")
    if sector not in Sector.values:
        raise DomainError("Choose the sector the person works in", field="subject_sector")
    if category not in Category.values:
        raise DomainError("Choose the category of the allegation", field="category")


def ensure_can_change(*, received_on: dt.date, today: dt.date, considered_on: dt.date | None,
                      outcome_on: dt.date | None, closed_on: dt.date | None) -> None:
    if closed_on is not None:
        raise DomainError(f"This allegation was closed on {day(closed_on)}: it can no longer "
                          "be changed")
    _not_future(received_on, today, "The date the referral was received", "received_on")
    for when, what in ((considered_on, "initial consideration"), (outcome_on, "outcome")):
        if when is not None and received_on > when:
            raise DomainError(f"The referral cannot be after the {what} ({day(when)})",
                              field="received_on")


def ensure_can_consider(*, received_on: dt.date, already_on: dt.date | None,
                        closed_on: dt.date | None, considered_on: dt.date, threshold: str,
                        notes: str, today: dt.date) -> None:
    if closed_on is not None:
        raise DomainError(f"This allegation was closed on {day(closed_on)}")
    if already_on is not None:
        raise DomainError(f"The initial consideration was recorded on {day(already_on)}")
    _not_future(considered_on, today, "The date of the initial consideration", "considered_on")
    if considered_on < received_on:
        raise DomainError(f"The initial consideration cannot be before the referral was "
                          f"received ({day(received_on)})", field="considered_on")
    if threshold not in Threshold.values:
        raise DomainError("Choose the threshold decision", field="threshold")
    if not notes.strip():
        raise DomainError("Say what was considered and why", field="consideration_notes")


def ensure_can_record_meeting(*, received_on: dt.date, considered_on: dt.date | None,
                              closed_on: dt.date | None, held_on: dt.date,
                              today: dt.date) -> None:
    if closed_on is not None:
        raise DomainError(f"This allegation was closed on {day(closed_on)}")
    if considered_on is None:
        raise DomainError("Record the initial consideration first: it decides whether a "
                          "meeting is needed")
    _not_future(held_on, today, "The date of the meeting", "held_on")
    if held_on < received_on:
        raise DomainError(f"The meeting cannot be before the referral was received "
                          f"({day(received_on)})", field="held_on")


def ensure_can_record_outcome(*, received_on: dt.date, considered_on: dt.date | None,
                              already: str, closed_on: dt.date | None, outcome: str,
                              outcome_on: dt.date, to_professional_body: bool,
                              professional_body: str, today: dt.date) -> None:
    if closed_on is not None:
        raise DomainError(f"This allegation was closed on {day(closed_on)}")
    if considered_on is None:
        raise DomainError("Record the initial consideration before the outcome")
    if already:
        raise DomainError("The outcome was already recorded")
    if outcome not in Outcome.values:
        raise DomainError("Choose the outcome", field="outcome")
    _not_future(outcome_on, today, "The date of the outcome", "outcome_on")
    if outcome_on < considered_on:
        raise DomainError(f"The outcome cannot be before the initial consideration "
                          f"({day(considered_on)})", field="outcome_on")
    if outcome_on < received_on:
        raise DomainError("The outcome cannot be before the referral", field="outcome_on")
    if to_professional_body and not professional_body.strip():
        raise DomainError("Name the professional body the person was referred to",
                          field="professional_body")


def ensure_can_close(*, outcome: str, outcome_on: dt.date | None, closed_on: dt.date | None,
                     close_on: dt.date, today: dt.date) -> None:
    if closed_on is not None:
        raise DomainError(f"This allegation was already closed on {day(closed_on)}")
    if not outcome or outcome_on is None:
        raise DomainError("Record the outcome before closing the allegation")
    _not_future(close_on, today, "The close date", "closed_on")
    if close_on < outcome_on:
        raise DomainError(f"The close date cannot be before the outcome ({day(outcome_on)})",
                          field="closed_on")


# ---- The yearly figures (financial year, April to March) ---------------------------------


def financial_year_of(value: dt.date) -> int:
    return value.year if value.month >= 4 else value.year - 1


def financial_year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def outcome_band(*, received_on: dt.date, outcome_on: dt.date) -> str:
    days = (outcome_on - received_on).days
    for limit, label in OUTCOME_BANDS:
        if limit is None or days <= limit:
            return label
    raise AssertionError("the last band has no limit")  # pragma: no cover


@dataclass(frozen=True)
class AllegationFacts:
    received_on: dt.date
    due_on: dt.date
    considered_on: dt.date | None
    sector: str
    category: str
    outcome: str
    outcome_on: dt.date | None
    referred_to_dbs: bool = False
    referred_to_professional_body: bool = False


@dataclass
class YearFigures:
    year: int
    referrals: int = 0
    by_sector: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    considered: int = 0
    considered_in_time: int = 0
    awaiting: int = 0
    outcomes: int = 0
    by_outcome: Counter = field(default_factory=Counter)
    outcome_bands: Counter = field(default_factory=Counter)
    outcome_days: list[int] = field(default_factory=list)
    to_dbs: int = 0
    to_professional_body: int = 0

    @property
    def label(self) -> str:
        return financial_year_label(self.year)

    @property
    def in_time_percent(self) -> float | None:
        return round(100 * self.considered_in_time / self.considered, 1) if self.considered \
            else None

    @property
    def median_days_to_outcome(self) -> float | None:
        days = sorted(self.outcome_days)
        if not days:
            return None
        middle = len(days) // 2
        return float(days[middle]) if len(days) % 2 else (days[middle - 1] + days[middle]) / 2


def year_figures(facts: Iterable[AllegationFacts], *, year: int) -> YearFigures:
    """Referrals received in the year by sector and category, with the timeliness of their
    initial consideration; outcomes reached in the year by category of outcome, with the time
    from referral to outcome, and the referrals on to the DBS and professional bodies."""
    first, last = year_range(year)
    figures = YearFigures(year=year)
    for fact in facts:
        if first <= fact.received_on <= last:
            figures.referrals += 1
            figures.by_sector[fact.sector] += 1
            figures.by_category[fact.category] += 1
            if fact.considered_on is None:
                figures.awaiting += 1
            else:
                figures.considered += 1
                figures.considered_in_time += bool(considered_in_time(
                    due_on=fact.due_on, considered_on=fact.considered_on))
        if fact.outcome and fact.outcome_on and first <= fact.outcome_on <= last:
            figures.outcomes += 1
            figures.by_outcome[fact.outcome] += 1
            figures.outcome_bands[outcome_band(received_on=fact.received_on,
                                               outcome_on=fact.outcome_on)] += 1
            figures.outcome_days.append((fact.outcome_on - fact.received_on).days)
            figures.to_dbs += fact.referred_to_dbs
            figures.to_professional_body += fact.referred_to_professional_body
    return figures
