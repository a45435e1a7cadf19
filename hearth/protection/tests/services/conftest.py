import pytest


@pytest.fixture(autouse=True)
def _today(on_15_june_2026):
    """Service tests all run on Monday 15 June 2026."""
    return on_15_june_2026
