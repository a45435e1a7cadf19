import datetime as dt

import pytest

from hearth.workingdays import selectors
from hearth.workingdays.rules import WorkingDayCalendar

# England and Wales bank holidays from TIMESCALES.md section 1, typed in by hand so the pure rule
# tests do not depend on the holidays package or the database.
TIMESCALES_BANK_HOLIDAYS = {
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
}


def timescales_dates() -> set[dt.date]:
    return {
        dt.date.fromisoformat(f"{year}-{month_day}")
        for year, month_days in TIMESCALES_BANK_HOLIDAYS.items()
        for month_day in month_days
    }


@pytest.fixture
def calendar_2025_2026() -> WorkingDayCalendar:
    return WorkingDayCalendar.for_years(timescales_dates(), 2025, 2026)


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    selectors.forget_calendars()
    yield
    selectors.forget_calendars()


@pytest.fixture
def admin_sam(django_user_model):
    return django_user_model.objects.create_user(
        username="admin_sam", password="x-long-password-1", role="system_administrator"
    )


@pytest.fixture
def sw_alice(django_user_model):
    return django_user_model.objects.create_user(
        username="sw_alice", password="x-long-password-1", role="social_worker"
    )
