"""Fixtures for the API tests: the shared personas (hearth/synthetic/personas.py) by short name.

alice: social worker, team A        bob: team manager, team A
charlie: social worker, team B      dana: performance analyst (figures, no names)
pat: business support (no warnings) sam: system administrator (may not use the API)
"""

import pytest
from django.core.cache import cache

from hearth.api.tests.factories import fake_nhs_number, make_person, restrict


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def team_a(personas):
    return personas.team_a


@pytest.fixture
def team_b(personas):
    return personas.team_b


@pytest.fixture
def alice(personas):
    return personas.sw_alice


@pytest.fixture
def bob(personas):
    return personas.tm_bob


@pytest.fixture
def charlie(personas):
    return personas.sw_charlie


@pytest.fixture
def dana(personas):
    return personas.analyst_dana


@pytest.fixture
def pat(personas):
    return personas.bs_ben


@pytest.fixture
def sam(personas):
    return personas.admin_sam


@pytest.fixture
def ada(db):
    """An unallocated child with an NHS number in the test range."""
    return make_person("Ada", nhs_number=fake_nhs_number())


@pytest.fixture
def secret(alice):
    """A restricted child only alice is on the access list for."""
    child = make_person("Sekrit", "Hiddenperson")
    restrict(child, allowed=[alice])
    return child
