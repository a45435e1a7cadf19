"""Pure rules for the front door: the contact decision clock, re-referrals, episodes of need and
their closure. No ORM, settings or clock: dates, `now` and the calendar are arguments."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from hearth.core.errors import DomainError
from hearth.frontdoor.codes import Consent, ContactDecision, PrimaryNeed, Rag, ReasonForClosure
from hearth.workingdays.rules import LONDON, WorkingDayCalendar, add_months

CONTACT_DECISION_WORKING_DAYS = 1  # Working Together 2023; TIMESCALES.md T01
CONTACT_DECISION_RULE = "T01 v1"
RE_REFERRAL_MONTHS = 12  # DfE re-referral definition; TIMESCALES.md T03
UNRATED = "unrated"  # the queue filter for contacts not rated yet

DECISIONS_THAT_OPEN_AN_EPISODE = frozenset({ContactDecision.REFERRAL,
                                            ContactDecision.STRATEGY_DISCUSSION})
CLOSED_AFTER_ASSESSMENT = frozenset({ReasonForClosure.RC8, ReasonForClosure.RC9})

Key = TypeVar("Key")


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 April 2026."""
    return f"{value.day} {value:%B %Y}"


# ---- The contact decision clock (T01) --------------------------------------------------------


def contact_decision_due_on(*, received_on: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    """The decision is due by the end of the first working day after the day of receipt.

    A contact received on a Saturday or a bank holiday is due on the next working day but one
    after it (Saturday -> Monday is day 1), by the counting convention of ADR 5.
    """
    return calendar.add_working_days(received_on, CONTACT_DECISION_WORKING_DAYS)


class ClockStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    ON_TRACK = "on_track"

    @property
    def label(self) -> str:
        return {"overdue": "Overdue", "due_today": "Due today", "on_track": "On track"}[self]


@dataclass(frozen=True)
class DecisionClock:
    """Where a contact stands against its decision deadline at one moment."""

    status: ClockStatus
    due_on: dt.date
    working_days: int = 0  # left when on track; late by, when overdue
    hours_left: int | None = None  # until the end of the due day, when it is today

    @property
    def time_left(self) -> str:
        if self.status is ClockStatus.OVERDUE:
            if self.working_days == 0:
                return "Overdue"
            return f"Overdue by {_working_days(self.working_days)}"
        if self.status is ClockStatus.DUE_TODAY:
            if not self.hours_left:
                return "Due today: less than an hour left"
            return f"Due today: {self.hours_left} hour{'s' if self.hours_left != 1 else ''} left"
        return f"{_working_days(self.working_days)} left"


def _working_days(count: int) -> str:
    return f"{count} working day{'s' if count != 1 else ''}"


def contact_decision_clock(*, due_on: dt.date, now: dt.datetime,
                           calendar: WorkingDayCalendar) -> DecisionClock:
    """The clock at `now`: a decision is in time until the end of its due day (London time)."""
    local = now.astimezone(LONDON)
    today = local.date()
    if today > due_on:
        return DecisionClock(ClockStatus.OVERDUE, due_on,
                             working_days=calendar.working_days_between(due_on, today))
    if today == due_on:
        end_of_day = dt.datetime.combine(due_on + dt.timedelta(days=1), dt.time(), LONDON)
        seconds = (end_of_day.astimezone(dt.UTC) - local.astimezone(dt.UTC)).total_seconds()
        return DecisionClock(ClockStatus.DUE_TODAY, due_on, hours_left=int(seconds // 3600))
    return DecisionClock(ClockStatus.ON_TRACK, due_on,
                         working_days=calendar.working_days_between(today, due_on))


def decided_in_time(*, decided_on: dt.date, due_on: dt.date) -> bool:
    return decided_on <= due_on


# ---- What a contact and its decision must hold ------------------------------------------------


def ensure_received_in_the_past(*, received_at: dt.datetime, now: dt.datetime) -> None:
    if received_at > now:
        raise DomainError("The time the contact was received cannot be in the future",
                          field="received_at")


def ensure_consent_explained(*, consent: str, consent_note: str) -> None:
    if consent not in Consent.values:
        raise DomainError("Select whether consent to share information was given",
                          field="consent")
    if consent != Consent.GIVEN and not consent_note.strip():
        raise DomainError("Say why consent was not given, or when it will be sought",
                          field="consent_note")


def ensure_rag(rag: str) -> None:
    if rag not in Rag.values:
        raise DomainError("Select a RAG rating: red, amber or green", field="rag")


def ensure_decision_time(*, received_at: dt.datetime, decided_at: dt.datetime,
                         now: dt.datetime) -> None:
    if decided_at < received_at:
        received = received_at.astimezone(LONDON)
        raise DomainError(
            "The decision cannot be before the contact was received "
            f"({day(received.date())} at {received:%H:%M})", field="decided_at")
    if decided_at > now:
        raise DomainError("The time of the decision cannot be in the future",
                          field="decided_at")


def ensure_can_decide(*, decision: str, reason: str, rag: str) -> None:
    """A decision needs a reason, and the contact a RAG rating first (or with it): every
    contact is prioritised before it leaves the queue (Ofsted found the RAG system "not
    effective" when ratings were optional; REQUIREMENTS.md §5.1 O2)."""
    if decision not in ContactDecision.values:
        raise DomainError("Select a decision", field="decision")
    if not reason.strip():
        raise DomainError("Give the reason for the decision", field="decision_reason")
    if not rag:
        raise DomainError("Give the contact a RAG rating before deciding it", field="rag")


def decision_opens_an_episode(decision: str) -> bool:
    return decision in DECISIONS_THAT_OPEN_AN_EPISODE


# ---- Referrals and re-referrals (T03) ---------------------------------------------------------


def re_referral_window_ends_on(previous_referral_date: dt.date) -> dt.date:
    """The last day a new referral counts as a re-referral: 12 calendar months on, clamped to the
    month's end (29 February 2028 -> 28 February 2029)."""
    return add_months(previous_referral_date, RE_REFERRAL_MONTHS)


def is_re_referral(*, referral_date: dt.date, previous_referral_date: dt.date) -> bool:
    """A referral within 12 months of the child's previous one (the last day included)."""
    return previous_referral_date < referral_date <= re_referral_window_ends_on(
        previous_referral_date)


def previous_referral_links(referrals: Sequence[tuple[Key, dt.date]]) -> dict[Key, Key | None]:
    """For each of a child's referrals, the one it re-refers to: the latest referral on an
    earlier date, if that is within 12 months; otherwise None."""
    ordered = sorted(referrals, key=lambda r: r[1])
    links: dict[Key, Key | None] = {}
    for key, referral_date in ordered:
        earlier = [r for r in ordered if r[1] < referral_date]
        previous = earlier[-1] if earlier else None
        links[key] = previous[0] if previous and is_re_referral(
            referral_date=referral_date, previous_referral_date=previous[1]) else None
    return links


def ensure_referral_date(*, referral_date: dt.date, today: dt.date,
                         contact_received_on: dt.date | None = None,
                         closed_on: dt.date | None = None) -> None:
    if referral_date > today:
        raise DomainError("The referral date must be today or in the past",
                          field="referral_date")
    if contact_received_on is not None and referral_date < contact_received_on:
        raise DomainError("The referral cannot be before the contact that led to it "
                          f"({day(contact_received_on)})", field="referral_date")
    if closed_on is not None and referral_date > closed_on:
        raise DomainError(f"The referral cannot be after the episode closed ({day(closed_on)})",
                          field="referral_date")


def ensure_primary_need(*, primary_need: str, no_further_action: bool) -> None:
    """CIN census rule 8610: a primary need code unless the referral ended in NFA."""
    if primary_need and primary_need not in PrimaryNeed.values:
        raise DomainError("Select a primary need from the list", field="primary_need")
    if not primary_need and not no_further_action:
        raise DomainError("Select the child's primary need (needed unless the referral ended "
                          "in no further action)", field="primary_need")


# ---- Episodes of need: no overlaps (CIN census 8815, 8820) ------------------------------------


@dataclass(frozen=True)
class Episode:
    referral_date: dt.date
    closed_on: dt.date | None = None
    no_further_action: bool = False

    @property
    def ends_on(self) -> dt.date | None:
        """Where the episode stops occupying time; None while open (it runs on).

        An open NFA referral does not hold the child's episode open (8815 and 8820 leave NFA
        referrals out), so it occupies no time at all.
        """
        if self.closed_on is not None:
            return self.closed_on
        return self.referral_date if self.no_further_action else None

    def contains(self, day_: dt.date) -> bool:
        """Whether `day_` falls within the episode; it may start on the day another ended."""
        return self.referral_date <= day_ and (self.ends_on is None or day_ < self.ends_on)


def episodes_overlap(first: Episode, second: Episode) -> bool:
    return first.contains(second.referral_date) or second.contains(first.referral_date)


def overlapping_episode(episode: Episode,
                        others: Iterable[tuple[Key, Episode]]) -> tuple[Key, Episode] | None:
    return next(((key, other) for key, other in others if episodes_overlap(episode, other)),
                None)


def ensure_no_overlap(episode: Episode, others: Iterable[tuple[Key, Episode]]) -> None:
    clash = overlapping_episode(episode, others)
    if clash is None:
        return
    other = clash[1]
    when = (f"closed on {day(other.closed_on)}" if other.closed_on else "still open")
    raise DomainError(
        f"This overlaps the child's episode of need from {day(other.referral_date)} ({when}). "
        "A child has one episode at a time: change the date, or close that episode first",
        field="referral_date")


# ---- Closing an episode -----------------------------------------------------------------------


def ensure_can_close(*, referral_date: dt.date, closed_on: dt.date, closure_reason: str,
                     has_assessment: bool, today: dt.date) -> None:
    """The closure date and reason (CIN census 8630, 8825Q)."""
    if closure_reason not in ReasonForClosure.values:
        raise DomainError("Select the reason for closing the episode", field="closure_reason")
    if closed_on < referral_date:
        raise DomainError("The episode cannot close before the referral date "
                          f"({day(referral_date)})", field="closed_on")
    if closed_on > today:
        raise DomainError("The closure date must be today or in the past", field="closed_on")
    if closure_reason in CLOSED_AFTER_ASSESSMENT and not has_assessment:
        raise DomainError(
            f"{closure_reason} is for a case closed after an assessment, and this episode has "
            "no assessment: choose another reason", field="closure_reason")

