"""Pure workforce and supervision rules: FTE arithmetic, the agency share (PI.1447), vacancy
rate, turnover, ASYE dates and case supervision due dates. No ORM, no clock: the selectors pass
plain values in.

Definitions (written down because the seeds give only the figures):

- **FTE in post on a date**: the sum of the FTE of the posts with a holding in force that day
  (the holder's start date to their last day, inclusive).
- **Agency share (PI.1447)**: agency FTE in post / all FTE in post x 100, to 2 decimal places
  (half up), over social work posts (codes.SOCIAL_WORK_GRADES). The seed's Q3 2023/24 figure is
  25.27 / 142.5 = 17.73% (seeds/001_e8ea781e93d1811d.txt line 438; KPIS.md H-WF-01).
- **Vacancy rate (H-WF-03)**: FTE of established posts with no holder, permanent or agency, /
  established FTE x 100 (seeds/001 lines 322, 458: "unfilled social work posts").
- **Turnover (H-WF-04)**: leavers in the 12 months to the date / the average of the headcount
  at the start and at the end of those 12 months x 100, counting permanent staff in social work
  posts. KPIS.md infers "leavers / average headcount" from the seed's 25% and 18%
  (seeds/001 line 326); it is the usual HR definition (leavers over the average number
  employed). Agency workers are not counted: their assignments end by design. A move to another
  post in the council is not a leaver. The DfE workforce census instead divides FTE leavers by
  FTE in post at 30 September (unverified here): `turnover_rate` takes whatever counts it is
  given, so an FTE variant is the same call with FTE figures.
- **ASYE (T108)**: 12 months from the start; reviews at 3 months (first review), 6 months
  (interim review and critical reflection) and 12 months (final assessment). The 3-month review
  is common practice, not in TIMESCALES.md (unverified).
- **Case supervision (T100)**: every N weeks after the last one (or after the child was allocated,
  when there has been none), N set by the child's level of need; a week clock, not moved off a
  non-working day (ADR 5). In time on a date when the last supervision was within N weeks.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hearth.workforce.codes import LevelOfNeed
from hearth.workingdays.rules import add_months, add_weeks

TWO_PLACES = Decimal("0.01")
ONE_PLACE = Decimal("0.1")

# Local defaults (configurable in SupervisionStandard): child protection and children in care
# every 4 weeks (the seeds: "more frequent case supervision" for the highest risk); child in need
# every 6 weeks; care leavers every 8 weeks; any other open case monthly (T100), taken as 4 weeks.
DEFAULT_INTERVAL_WEEKS: dict[str, int] = {
    LevelOfNeed.CHILD_PROTECTION: 4,
    LevelOfNeed.LOOKED_AFTER: 4,
    LevelOfNeed.CHILD_IN_NEED: 6,
    LevelOfNeed.CARE_LEAVER: 8,
    LevelOfNeed.OTHER: 4,
}
# The order a child's levels are weighed in: the first that applies sets the frequency.
NEED_ORDER = tuple(LevelOfNeed)
SUPERVISION_TARGET_PERCENT = 95  # seeds/000 lines 3470-3472 (95% by 30 April 2021)
AGENCY_TARGET_PERCENT = 15  # PI.1447's local target, a ceiling (seeds/001 lines 319, 438)
STAFF_SUPERVISION_MONTHS = 1  # T101: monthly
ASYE_MONTHS = 12


def percent(numerator, denominator, places: Decimal = TWO_PLACES) -> Decimal | None:
    """numerator / denominator x 100, rounded half up; None when there is nothing to divide by."""
    if not denominator:
        return None
    value = Decimal(str(numerator)) / Decimal(str(denominator)) * 100
    return value.quantize(places, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PostOnDate:
    """One established post as it stands on a date."""

    fte: Decimal
    contract: str | None  # the holder's contract, None when vacant

    @property
    def vacant(self) -> bool:
        return self.contract is None


def fte_in_post(posts: Iterable[PostOnDate]) -> Decimal:
    return sum((p.fte for p in posts if not p.vacant), Decimal("0"))


def agency_fte(posts: Iterable[PostOnDate]) -> Decimal:
    return sum((p.fte for p in posts if p.contract == "agency"), Decimal("0"))


def vacant_fte(posts: Iterable[PostOnDate]) -> Decimal:
    return sum((p.fte for p in posts if p.vacant), Decimal("0"))


def agency_share(agency: Decimal, in_post: Decimal) -> Decimal | None:
    """PI.1447: agency FTE / FTE in post x 100, to 2 decimal places."""
    return percent(agency, in_post)


def vacancy_rate(vacant: Decimal, established: Decimal) -> Decimal | None:
    return percent(vacant, established, ONE_PLACE)


def turnover_rate(*, leavers, at_start, at_end) -> Decimal | None:
    """Leavers / average of the counts at the start and end of the period x 100 (1 dp)."""
    average = (Decimal(str(at_start)) + Decimal(str(at_end))) / 2
    return percent(leavers, average, ONE_PLACE)


def twelve_months_to(day: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months ending on `day`: from the day after the same date a year before."""
    return add_months(day, -12) + dt.timedelta(days=1), day


def average_caseload(children: int, fte: Decimal) -> Decimal | None:
    """WF02: children allocated to case-holding social workers / their FTE (1 dp)."""
    if not fte:
        return None
    return (Decimal(children) / Decimal(str(fte))).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


# ASYE

def asye_expected_end_on(started_on: dt.date) -> dt.date:
    return add_months(started_on, ASYE_MONTHS)


ASYE_REVIEWS = ((3, "First review (3 months)"),
                (6, "Interim review and critical reflection (6 months)"),
                (12, "Final assessment (12 months)"))


@dataclass(frozen=True)
class ReviewPoint:
    label: str
    due_on: dt.date


def asye_review_points(started_on: dt.date) -> list[ReviewPoint]:
    return [ReviewPoint(label, add_months(started_on, months)) for months, label in ASYE_REVIEWS]


def asye_next_review(started_on: dt.date, *, today: dt.date) -> ReviewPoint | None:
    """The first review point on or after today (None once the year is over)."""
    return next((p for p in asye_review_points(started_on) if p.due_on >= today), None)


# Staff supervision

def staff_supervision_next_due_on(supervised_on: dt.date) -> dt.date:
    return add_months(supervised_on, STAFF_SUPERVISION_MONTHS)


# Case supervision

def level_of_need(levels: Iterable[str]) -> str:
    """The level that sets the frequency: the highest of those that apply, else OTHER."""
    present = set(levels)
    return next((level for level in NEED_ORDER if level in present), LevelOfNeed.OTHER)


def interval_weeks_for(level: str, standards: dict[str, int] | None = None) -> int:
    return (standards or {}).get(level) or DEFAULT_INTERVAL_WEEKS[level]


def case_supervision_rule(level: str, weeks: int) -> str:
    return f"Case supervision ({level}) every {weeks} weeks v1"


def case_supervision_due_on(last_on: dt.date, *, weeks: int) -> dt.date:
    """Due `weeks` after the last supervision (or the allocation, when none yet)."""
    return add_weeks(last_on, weeks)


def supervised_in_time(last_on: dt.date | None, *, since: dt.date, on: dt.date,
                       weeks: int) -> bool:
    """Whether, on `on`, the case is within its frequency: its last supervision (or, when none,
    the date the clock started: the allocation) is no more than `weeks` before `on`."""
    return case_supervision_due_on(last_on or since, weeks=weeks) >= on


def ensure_not_future(day: dt.date, *, today: dt.date) -> bool:
    return day <= today
