import pytest

from hearth.dataquality import checks
from hearth.returns.tests.conftest import (  # noqa: F401 (fixtures)
    NOW,
    _fresh_calendar_cache,
    authority,
    traveller,
)

from .factories import FakeCheck


@pytest.fixture
def fake_check():
    """A check whose failures the test sets (checks.register, as a return app would)."""
    check = FakeCheck()
    checks.register("fake", "Fake return", check)
    yield check
    checks._CHECKS.pop("fake", None)
