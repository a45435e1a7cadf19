"""The synthetic tiny authority (seed 1, built on 15 June 2026) through the whole census: built
from the records and judged by the DfE rules with zero errors (the generator's UPNs carry a
recognised pseudo LA code, and an episode with an enquiry is not closed as RC8/RC9)."""

import io
import xml.etree.ElementTree as ET

import pytest
import time_machine
from cin_validator import cin_validator as cv
from django.db import transaction

from hearth.returns import services
from hearth.returns.cin import validation, y2025_26
from hearth.returns.tests.conftest import NOW
from hearth.synthetic.generator import build_authority
from hearth.synthetic.profiles import TINY

pytestmark = pytest.mark.django_db

# Queries the synthetic data truly calls for (each would be explained to the DfE).
EXPLAINED_QUERIES = {
    "2887Q": "a small authority's children use fewer than 8 disability codes",
    "2888Q": "no synthetic child has more than one disability recorded",
    "8670Q": "an assessment still open at 31 March, started more than 45 working days before",
}


@pytest.fixture(scope="module")
def census(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False):
        with transaction.atomic():
            build_authority(TINY, seed=1)
            out = io.BytesIO()
            build, tables = services.cin_census_export(start_year=2025, out=out,
                                                       system_job="test", with_tables=True)
            build, outcome = services.cin_census_validate(start_year=2025, system_job="test",
                                                          tables=tables, build=build)
            yield build, tables, outcome, out.getvalue()
            transaction.set_rollback(True)


def test_the_tiny_authority_has_children_in_the_census(census):
    build, tables, _, xml = census
    assert build.children >= 20
    assert len(ET.fromstring(xml).find("Children")) == build.children
    for table in ("Assessments", "CINplanDates", "Section47", "ChildProtectionPlans"):
        assert len(tables[table]) > 0, table


def test_the_tiny_authority_gives_no_errors(census):
    _, _, outcome, _ = census
    assert sorted({(f.rule_code, f.child_id, f.message) for f in outcome.errors}) == []
    assert outcome.crashed == {}


def test_its_queries_are_the_ones_the_data_calls_for(census):
    _, _, outcome, _ = census
    assert {f.rule_code for f in outcome.queries} <= set(EXPLAINED_QUERIES)


def test_the_tables_give_the_same_findings_as_the_validators_own_reading_of_the_xml(census):
    _, tables, outcome, xml = census
    read = cv.process_data(cv.convert_data(ET.fromstring(xml)))
    from_xml = validation.run(read, y2025_26.RULESET)
    assert {(f.rule_code, f.child_id) for f in from_xml.failures} == {
        (f.rule_code, f.child_id) for f in outcome.failures}
