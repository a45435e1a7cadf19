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


@pytest.fixture
def build_return(django_capture_on_commit_callbacks):
    """Asks for a build through its page, as the signed-in user, and runs it (the tests' task
    backend is the immediate one, and the job is queued once the request's work commits)."""
    from django.urls import reverse

    from hearth.returns.models import ReturnJob

    urls = {"cin": "returns:cin_census_build", "903": "returns:ssda903_build",
            "annex_a": "returns:annex_a_build"}

    def build(client, return_name: str = "cin", **data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse(urls[return_name]), data or {"year": 2025})
        assert response.status_code == 302, response.content.decode()[:2000]
        return ReturnJob.objects.get(pk=response.url.rstrip("/").split("/")[-1])

    return build
