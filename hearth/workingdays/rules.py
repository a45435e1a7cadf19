"""Counting working days, hours, weeks and months: pure functions, no ORM, settings or clock.

Every function takes its dates and a calendar as arguments, so a due date can be recomputed
years later from the same facts. The calendar itself is built from the database by
`hearth.workingdays.selectors.current_calendar()`.

Counting convention (for the ADR on statutory timescales; see TIMESCALES.md section 1)
------------------------------------------------------------------------------------
Context: law and guidance say "within N working days of X" without saying which day is day 0.

Decision:

- A working day is any day other than a Saturday, a Sunday or a day in the calendar's
  `non_working_days`: the bank holidays in England and Wales (the published list includes
  Christmas Day and Good Friday) and the authority's local closure days. Source: SI 2006/1738
  reg 2.
- The day of X is day 0. "Within N working days of X" is due on the Nth working day after X,
  and an event is in time if it happens on or before that date.
- If X is not a working day, counting starts from the next working day. This needs no special
  case: "the Nth working day after X" already skips the days that are not working days, so
  Saturday + 1 WD is the Monday (the Tuesday after a bank holiday Monday).
- "N working days before X" (negative N) is the mirror image: the Nth working day before X.
- `working_days_between(a, b)` counts the working days after `a` up to and including `b`, so
  `working_days_between(x, add_working_days(x, n)) == n` for n >= 0, and swapping the
  arguments flips the sign.

Other units:

- Hours are elapsed hours, weekends and bank holidays included (the return home interview
  guidance says 72 hours, not 3 working days). They are added in UTC so that a clock that runs
  across a change to or from British Summer Time lasts exactly that many real hours; the
  result is given in Europe/London time.
- Days and weeks are calendar days; 26 weeks is 182 days.
- Months are calendar months. When the day does not exist in the target month the result is
  the last day of that month: 31 August + 6 months is 28 February (29 in a leap year) and
  29 February 2028 + 12 months is 28 February 2029. The result never spills into the month
  after, so a "not more than 6 months" clock is never lengthened. (Rejected: rolling over to
  1 March, which gives a day or more extra.)
- Day, week and month deadlines are not moved off weekends or bank holidays. A rule that
  wants that says so by calling `working_day_on_or_after()`.

A calendar knows which years it covers. Asking it about a day outside them raises
`OutsideCalendar` rather than silently treating an unknown bank holiday as a working day.
"""

import datetime as dt
from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
SATURDAY, SUNDAY = 5, 6
WEEKEND = frozenset({SATURDAY, SUNDAY})  # date.weekday() numbers
ONE_DAY = dt.timedelta(days=1)


class OutsideCalendar(ValueError):
    """The calendar does not cover the day asked about, so cannot say if it is a working day."""


def is_weekend(day: dt.date) -> bool:
    return day.weekday() in WEEKEND


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def add_weeks(day: dt.date, weeks: int) -> dt.date:
    return day + dt.timedelta(weeks=weeks)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months; a day missing from the target month becomes that month's last day."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def add_hours(start: dt.datetime, hours: float) -> dt.datetime:
    """Elapsed hours, counted in UTC and given back in Europe/London time."""
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("add_hours needs a time-zone-aware datetime.")
    return (start.astimezone(dt.UTC) + dt.timedelta(hours=hours)).astimezone(LONDON)


@dataclass(frozen=True)
class WorkingDayCalendar:
    """Weekends plus a set of other non-working days, optionally limited to a range of days."""

    non_working_days: frozenset[dt.date]
    covers_from: dt.date | None = None
    covers_to: dt.date | None = None

    @classmethod
    def for_years(
        cls, non_working_days: Iterable[dt.date], first_year: int, last_year: int
    ) -> "WorkingDayCalendar":
        return cls(
            non_working_days=frozenset(non_working_days),
            covers_from=dt.date(first_year, 1, 1),
            covers_to=dt.date(last_year, 12, 31),
        )

    def covers(self, day: dt.date) -> bool:
        too_early = self.covers_from is not None and day < self.covers_from
        too_late = self.covers_to is not None and day > self.covers_to
        return not (too_early or too_late)

    def is_working_day(self, day: dt.date) -> bool:
        if not self.covers(day):
            raise OutsideCalendar(
                f"The working-day calendar covers {self.covers_from} to {self.covers_to}, "
                f"not {day}."
            )
        return not is_weekend(day) and day not in self.non_working_days

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after `day` (never `day` itself)."""
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, start: dt.date, working_days: int) -> dt.date:
        """The Nth working day after `start` (before it, for negative N); N = 0 is `start`."""
        step = ONE_DAY if working_days >= 0 else -ONE_DAY
        day, remaining = start, abs(working_days)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative if `end` is earlier."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for day in _days_after(start, end) if self.is_working_day(day))

    # The calendar-unit rules, so that callers holding a calendar can use one object.
    add_days = staticmethod(add_days)
    add_weeks = staticmethod(add_weeks)
    add_months = staticmethod(add_months)
    add_hours = staticmethod(add_hours)


def _days_after(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start + ONE_DAY
    while day <= end:
        yield day
        day += ONE_DAY
