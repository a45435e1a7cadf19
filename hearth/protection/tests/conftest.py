import datetime as dt

import pytest
import time_machine

from hearth.workingdays import selectors

# A Monday in the summer term: every date the tests record is before it.
TODAY = dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def on_15_june_2026():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    selectors.forget_calendars()
    yield
    selectors.forget_calendars()
