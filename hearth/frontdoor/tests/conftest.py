import datetime as dt

import pytest

from hearth.workingdays import selectors as workingdays_selectors
from hearth.workingdays.rules import LONDON, WorkingDayCalendar

# England and Wales bank holidays from TIMESCALES.md section 1, typed in by hand so the pure rule
# tests depend on neither the holidays package nor the database.
BANK_HOLIDAYS = {
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
}

# Wednesday 4 March 2026, 10:00 in London: an ordinary working week with no bank holidays.
WEDNESDAY = dt.datetime(2026, 3, 4, 10, 0, tzinfo=LONDON)


def london(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def calendar() -> WorkingDayCalendar:
    days = {dt.date.fromisoformat(f"{year}-{month_day}")
            for year, month_days in BANK_HOLIDAYS.items() for month_day in month_days}
    return WorkingDayCalendar.for_years(days, 2025, 2026)


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    workingdays_selectors.forget_calendars()
    yield
    workingdays_selectors.forget_calendars()


@pytest.fixture
def on_wednesday(time_machine):
    """Stops the clock at 10:00 on Wednesday 4 March 2026 (London)."""
    time_machine.move_to(WEDNESDAY, tick=False)
    return WEDNESDAY
