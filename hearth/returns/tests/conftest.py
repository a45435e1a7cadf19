import datetime as dt

import pytest
import time_machine

from hearth.core.models import LocalAuthority
from hearth.workingdays import selectors

# Monday 15 June 2026: the whole 2025 to 2026 collection year is in the past.
NOW = dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC)


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
def authority(db):
    return LocalAuthority.objects.create(name="Synthetic Borough Council", la_code="900",
                                         population_0_17=6000, population_year=2024)
