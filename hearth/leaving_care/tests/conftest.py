import datetime as dt

import pytest
import time_machine

from hearth.workingdays import selectors

# A Monday in June 2026: every date the tests record is on or before it.
TODAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def traveller():
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    selectors.forget_calendars()
    yield
    selectors.forget_calendars()


@pytest.fixture
def young_person(personas):
    """Seventeen on 1 June 2026 (born 10 January 2009), allocated to sw_alice."""
    return personas.child_for(personas.sw_alice, date_of_birth=dt.date(2009, 1, 10))
