"""Reads: bank holidays, local closure days and the working-day calendar built from them.

Other apps compute deadlines with `current_calendar()` and the pure rules:

    calendar = current_calendar()
    due_on = calendar.add_working_days(strategy_discussion_on, 15)

Years not loaded: a year with no `BankHoliday` rows at all (for example a fresh database or a
test that never ran `load_bank_holidays`) takes its bank holidays from the `holidays` package
instead, so deadlines are right before the table is loaded. Every year in England and Wales has
bank holidays, so an empty year can only mean "not loaded". Local closure days always come from
the table.

Caching: each process keeps the calendars it has built for up to five minutes. A service that
changes a bank holiday or closure day empties this process's cache when its transaction
commits; other processes see the change within five minutes. A service that changes one also
marks its database connection (`calendar_changing`): until that connection is next used outside
a transaction, its calendars are built afresh and never cached, so a service sees its own
uncommitted changes and a rolled-back change never reaches the cache. Every other transaction
uses the cache (building a calendar of 41 years costs two queries and a few milliseconds, which
every service call that computes a deadline would otherwise pay).
"""

import datetime as dt
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet

from hearth.workingdays.models import BankHoliday, LocalClosureDay
from hearth.workingdays.rules import WorkingDayCalendar
from hearth.workingdays.sources import bank_holidays_from_package

FIRST_YEAR = 2000
LAST_YEAR = 2040
CALENDAR_MAX_AGE_SECONDS = 300
NOT_LOADED_SOURCE = "holidays package (not loaded yet)"


@dataclass(frozen=True)
class BankHolidayEntry:
    date: dt.date
    title: str
    source: str
    loaded: bool


def bank_holiday_list_for_years(first_year: int, last_year: int) -> list[BankHolidayEntry]:
    """Bank holidays from the table, and from the package for any year not loaded."""
    rows = BankHoliday.objects.filter(date__range=_year_range(first_year, last_year))
    entries = [BankHolidayEntry(r.date, r.title, r.get_source_display(), True) for r in rows]
    loaded_years = {entry.date.year for entry in entries}
    missing = [y for y in range(first_year, last_year + 1) if y not in loaded_years]
    entries += [
        BankHolidayEntry(day, title, NOT_LOADED_SOURCE, False)
        for year in missing
        for day, title in _package_bank_holidays(year)
    ]
    return sorted(entries, key=lambda entry: entry.date)


def bank_holiday_on(day: dt.date) -> BankHolidayEntry | None:
    return next((e for e in bank_holiday_list_for_years(day.year, day.year) if e.date == day), None)


def closure_day_list(*, on_or_after: dt.date | None = None) -> QuerySet[LocalClosureDay]:
    closure_days = LocalClosureDay.objects.select_related("added_by")
    if on_or_after is not None:
        closure_days = closure_days.filter(date__gte=on_or_after)
    return closure_days


def calendar_for(first_year: int, last_year: int) -> WorkingDayCalendar:
    """Weekends, bank holidays and closure days; it refuses questions outside these years."""
    if not connection.in_atomic_block:
        connection.hearth_calendar_changing = False
    elif getattr(connection, "hearth_calendar_changing", False):
        return _build_calendar(first_year, last_year)
    key = (first_year, last_year)
    cached = _cache.get(key)
    if cached and _seconds() - cached[0] < CALENDAR_MAX_AGE_SECONDS:
        return cached[1]
    generation = _generation
    calendar = _build_calendar(first_year, last_year)
    with _lock:
        if generation == _generation:  # nothing changed while it was being built
            _cache[key] = (_seconds(), calendar)
    return calendar


def current_calendar() -> WorkingDayCalendar:
    return calendar_for(FIRST_YEAR, LAST_YEAR)


def calendar_changing() -> None:
    """Services call this before they change a bank holiday or closure day (see Caching)."""
    connection.hearth_calendar_changing = True


def forget_calendars() -> None:
    """Empty this process's cache; services call it when their transaction commits."""
    global _generation
    connection.hearth_calendar_changing = False
    with _lock:
        _generation += 1
        _cache.clear()


_cache: dict[tuple[int, int], tuple[float, WorkingDayCalendar]] = {}
_generation = 0
_lock = threading.Lock()
_seconds = time.monotonic  # for the cache's age; tests replace it


def _build_calendar(first_year: int, last_year: int) -> WorkingDayCalendar:
    bank_holidays = [e.date for e in bank_holiday_list_for_years(first_year, last_year)]
    closure_days = LocalClosureDay.objects.filter(
        date__range=_year_range(first_year, last_year)
    ).values_list("date", flat=True)
    return WorkingDayCalendar.for_years([*bank_holidays, *closure_days], first_year, last_year)


@lru_cache(maxsize=64)
def _package_bank_holidays(year: int) -> tuple[tuple[dt.date, str], ...]:
    return tuple(bank_holidays_from_package([year]).items())


def _year_range(first_year: int, last_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
