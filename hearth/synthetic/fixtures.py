"""pytest fixtures for the whole project: register with `pytest_plugins` in the top conftest.

    pytest_plugins = ["hearth.synthetic.fixtures"]

- `personas`: the eight standard personas (see hearth/synthetic/personas.py), with
  `personas.child_for(worker, team, **overrides)` for a child allocated to them.
- `tiny_authority`: a whole small synthetic authority (3 case-holding teams, 8 workers, about
  40 open children and their families), the same for every test (seed 1), without casework
  (contacts, referrals, plans): hearth/synthetic/tests/test_casework.py builds that once.
"""

import pytest

from hearth.synthetic.generator import Authority, build_authority
from hearth.synthetic.personas import Personas, create_personas
from hearth.synthetic.profiles import TINY

TINY_SEED = 1


@pytest.fixture
def personas(db) -> Personas:
    return create_personas()


@pytest.fixture
def tiny_authority(db) -> Authority:
    return build_authority(TINY, seed=TINY_SEED, casework=False)
