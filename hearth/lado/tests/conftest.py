import datetime as dt

import pytest
import time_machine

from hearth.accounts import services as accounts
from hearth.accounts.roles import Role
from hearth.lado import services
from hearth.workingdays import selectors

# Monday 1 June 2026 (the spring bank holiday was Monday 25 May).
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


@pytest.fixture
def officer(personas):
    """A senior practitioner in the review team whom the service manager put in the LADO team."""
    user = accounts.user_create(
        username="lado_lena", password=None, first_name="Lena", last_name="Lowry",
        role=Role.SENIOR_PRACTITIONER, team=personas.support_teams["review"],
        system_job="test")
    services.member_add(user=user, reason="Appointed LADO officer", actor=personas.sm_sara)
    return user


@pytest.fixture
def child(personas):
    return personas.child_for(personas.sw_alice, la_child_id="PLADO001")
