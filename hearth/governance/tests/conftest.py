import datetime as dt

import pytest
import time_machine

from hearth.workingdays import selectors

# Monday 1 June 2026: every date the tests record is on or before it unless a test travels.
NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def traveller():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    selectors.forget_calendars()
    yield
    selectors.forget_calendars()
