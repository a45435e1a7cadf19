import datetime as dt

import pytest
import time_machine

from hearth.workingdays import selectors

# Friday 15 January 2027: 2026-27 Q3 (October to December 2026) has just ended.
NOW = dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def traveller():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    selectors.forget_calendars()
    yield
    selectors.forget_calendars()
