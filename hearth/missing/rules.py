"""Pure rules for missing episodes and return home interviews. No ORM, settings or clock:
moments, now and the other episodes' times are arguments.

The return home interview clock is counted in elapsed hours (T39: "within 72 hours", not 3
working days), with aware datetimes, so it lasts 72 real hours across a change to or from
British Summer Time (hearth.workingdays.rules.add_hours). The due date shown on worklists is
the London date of that moment.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from hearth.core.errors import DomainError
from hearth.missing.codes import InterviewOutcome, Risk
from hearth.workingdays.rules import LONDON, add_hours

# T39: a return home interview is offered and held within 72 hours of the child's return
# (statutory guidance on children who run away or go missing from home or care, 2014).
INTERVIEW_WITHIN_HOURS = 72
# T40: the Missing Service offers three appointments before recording the interview as
# declined (a local standard: seeds/000_4c00c84da207e536.txt lines 2193-2194).
MAX_INTERVIEW_OFFERS = 3


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


def moment(value: dt.datetime) -> str:
    """A moment in London time as GOV.UK writes it: 7 May 2026 at 14:30."""
    local = value.astimezone(LONDON)
    return f"{day(local.date())} at {local:%H:%M}"


def utc(value: dt.datetime) -> dt.datetime:
    """Compare moments in UTC: Python compares two datetimes with the same time zone by their
    wall-clock times, which is wrong in the hour the clocks go back."""
    return value.astimezone(dt.UTC)


def london_date(value: dt.datetime) -> dt.date:
    return value.astimezone(LONDON).date()


def london_moment(on: dt.date, at: dt.time) -> dt.datetime:
    """A date and a time typed in London as one aware moment. A time the clocks skipped (the
    hour after 1am on the last Sunday of March) is refused; a time that happened twice (the
    hour after 1am on the last Sunday of October) is the first, in British Summer Time."""
    value = dt.datetime.combine(on, at).replace(tzinfo=LONDON)
    if value.astimezone(dt.UTC).astimezone(LONDON).replace(tzinfo=None) != value.replace(
            tzinfo=None):
        raise ValueError(f"{at:%H:%M} did not happen on {day(on)}: the clocks went forward "
                         "an hour at 1am")
    return value


def interview_due_at(returned_at: dt.datetime) -> dt.datetime:
    """When the return home interview is due: 72 elapsed hours after the return (T39)."""
    return add_hours(returned_at, INTERVIEW_WITHIN_HOURS)


def interview_rule() -> str:
    return f"RHI within {INTERVIEW_WITHIN_HOURS} hours v1"


def in_time(done_at: dt.datetime | None, due_at: dt.datetime | None) -> bool | None:
    """Done at or before the due moment (exactly 72 hours is in time); None if not done."""
    if done_at is None or due_at is None:
        return None
    return utc(done_at) <= utc(due_at)


# ---- Episodes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Another episode of the same child, for the overlap checks."""

    started_at: dt.datetime
    returned_at: dt.datetime | None
    id: int | None = None

    def overlaps(self, start: dt.datetime, end: dt.datetime | None) -> bool:
        """Open ends run on for ever. Touching (a return at the moment the next one starts)
        is not an overlap."""
        return ((end is None or utc(self.started_at) < utc(end))
                and (self.returned_at is None or utc(start) < utc(self.returned_at)))

    def covers(self, moment_: dt.datetime) -> bool:
        return utc(self.started_at) <= utc(moment_) and (
            self.returned_at is None or utc(moment_) <= utc(self.returned_at))


def ensure_episode_fits(*, started_at: dt.datetime, returned_at: dt.datetime | None,
                        now: dt.datetime, others: Iterable[Span]) -> None:
    """Nothing in the future, a return not before the start, one open episode per child and no
    episode overlapping another of the same child."""
    _not_in_future(started_at, now, "started_at", "The time they went missing")
    if returned_at is not None:
        ensure_return_fits(started_at=started_at, returned_at=returned_at, now=now)
    for other in others:
        if other.returned_at is None and returned_at is None:
            raise DomainError(f"The child already has an open missing episode, from "
                              f"{moment(other.started_at)}: record their return first")
        if other.overlaps(started_at, returned_at):
            raise DomainError(f"This episode overlaps the one {_span_text(other)}: check the "
                              "times, or record the return of that one", field="started_at")


def ensure_return_fits(*, started_at: dt.datetime, returned_at: dt.datetime,
                       now: dt.datetime) -> None:
    _not_in_future(returned_at, now, "returned_at", "The time they returned")
    if utc(returned_at) < utc(started_at):
        raise DomainError(f"The return cannot be before the start on {moment(started_at)}",
                          field="returned_at")


def ensure_known_risks(codes: Iterable[str], *, field: str) -> list[str]:
    """The risk codes, each once, in the order given; an unknown one is refused."""
    chosen = list(dict.fromkeys(codes))
    unknown = [code for code in chosen if code not in Risk.values]
    if unknown:
        raise DomainError(f"Unknown risk codes: {', '.join(unknown)}", field=field)
    return chosen


def episode_for_police_notification(*, reported_at: dt.datetime,
                                    episodes: Iterable[Span]) -> Span | None:
    """The episode a police notification belongs to: the one covering the time the child was
    reported missing, else the open one (a new episode would run into it). None: a new one."""
    spans = list(episodes)
    covering = next((s for s in spans if s.covers(reported_at)), None)
    return covering or next((s for s in spans if s.returned_at is None), None)


def _span_text(span: Span) -> str:
    if span.returned_at is None:
        return f"open since {moment(span.started_at)}"
    return f"from {moment(span.started_at)} to {moment(span.returned_at)}"


# ---- Return home interviews -----------------------------------------------------------------


def ensure_offer_fits(*, returned_at: dt.datetime | None, offered_at: dt.datetime,
                      now: dt.datetime, offers_made: int, outcome: str | None) -> None:
    _ensure_interview_open(returned_at, outcome)
    if offers_made >= MAX_INTERVIEW_OFFERS:
        raise DomainError(f"{MAX_INTERVIEW_OFFERS} offers have been made: record the interview, "
                          f"or record it as declined after {MAX_INTERVIEW_OFFERS} offers")
    _not_in_future(offered_at, now, "offered_at", "The time of the offer")
    if utc(offered_at) < utc(returned_at):
        raise DomainError(f"An interview cannot be offered before the child returned on "
                          f"{moment(returned_at)}", field="offered_at")


def ensure_interview_held_fits(*, returned_at: dt.datetime | None, held_at: dt.datetime,
                               now: dt.datetime, outcome: str | None) -> None:
    _ensure_interview_open(returned_at, outcome)
    _not_in_future(held_at, now, "held_at", "The time of the interview")
    if utc(held_at) < utc(returned_at):
        raise DomainError(f"The interview cannot be before the child returned on "
                          f"{moment(returned_at)}", field="held_at")


def decline_outcome(*, returned_at: dt.datetime | None, declined_on: dt.date, today: dt.date,
                    offers_made: int, outcome: str | None) -> InterviewOutcome:
    """Declined is recorded only after an offer; after the last of the offers it is recorded
    as "declined after 3 offers" (T40)."""
    _ensure_interview_open(returned_at, outcome)
    if offers_made == 0:
        raise DomainError("An interview can be recorded as declined only after it was offered: "
                          "record the offer first")
    if declined_on > today:
        raise DomainError("The date it was declined must be today or in the past",
                          field="declined_on")
    if declined_on < london_date(returned_at):
        raise DomainError(f"It cannot be declined before the child returned on "
                          f"{day(london_date(returned_at))}", field="declined_on")
    if offers_made >= MAX_INTERVIEW_OFFERS:
        return InterviewOutcome.DECLINED_AFTER_OFFERS
    return InterviewOutcome.DECLINED


def _ensure_interview_open(returned_at: dt.datetime | None, outcome: str | None) -> None:
    if returned_at is None:
        raise DomainError("The child has not returned yet: record their return first")
    if outcome is not None:
        label = InterviewOutcome(outcome).label.lower()
        raise DomainError(f"The return home interview was already recorded ({label})")


def _not_in_future(value: dt.datetime, now: dt.datetime, field: str, what: str) -> None:
    if utc(value) > utc(now):
        raise DomainError(f"{what} must be now or in the past", field=field)


class InterviewStatus(StrEnum):
    NOT_RETURNED = "not_returned"
    DUE = "due"
    OVERDUE = "overdue"
    HELD_IN_TIME = "held_in_time"
    HELD_LATE = "held_late"
    DECLINED = "declined"
    DECLINED_AFTER_OFFERS = "declined_after_offers"

    @property
    def label(self) -> str:
        return {
            "not_returned": "Not returned yet",
            "due": "Due",
            "overdue": "Overdue",
            "held_in_time": f"Held within {INTERVIEW_WITHIN_HOURS} hours",
            "held_late": f"Held after {INTERVIEW_WITHIN_HOURS} hours",
            "declined": "Declined",
            "declined_after_offers": f"Declined after {MAX_INTERVIEW_OFFERS} offers",
        }[self.value]

    @property
    def tag_colour(self) -> str:
        return {"overdue": "red", "held_late": "orange", "due": "blue",
                "held_in_time": "green", "not_returned": "grey"}.get(self.value, "grey")


def interview_status(*, due_at: dt.datetime | None, outcome: str | None,
                     held_at: dt.datetime | None, now: dt.datetime) -> InterviewStatus:
    """Derived, never stored: overdue once the 72 hours have passed without an interview."""
    if outcome == InterviewOutcome.HELD:
        held_in_time = in_time(held_at, due_at)
        return InterviewStatus.HELD_IN_TIME if held_in_time else InterviewStatus.HELD_LATE
    if outcome is not None:
        return InterviewStatus(outcome)
    if due_at is None:
        return InterviewStatus.NOT_RETURNED
    return InterviewStatus.OVERDUE if utc(now) > utc(due_at) else InterviewStatus.DUE


# ---- The missing children report ------------------------------------------------------------


@dataclass(frozen=True)
class EpisodeFacts:
    """What the report needs of one episode (read by hearth.missing.reports)."""

    child_id: int
    team_id: int | None
    due_at: dt.datetime | None  # None until the child returns
    first_offer_at: dt.datetime | None
    outcome: str | None
    held_at: dt.datetime | None

    @property
    def offered(self) -> bool:
        """An offer was recorded, or the interview was held (which needs one to be made)."""
        return self.first_offer_at is not None or self.outcome == InterviewOutcome.HELD

    @property
    def offered_in_time(self) -> bool:
        first = min((utc(t) for t in (self.first_offer_at, self.held_at) if t is not None),
                    default=None)
        return bool(in_time(first, self.due_at))


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class Figures:
    """Counts for one team (or all), with the percentages the KPIs ask for (KPIS.md 9)."""

    team_id: int | None
    episodes: int = 0
    children: int = 0
    returned: int = 0
    offered: int = 0
    offered_in_time: int = 0
    held: int = 0
    held_in_time: int = 0
    declined: int = 0

    @property
    def offered_in_time_percent(self) -> float | None:
        """H-MX-01 with T39: offered within 72 hours / children returned (episodes)."""
        return _percent(self.offered_in_time, self.returned)

    @property
    def held_percent(self) -> float | None:
        """H-MX-02: held / offered."""
        return _percent(self.held, self.offered)

    @property
    def held_in_time_percent(self) -> float | None:
        """H-MX-03: held within 72 hours / held."""
        return _percent(self.held_in_time, self.held)

    @property
    def declined_percent(self) -> float | None:
        """Declined (including after 3 offers) / offered."""
        return _percent(self.declined, self.offered)


def figures_for(team_id: int | None, episodes: list[EpisodeFacts]) -> Figures:
    held = [e for e in episodes if e.outcome == InterviewOutcome.HELD]
    return Figures(
        team_id=team_id, episodes=len(episodes),
        children=len({e.child_id for e in episodes}),
        returned=sum(1 for e in episodes if e.due_at is not None),
        offered=sum(1 for e in episodes if e.offered),
        offered_in_time=sum(1 for e in episodes if e.offered_in_time),
        held=len(held), held_in_time=sum(1 for e in held if in_time(e.held_at, e.due_at)),
        declined=sum(1 for e in episodes if e.outcome in (
            InterviewOutcome.DECLINED, InterviewOutcome.DECLINED_AFTER_OFFERS)))


def figures_by_team(episodes: Iterable[EpisodeFacts]) -> tuple[list[Figures], Figures]:
    """One row per team that held a child when an episode started (None: not allocated), and
    the total. A child who moved team counts once in each team, once in the total."""
    rows = list(episodes)
    teams: dict[int | None, list[EpisodeFacts]] = {}
    for row in rows:
        teams.setdefault(row.team_id, []).append(row)
    return ([figures_for(team_id, found) for team_id, found in teams.items()],
            figures_for(None, rows))
