import datetime as dt

import pytest
import time_machine

from hearth.care.tests.factories import period_for
from hearth.workingdays import selectors

# Monday 1 June 2026: every date the tests record is on or before it.
NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
D = dt.date


@pytest.fixture(autouse=True)
def traveller():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    selectors.forget_calendars()
    yield
    selectors.forget_calendars()


@pytest.fixture
def child(personas):
    """A 2-year-old allocated to sw_alice."""
    return personas.child_for(personas.sw_alice, date_of_birth=D(2024, 2, 10))


@pytest.fixture
def period(personas, child):
    return period_for(child, personas.sw_alice, started_on=D(2025, 9, 1))
