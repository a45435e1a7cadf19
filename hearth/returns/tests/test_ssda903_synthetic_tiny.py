"""The synthetic tiny authority (seed 1, built on 15 June 2026) through the SSDA903 return:
built from the records and judged by the DfE rules: no errors."""

import pytest
import time_machine
from django.db import transaction

from hearth.returns import services
from hearth.returns.tests.conftest import NOW
from hearth.synthetic.generator import build_authority
from hearth.synthetic.profiles import TINY

pytestmark = pytest.mark.django_db

CRASH_INSIDE_THE_VALIDATOR = {"231", "233"}  # csc-validator-be-903 0.1.17 (RETURNS.md 5.3)


@pytest.fixture(scope="module")
def checked(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False):
        with transaction.atomic():
            build_authority(TINY, seed=1)
            yield services.ssda903_validate(start_year=2025, system_job="test")
            transaction.set_rollback(True)


def test_the_tiny_authority_has_looked_after_children_in_both_years(checked):
    build, _ = checked
    assert build.children >= 5 and build.previous_children >= 1
    for table in ("Header", "Episodes", "Reviews", "SWEpisodes", "OC2"):
        assert build.this_year.rows[table], table


def test_the_tiny_authority_gives_no_errors(checked):
    _, outcome = checked
    assert not outcome.errors, sorted({(f.rule_code, f.child_id, f.message)
                                       for f in outcome.errors})
    assert set(outcome.crashed) <= CRASH_INSIDE_THE_VALIDATOR
