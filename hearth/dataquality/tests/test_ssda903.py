"""The SSDA903 return as a check: a looked-after child whose record breaks a DfE rule gets an
issue on their record after a run, and correcting the record resolves it."""

import datetime as dt

import pytest

from hearth.care import services as care_services
from hearth.care.tests.factories import foster_placement, period_for
from hearth.dataquality import checks, services
from hearth.dataquality.models import DataQualityIssue

pytestmark = pytest.mark.django_db
D = dt.date
IN_2025_26 = D(2026, 3, 31)
HOME, PLACED = "DY1 2NT", "DY8 1XH"  # real postcode districts: the validator looks them up


@pytest.fixture
def looked_after(personas, authority):
    alice = personas.sw_alice
    child = personas.child_for(alice, date_of_birth=D(2014, 5, 6), sex="M", ethnicity="WBRI")
    period = period_for(child, alice, started_on=D(2025, 6, 2), placement=foster_placement(
        placement_postcode=PLACED, home_postcode=HOME))
    care_services.episode_change(period=period, changed_on=D(2025, 12, 1), legal_status="C2",
                                 category_of_need="N1", placement=foster_placement(
                                     placement_postcode=PLACED, home_postcode=HOME),
                                 actor=alice)
    return child


def test_the_903_is_a_registered_check():
    assert checks.label_of("903") == "SSDA903 children looked after return"


def test_a_wrong_ethnicity_shows_as_an_issue_on_the_child_and_resolves_when_corrected(
        looked_after):
    looked_after.ethnicity = "XXXX"  # not a DfE code: 903 rule 103
    looked_after.save(update_fields=["ethnicity"])

    run = services.refresh("903", as_at=IN_2025_26, system_job="nightly")

    assert run.collection_year == "2025 to 2026" and run.errors >= 1
    (issue,) = DataQualityIssue.objects.filter(check_code="903", rule_code="103")
    assert issue.child == looked_after and issue.kind == "error" and issue.is_open
    assert issue.table == "Header" and issue.values == "XXXX"

    looked_after.ethnicity = "WBRI"
    looked_after.save(update_fields=["ethnicity"])
    run = services.refresh("903", as_at=IN_2025_26, system_job="nightly")
    issue.refresh_from_db()
    assert issue.resolved_at is not None and run.resolved >= 1
