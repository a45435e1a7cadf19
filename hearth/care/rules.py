"""Pure rules for children in care: the IRO, review and visit clocks, and what may be recorded
when. No ORM, settings or clock: dates, today, ages and the calendar are arguments.

Clocks (TIMESCALES.md section 3):

- T21 IRO allocated within 48 hours of the child becoming looked after. A local standard: the
  hours belong on `core.LocalAuthority` with the other local standards, but that model is
  outside this app, so for now they are the constant IRO_ALLOCATION_HOURS below. The clock
  starts when the period is recorded if the child became looked after today, otherwise at the
  start (00:00, UK time) of the day they became looked after: a period entered late is as late
  as it really is.
- T22-T24 reviews: the first within 20 working days of the period's start; the second within
  3 calendar months of the first; each later one within 6 months of the one before (SI
  2010/959 reg 33). Months use `add_months` (a missing day becomes the month's last day) and,
  like every month clock (ADR 5), are not moved off weekends or bank holidays.
- T30 visits: see `visit_due_on`.
"""

import datetime as dt
import re

from hearth.care import codes
from hearth.core.errors import DomainError
from hearth.workingdays.rules import LONDON, WorkingDayCalendar, add_hours, add_months, add_weeks

IRO_ALLOCATION_HOURS = 48  # T21, local standard (seeds/003): see the module docstring
FIRST_REVIEW_WORKING_DAYS = 20  # T22
SECOND_REVIEW_MONTHS = 3  # T23
LATER_REVIEW_MONTHS = 6  # T24
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$")
# Ofsted's social care URNs ("SC" and 6 digits) and the newer 7-digit ones; XXXXXXX is the
# 903's "no URN" for adoption and foster placements (rule 242).
URN = re.compile(r"^(SC[0-9]{6}|[0-9]{7}|XXXXXXX)$")
NO_URN = "XXXXXXX"


def day(value: dt.date) -> str:
    """A date as GOV.UK writes it: 7 May 2026."""
    return f"{value.day} {value:%B %Y}"


# --- clocks ---------------------------------------------------------------------------------

def iro_clock_starts_at(*, started_on: dt.date, recorded_at: dt.datetime) -> dt.datetime:
    """When the 48 hours start: see the module docstring."""
    if recorded_at.astimezone(LONDON).date() == started_on:
        return recorded_at
    return dt.datetime.combine(started_on, dt.time(0, 0), tzinfo=LONDON)


def iro_due_at(*, started_on: dt.date, recorded_at: dt.datetime) -> dt.datetime:
    return add_hours(iro_clock_starts_at(started_on=started_on, recorded_at=recorded_at),
                     IRO_ALLOCATION_HOURS)


def iro_rule() -> str:
    return f"IRO within {IRO_ALLOCATION_HOURS} hours v1"


def review_due_on(*, period_started_on: dt.date, reviews_held: int,
                  last_review_on: dt.date | None, calendar: WorkingDayCalendar) -> dt.date:
    """When the next review is due, given how many the period has had and the last one."""
    if reviews_held == 0:
        return calendar.add_working_days(period_started_on, FIRST_REVIEW_WORKING_DAYS)
    if last_review_on is None:
        raise ValueError("A period with reviews has a last review date")
    months = SECOND_REVIEW_MONTHS if reviews_held == 1 else LATER_REVIEW_MONTHS
    return add_months(last_review_on, months)


def review_rule(reviews_held: int) -> str:
    if reviews_held == 0:
        return f"First CLA review within {FIRST_REVIEW_WORKING_DAYS} WD v1"
    if reviews_held == 1:
        return f"Second CLA review within {SECOND_REVIEW_MONTHS} months v1"
    return f"CLA review within {LATER_REVIEW_MONTHS} months v1"


def visit_due_on(*, placement_started_on: dt.date, last_seen_on: dt.date | None,
                 intended_until_18: bool) -> dt.date:
    """The next statutory visit, reading SI 2010/959 reg 28(2) as follows.

    - Within one week of the start of any placement: the placement's start + 7 days, if the
      child has not been seen in this placement yet (a visit before the placement began does
      not count for it).
    - Then at intervals of not more than six weeks for the first year of the placement: the
      last visit + 6 weeks, while that visit was before the placement's first anniversary.
    - Thereafter (the last visit was on or after the first anniversary): not more than three
      months when the placement is intended to last until the child is 18, otherwise six
      weeks.

    Not implemented here (reg 28(3)-(4) and the short-breaks regulations): weekly visits until
    the first review for a child placed with parents under a care order, six-monthly visits in
    a long-term foster placement the child agrees to, and short-break placements. Weeks and
    months are calendar units, not moved off weekends or bank holidays (ADR 5).
    """
    if last_seen_on is None or last_seen_on < placement_started_on:
        return add_weeks(placement_started_on, 1)
    if last_seen_on < add_months(placement_started_on, 12) or not intended_until_18:
        return add_weeks(last_seen_on, 6)
    return add_months(last_seen_on, 3)


def visit_rule(*, placement_started_on: dt.date, last_seen_on: dt.date | None,
               intended_until_18: bool) -> str:
    if last_seen_on is None or last_seen_on < placement_started_on:
        return "CLA visit within 1 week of placement v1"
    if last_seen_on < add_months(placement_started_on, 12) or not intended_until_18:
        return "CLA visit every 6 weeks v1"
    return "CLA visit every 3 months (placement to 18) v1"


# --- placements -----------------------------------------------------------------------------

def normalise_postcode(value: str) -> str:
    """Upper case with one space before the inward code: "b11aa" becomes "B1 1AA"."""
    squeezed = "".join(value.upper().split())
    return f"{squeezed[:-3]} {squeezed[-3:]}" if len(squeezed) > 3 else squeezed


def ensure_postcode(value: str, *, field: str, what: str, required: bool = True) -> None:
    if not value:
        if required:
            raise DomainError(f"Enter the {what}", field=field)
        return
    if not POSTCODE.match(value):
        raise DomainError(f"Enter the {what} as a UK postcode, like B1 1AA", field=field)


def needs_sign_off(*, provision: str, age: int | None) -> bool:
    """Unregistered or unregulated provision, or an under-16 in supported accommodation, needs
    the head of service's sign-off and is on the weekly review list (T41, T42)."""
    if provision in (codes.Provision.UNREGISTERED, codes.Provision.UNREGULATED):
        return True
    return provision == codes.Provision.SUPPORTED and age is not None and age < 16


def ensure_placement(*, placement_type: str, provider_type: str, provision: str,
                     placement_postcode: str, home_postcode: str, urn: str, legal_status: str,
                     age: int | None, head_of_service_agreed: bool) -> None:
    """The placement and legal status make sense together, as the 903 checks them."""
    if age is not None and age < 10 and legal_status in codes.YOUTH_JUSTICE_STATUSES:
        raise DomainError("A child under 10 cannot have a youth justice legal status (J1, J2 "
                          "or J3)", field="legal_status")
    if placement_type == "P1" and legal_status == "V2":
        raise DomainError("A child accommodated under section 20 (V2) is not placed with their "
                          "parents: choose the placement or the legal status they have",
                          field="placement_type")
    _ensure_provider(placement_type, provider_type)
    ensure_postcode(placement_postcode, field="placement_postcode",
                    what="postcode of the placement")
    ensure_postcode(home_postcode, field="home_postcode", what="postcode of the child's home",
                    required=False)
    _ensure_urn(placement_type, urn)
    if (provision == codes.Provision.SUPPORTED and age is not None and age < 16
            and not head_of_service_agreed):
        raise DomainError("A child under 16 cannot be placed in supported accommodation. Only "
                          "the head of service can agree it, as an emergency: say they have "
                          "agreed, and the placement will wait for their sign-off",
                          field="head_of_service_agreed")


def _ensure_provider(placement_type: str, provider_type: str) -> None:
    if placement_type in codes.NO_PROVIDER_PLACEMENTS:
        if provider_type:
            raise DomainError(f"A {placement_type} placement has no placement provider: leave "
                              "it blank", field="provider_type")
        return
    if not provider_type:
        raise DomainError("Choose the placement provider", field="provider_type")
    if (provider_type == codes.ProviderType.PR0) != (placement_type == codes.PlacementType.P1):
        raise DomainError("A placement with parents (P1) is provided by the parents (PR0), and "
                          "only such a placement is", field="provider_type")
    if (provider_type in (codes.ProviderType.PR1, codes.ProviderType.PR2)
            and placement_type in codes.NOT_LA_PROVIDED):
        raise DomainError(f"A {placement_type} placement cannot be provided by a local "
                          "authority", field="provider_type")


def _ensure_urn(placement_type: str, urn: str) -> None:
    if placement_type in codes.NO_URN_PLACEMENTS:
        if urn:
            raise DomainError(f"A {placement_type} placement has no Ofsted URN: leave it blank",
                              field="urn")
        return
    if not urn:
        raise DomainError("Enter the placement's Ofsted URN (XXXXXXX for a foster or adoptive "
                          "placement without one)", field="urn")
    if not URN.match(urn):
        raise DomainError("Enter the Ofsted URN as SC and 6 digits, or 7 digits", field="urn")
    if urn == NO_URN and placement_type not in codes.ADOPTION_OR_FOSTERING:
        raise DomainError("XXXXXXX is only for foster and adoptive placements: enter the "
                          "provision's Ofsted URN", field="urn")


# --- periods and episodes -------------------------------------------------------------------

def ensure_period_can_start(*, started_on: dt.date, today: dt.date,
                            open_period_started_on: dt.date | None,
                            last_period_ended_on: dt.date | None,
                            date_of_birth: dt.date | None) -> None:
    if open_period_started_on is not None:
        raise DomainError(f"The child has been looked after since "
                          f"{day(open_period_started_on)}: end that period of care before "
                          "starting another")
    _not_in_future(started_on, today, "started_on", "The date the child became looked after")
    if date_of_birth is not None and started_on < date_of_birth:
        raise DomainError(f"The child cannot become looked after before they were born on "
                          f"{day(date_of_birth)}", field="started_on")
    if last_period_ended_on is not None and started_on < last_period_ended_on:
        raise DomainError(f"The new period cannot start before the last one ended on "
                          f"{day(last_period_ended_on)}", field="started_on")


def reason_new_episode(*, legal_status_changed: bool, placement_changed: bool,
                       same_carers: bool) -> str:
    """RNE for a change inside a period: what changed, and whether the carers stayed."""
    rne = codes.ReasonNewEpisode
    if not placement_changed:
        return rne.L
    if legal_status_changed:
        return rne.U if same_carers else rne.B
    return rne.T if same_carers else rne.P


def ensure_episode_change(*, changed_on: dt.date, today: dt.date, period_ended_on: dt.date | None,
                          episode_started_on: dt.date, legal_status_changed: bool,
                          placement_changed: bool, reason_place_change: str) -> None:
    if period_ended_on is not None:
        raise DomainError(f"This period of care ended on {day(period_ended_on)}: a new episode "
                          "cannot start after it")
    _not_in_future(changed_on, today, "changed_on", "The date of the change")
    if changed_on < episode_started_on:
        raise DomainError(f"The change cannot be before the current episode began on "
                          f"{day(episode_started_on)}", field="changed_on")
    if not (legal_status_changed or placement_changed):
        raise DomainError("Nothing has changed: a new episode needs a new legal status or a "
                          "new placement")
    if placement_changed and not reason_place_change:
        raise DomainError("Choose the reason for the change of placement",
                          field="reason_place_change")
    if not placement_changed and reason_place_change:
        raise DomainError("Only a change of placement has a reason for the placement change: "
                          "leave it blank", field="reason_place_change")


def ensure_care_can_end(*, ended_on: dt.date, today: dt.date, period_ended_on: dt.date | None,
                        episode_started_on: dt.date, last_activity_on: dt.date | None,
                        reason: str, placement_type: str) -> None:
    if period_ended_on is not None:
        raise DomainError(f"This period of care already ended on {day(period_ended_on)}")
    _not_in_future(ended_on, today, "ended_on", "The date the child ceased to be looked after")
    if ended_on < episode_started_on:
        raise DomainError(f"Care cannot end before the current episode began on "
                          f"{day(episode_started_on)}", field="ended_on")
    if last_activity_on is not None and ended_on < last_activity_on:
        raise DomainError(f"Care cannot end before the last review or visit on "
                          f"{day(last_activity_on)}", field="ended_on")
    if reason == codes.ReasonEpisodeCeased.X1 or reason not in codes.ReasonEpisodeCeased.values:
        raise DomainError("Choose why the child ceased to be looked after", field="reason")
    if reason in codes.FOSTERING_SGO_REASONS and placement_type not in codes.FOSTER_PLACEMENTS:
        raise DomainError("A special guardianship order to former foster carers needs a foster "
                          "placement (U1 to U6) as the last placement", field="reason")


# --- reviews, IRO and visits ----------------------------------------------------------------

def ensure_review_fits(*, held_on: dt.date, today: dt.date, period_started_on: dt.date,
                       period_ended_on: dt.date | None, last_review_on: dt.date | None) -> None:
    if period_ended_on is not None:
        raise DomainError(f"This period of care ended on {day(period_ended_on)}: it cannot get "
                          "another review")
    _not_in_future(held_on, today, "held_on", "The date of the review")
    if held_on < period_started_on:
        raise DomainError(f"The review cannot be before the child became looked after on "
                          f"{day(period_started_on)}", field="held_on")
    if last_review_on is not None and held_on <= last_review_on:
        raise DomainError(f"The review must be after the last review on {day(last_review_on)}",
                          field="held_on")


def ensure_participation_fits(*, participation: str, age: int | None) -> None:
    """PN0 is for a child under 4 at the review, and only for them (903 rules 440, 441)."""
    if age is None:
        return
    if age < 4 and participation != codes.Participation.PN0:
        raise DomainError("The child was under 4 at the review: their participation is PN0",
                          field="participation")
    if age >= 4 and participation == codes.Participation.PN0:
        raise DomainError("PN0 is only for a child under 4 at the review: say how the child "
                          "took part", field="participation")


def ensure_iro_allocation(*, allocated_on: dt.date, today: dt.date, period_started_on: dt.date,
                          period_ended_on: dt.date | None, is_iro: bool) -> None:
    if period_ended_on is not None:
        raise DomainError(f"This period of care ended on {day(period_ended_on)}: it needs no "
                          "IRO now")
    if not is_iro:
        raise DomainError("Choose an independent reviewing officer", field="iro")
    _not_in_future(allocated_on, today, "allocated_on", "The date of the allocation")
    if allocated_on < period_started_on:
        raise DomainError(f"The IRO cannot be allocated before the child became looked after "
                          f"on {day(period_started_on)}", field="allocated_on")


def ensure_visit_fits(*, visited_on: dt.date, today: dt.date, period_started_on: dt.date,
                      period_ended_on: dt.date | None) -> None:
    if period_ended_on is not None:
        raise DomainError(f"This period of care ended on {day(period_ended_on)}: record the "
                          "visit elsewhere")
    _not_in_future(visited_on, today, "visited_on", "The date of the visit")
    if visited_on < period_started_on:
        raise DomainError(f"The visit cannot be before the child became looked after on "
                          f"{day(period_started_on)}", field="visited_on")


def ensure_sign_off(*, needs_sign_off: bool, signed_off_at: dt.datetime | None,
                    episode_ended_on: dt.date | None) -> None:
    if not needs_sign_off:
        raise DomainError("This placement does not need the head of service's sign-off")
    if signed_off_at is not None:
        raise DomainError(f"This placement was already signed off on {day(signed_off_at.date())}")
    if episode_ended_on is not None:
        raise DomainError(f"This placement ended on {day(episode_ended_on)}: there is nothing "
                          "to sign off")


def _not_in_future(value: dt.date, today: dt.date, field: str, what: str) -> None:
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)


# --- deprivation of liberty orders ---------------------------------------------------------

def ensure_dolo_dates(*, started_on: dt.date, ended_on: dt.date | None, today: dt.date,
                      date_of_birth: dt.date | None,
                      other_orders: list[tuple[dt.date, dt.date | None]]) -> None:
    """An order's dates are in order, not in the future, not before the child's birth, and do
    not overlap another of the child's orders (an order cannot start while one is open)."""
    if started_on > today:
        raise DomainError("The date the order started must be today or in the past",
                          field="started_on")
    if date_of_birth is not None and started_on < date_of_birth:
        raise DomainError("The date the order started must be after the child's date of birth",
                          field="started_on")
    if ended_on is not None:
        if ended_on < started_on:
            raise DomainError("The date the order ended must be the same as or after the date "
                              "it started", field="ended_on")
        if ended_on > today:
            raise DomainError("The date the order ended must be today or in the past",
                              field="ended_on")
    for other_start, other_end in other_orders:
        if started_on <= (other_end or dt.date.max) and other_start <= (ended_on or dt.date.max):
            raise DomainError(f"The child has another order from {day(other_start)}"
                              + (f" to {day(other_end)}" if other_end else " still open")
                              + ": orders cannot overlap", field="started_on")
