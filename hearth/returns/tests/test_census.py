"""The census built from a small hand-built set of records: its XML shape (parsed back, every
block's elements in the DfE order), the mapping of each fact, and the validator's tables."""

import io
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from cin_validator import cin_validator as cv

from hearth.core.models import AuditEvent
from hearth.returns import services
from hearth.returns.cin import records, y2025_26
from hearth.returns.cin.validation import run
from hearth.returns.tests.factories import build_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(personas, authority):
    made = build_records(personas)
    out = io.BytesIO()
    build, tables = services.cin_census_export(start_year=2025, out=out, system_job="test",
                                               with_tables=True)
    return made, build, tables, out.getvalue()


def children_of(xml: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(xml)
    return {c.findtext("ChildIdentifiers/LAchildID"): c for c in root.find("Children")}


def assert_in_dfe_order(node: ET.Element) -> None:
    order = y2025_26.ORDER.get(node.tag)
    if order is not None:
        tags = [child.tag for child in node]
        unknown = [t for t in tags if t not in order]
        assert unknown == [], f"{node.tag} has elements outside its layout: {unknown}"
        positions = [order.index(t) for t in tags]
        assert positions == sorted(positions), f"{node.tag} out of order: {tags}"
    for child in node:
        assert_in_dfe_order(child)


def test_the_message_parses_back_with_the_header_and_blocks_in_the_dfe_order(built):
    _, build, _, xml = built
    root = ET.fromstring(xml)
    assert [c.tag for c in root] == ["Header", "Children"]
    assert root.findtext("Header/CollectionDetails/Collection") == "CIN"
    assert root.findtext("Header/CollectionDetails/Year") == "2026"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2026-03-31"
    assert root.findtext("Header/Source/LEA") == "900"
    assert root.findtext("Header/Source/SourceLevel") == "L"
    assert [c.tag for c in root.find("Header/Source")] == list(y2025_26.HEADER["Source"])
    children = root.find("Children")
    assert len(children) == build.children == 4
    for child in children:
        assert [c.tag for c in child][:2] == ["ChildIdentifiers", "ChildCharacteristics"]
        assert_in_dfe_order(child)


def test_only_children_with_an_episode_open_in_the_year_are_in_it(built):
    made, _, _, xml = built
    ids = list(children_of(xml))
    assert made.closed_before.la_child_id not in ids
    assert ids == sorted([made.protected.la_child_id, made.nfa.la_child_id,
                          made.in_need.la_child_id, made.unborn.la_child_id])


def test_a_child_on_a_plan_maps_referral_assessment_enquiry_conference_and_reviews(built):
    made, _, _, xml = built
    child = children_of(xml)[made.protected.la_child_id]
    ids = child.find("ChildIdentifiers")
    assert ids.findtext("PersonBirthDate") == "2016-02-03"
    assert ids.findtext("Sex") == "F"
    assert ids.findtext("UPN") == made.protected.upn
    assert child.findtext("ChildCharacteristics/Ethnicity") == "MWBC"
    assert [d.text for d in child.find("ChildCharacteristics/Disabilities")] == ["MOB", "LD"]
    (episode,) = child.findall("CINdetails")
    assert episode.findtext("CINreferralDate") == "2025-05-06"
    assert episode.findtext("ReferralSource") == "6"
    assert episode.findtext("PrimaryNeedCode") == "N1"
    assert episode.find("CINclosureDate") is None
    assert episode.find("DateOfInitialCPC") is None  # given on the Section47 block (2884)
    assert episode.findtext("ReferralNFA") == "false"
    (assessment,) = episode.findall("Assessments")
    assert assessment.findtext("AssessmentActualStartDate") == "2025-05-06"
    assert assessment.findtext("AssessmentAuthorisationDate") == "2025-06-03"
    assert [f.text for f in assessment.find("FactorsIdentifiedAtAssessment")] == ["3A", "16A"]
    (enquiry,) = episode.findall("Section47")
    assert enquiry.findtext("S47ActualStartDate") == "2025-06-04"
    assert enquiry.findtext("InitialCPCtarget") is not None
    assert enquiry.findtext("DateOfInitialCPC") == "2025-06-20"
    assert enquiry.findtext("ICPCnotRequired") == "false"
    (plan,) = episode.findall("ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2025-06-20"
    assert plan.find("CPPendDate") is None
    assert plan.findtext("InitialCategoryOfAbuse") == "NEG"
    # The category at the last review by 31 March 2026, not June's later change.
    assert plan.findtext("LatestCategoryOfAbuse") == "EMO"
    assert plan.findtext("NumberOfPreviousCPP") == "0"
    assert [r.text for r in plan.find("Reviews")] == ["2025-09-19", "2026-03-13"]


def test_no_further_action_unborn_and_later_facts(built):
    made, _, _, xml = built
    children = children_of(xml)
    nfa = children[made.nfa.la_child_id]
    assert nfa.find("ChildIdentifiers/UPN") is None
    assert nfa.findtext("ChildIdentifiers/UPNunknown") == "UN7"
    assert nfa.findtext("CINdetails/ReferralNFA") == "true"
    assert nfa.find("CINdetails/PrimaryNeedCode") is None
    unborn = children[made.unborn.la_child_id]
    assert unborn.find("ChildIdentifiers/PersonBirthDate") is None
    assert unborn.findtext("ChildIdentifiers/ExpectedPersonBirthDate") == "2026-07-20"
    assert unborn.findtext("ChildIdentifiers/Sex") == "U"
    in_need = children[made.in_need.la_child_id]
    # Two plans, the second agreed the day the first ended: one period, open on 31 March.
    (period,) = in_need.findall("CINdetails/CINPlanDates")
    assert period.findtext("CINPlanStartDate") == "2025-05-01"
    assert period.find("CINPlanEndDate") is None  # ended in May 2026


def test_the_tables_are_what_the_validator_reads_from_the_same_xml(built):
    _, _, tables, xml = built
    read = cv.process_data(cv.convert_data(ET.fromstring(xml)))
    ours = cv.process_data({k: v.copy() for k, v in tables.items()})
    for name, frame in read.items():
        if name in ("Reviews", "Header"):
            continue
        pd.testing.assert_frame_equal(
            ours[name].reset_index(drop=True).astype(object).where(ours[name].notna(), None),
            frame.reset_index(drop=True).astype(object).where(frame.notna(), None),
            check_dtype=False, obj=name)
    assert list(ours["Header"].columns) == list(read["Header"].columns)
    assert ours["Header"].iloc[0]["LEA"] == read["Header"].iloc[0]["LEA"] == "900"
    # The validator's reader keeps only a plan's first review date; the tables keep each.
    assert len(read["Reviews"]) == 1 and len(ours["Reviews"]) == 2


def test_the_hand_built_records_pass_the_dfe_rules(built):
    _, build, tables, _ = built
    outcome = run(tables, y2025_26.RULESET)
    assert {(f.rule_code, f.child_id) for f in outcome.errors} == set()
    assert outcome.rules_run == 109


def test_an_export_audits_each_child_whose_record_left_hearth(built):
    made, build, _, _ = built
    exported = AuditEvent.objects.filter(event_code="CIN_CENSUS_CHILD_EXPORTED")
    assert set(exported.values_list("child_id", flat=True)) == {p.pk for p in build.people}
    assert not exported.filter(child_id=made.closed_before.pk).exists()
    event = AuditEvent.objects.get(event_code="CIN_CENSUS_EXPORTED")
    assert event.detail == {"year": 2025, "children": 4, "serial_no": "001"}


def test_the_collection_period_runs_april_to_march():
    period = records.CollectionPeriod(2025)
    assert (str(period.start), str(period.reference_date)) == ("2025-04-01", "2026-03-31")
    assert period.contains(period.start) and not period.contains(period.start.replace(day=1,
                                                                                     month=3))
