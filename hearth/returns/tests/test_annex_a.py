"""Annex A built from hand-made records: the columns are Ofsted's names, a child appears in the
lists its records put it in with the right values, and the windows end where they should."""

import datetime as dt
import re
from pathlib import Path

import pytest

from hearth.assessments import services as assessment_services
from hearth.assessments.tests.factories import assessment_for, completed
from hearth.care import services as care_services
from hearth.care.tests.factories import period_for
from hearth.frontdoor.tests.factories import contact_for
from hearth.health_education import services as health_services
from hearth.leaving_care import services as leaving_services
from hearth.leaving_care.tests.factories import relevant_care_leaver
from hearth.missing.tests.factories import episode_for, london, offer
from hearth.protection import services as protection
from hearth.protection.codes import Section47Outcome
from hearth.protection.tests.factories import discussion, plan_from_icpc
from hearth.protection.tests.factories import referral_for as plain_referral
from hearth.returns import annex_a
from hearth.returns.annex_a import rows, template_2023
from hearth.returns.annex_a.build import AnnexANotReady, annex_a_build

pytestmark = pytest.mark.django_db
D = dt.date
AS_AT = D(2026, 6, 1)  # six months back to 1 December 2025; twelve to 1 June 2025
SPEC = Path("/work/shared/domain/RETURNS.md")
# The same section copied into the repository (the shared notes are not in it).
SPEC_COPY = Path(__file__).with_name("annex_a_spec.md")


def _spec_columns(text: str) -> dict[int, list[str]]:
    """List number -> the columns after the common ones, as RETURNS.md section 4 spells them."""
    found = {}
    for line in text.splitlines():
        match = re.match(r"\| (\d+) [^|]+\| [^|]+\| (.+) \|$", line)
        if match:
            found[int(match.group(1))] = [c.strip() for c in match.group(2).split(";")]
    return found


def test_every_lists_columns_are_the_specifications_names_in_order():
    spec = _spec_columns(SPEC_COPY.read_text())
    assert sorted(spec) == list(range(1, 12))
    template = annex_a.for_template()
    for item in template.LISTS:
        if item.number == 11:
            assert list(item.columns) == spec[11]
        else:
            assert list(item.columns) == list(template_2023.COMMON) + spec[item.number], (
                item.number)


@pytest.mark.skipif(not SPEC.exists(), reason="the shared domain notes are not on this machine")
def test_the_copied_table_is_still_the_specifications():
    assert _spec_columns(SPEC.read_text()) == _spec_columns(SPEC_COPY.read_text())


def test_the_template_declares_its_date_columns_among_its_columns():
    for item in template_2023.LISTS:
        assert item.dates <= set(item.columns), item.number
    assert annex_a.for_template("2023") is template_2023
    with pytest.raises(annex_a.UnsupportedTemplate, match="It has: 2023"):
        annex_a.for_template("1999")


def test_the_windows_are_six_months_and_twelve_for_adoption():
    assert template_2023.window(AS_AT, 6) == template_2023.Window(D(2025, 12, 1), AS_AT)
    assert template_2023.window(D(2026, 8, 31), 6).start == D(2026, 2, 28)
    months = {item.number: item.months for item in template_2023.LISTS}
    assert months == {**{n: 6 for n in range(1, 10)}, 10: 12, 11: 12}


@pytest.fixture
def kit(personas, authority):
    """A child through the front door, an assessment, section 47, a plan, and into care."""
    alice, bob, erin = personas.sw_alice, personas.tm_bob, personas.iro_erin
    child = personas.child_for(alice, date_of_birth=D(2015, 5, 10), sex="F", ethnicity="MWBC",
                               disabilities=["MOB"], allocated_on=D(2025, 1, 1))
    contact_for(child, actor=alice, received_at=london(2026, 1, 4, 10))
    contact_for(child, actor=alice, received_at=london(2025, 11, 30, 23, 30))  # before the window
    earlier = plain_referral(child, on=D(2025, 3, 1), actor=alice)
    earlier.closed_on, earlier.closure_reason = D(2025, 4, 1), "RC7"
    earlier.save()
    assessment = assessment_for(child, alice, referred_on=D(2026, 1, 5), started_on=D(2026, 1, 6))
    completed(assessment, alice, on=D(2026, 1, 30), seen_on=D(2026, 1, 8))
    assessment_services.assessment_authorise(assessment=assessment, actor=bob,
                                             authorised_on=D(2026, 2, 1),
                                             outcome="strategy_discussion")
    enquiry = discussion(assessment.referral, alice, on=D(2026, 2, 2)).section47
    protection.section47_conclude(enquiry=enquiry, actor=alice,
                                  outcome=Section47Outcome.CONTINUING_RISK,
                                  completed_on=D(2026, 2, 10), icpc_required=True)
    plan = plan_from_icpc(enquiry, actor=erin, chair=erin, on=D(2026, 2, 16), category="PHY")
    protection.cp_visit_record(plan=plan, actor=alice, visited_on=D(2026, 3, 2),
                               child_seen=True, seen_alone=True)
    period = period_for(child, alice, started_on=D(2026, 4, 1), legal_status="C1")
    care_services.cla_visit_record(period=period, visited_on=D(2026, 4, 10), child_seen=True,
                                   seen_alone=True, actor=alice)
    care_services.cla_review_record(period=period, held_on=D(2026, 4, 20), chair=erin,
                                    participation="PN1", actor=erin)
    health_services.health_check_record(period=period, kind="initial", done_on=D(2026, 4, 15),
                                        carried_out_by="Looked after children nurse",
                                        actor=alice)
    missing = episode_for(child, alice, started_at=london(2026, 5, 1, 20),
                          returned_at=london(2026, 5, 2, 8))
    offer(missing, alice, at=london(2026, 5, 3, 10), accepted=True)
    episode_for(child, alice, started_at=london(2026, 5, 10, 20),
                returned_at=london(2026, 5, 10, 23), kind="A")

    leaver = personas.child_for(alice, date_of_birth=D(2009, 1, 20), sex="M",
                                allocated_on=D(2025, 1, 1))
    care_leaver = relevant_care_leaver(leaver, alice, left_care_on=D(2026, 5, 1))
    leaving_services.situation_record(care_leaver=care_leaver, as_at=D(2026, 5, 20),
                                      in_touch="YES", activity="F2", accommodation="E",
                                      accommodation_suitable=True, actor=alice)
    return child, leaver, personas


def _only(items, child):
    found = [row for row in items if row["Child Unique ID"] == child.la_child_id]
    assert len(found) == 1, found
    return found[0]


def test_the_child_appears_in_each_list_its_records_put_it_in(kit):
    child, leaver, personas = kit
    build = annex_a_build(as_at=AS_AT)
    team, worker = str(personas.sw_alice.team), str(personas.sw_alice)
    common = {"Child Unique ID": child.la_child_id, "Gender": "Female", "Ethnicity": "MWBC",
              "Date of Birth": D(2015, 5, 10), "Age of Child (Years)": 11}

    contact = _only(build.lists[1], child)
    assert contact == common | {"Date of Contact": D(2026, 1, 4), "Contact Source": "2A"}
    assert build.lists[2] == []

    referral = _only(build.lists[3], child)
    assert referral["Date of referral"] == D(2026, 1, 5)
    assert referral["Referral NFA?"] == "No"
    assert referral["Number of Referrals in Last 12 Months"] == 2  # March 2025 and this one
    assert (referral["Allocated Team"], referral["Allocated Worker"]) == (team, worker)

    assessment = _only(build.lists[4], child)
    assert assessment["Does the Child have a Disability"] == "Yes"
    assert assessment["Continuous Assessment Start Date"] == D(2026, 1, 6)
    assert assessment["Child Seen During Continuous Assessment"] == "Yes"
    assert assessment["Continuous Assessment Date of Authorisation"] == D(2026, 2, 1)
    assert assessment[
        "Was the child assessed as requiring LA children's social care support?"] == "Yes"

    enquiry = _only(build.lists[5], child)
    assert enquiry["Strategy discussion initiating Section 47 Enquiry Start Date"] == D(2026, 2, 2)
    assert enquiry["Was an Initial Child Protection Conference deemed unnecessary?"] == "No"
    assert enquiry["Date of Initial Child Protection Conference"] == D(2026, 2, 16)
    assert enquiry[
        "Did the Initial Child Protection Conference Result in a Child Protection Plan"] == "Yes"
    assert enquiry["Number of Section 47 Enquiries in the last 12 months"] == 1
    assert enquiry["Number of ICPCs in the last 12 months"] == 1

    in_need = _only(build.lists[6], child)
    assert in_need["CIN Start Date"] == D(2026, 1, 5)
    assert in_need["Date Child Was Last Seen"] == D(2026, 4, 10)
    assert in_need["Case Status"] == "Looked after"
    assert in_need["CIN Closure Date"] is None

    plan = _only(build.lists[7], child)
    assert plan["Child Protection Plan Start Date"] == D(2026, 2, 16)
    assert plan["Initial Category of Abuse"] == "PHY"
    assert plan["Date of the Last Statutory Visit"] == D(2026, 3, 2)
    assert plan["Was the Child Seen Alone?"] == "Yes"
    assert plan["Subject to Emergency Protection Order or Protected Under Police Powers in Last "
                "Six Months (Y/N)"] == "N"
    assert plan["Number of Previous Child Protection Plans"] == 0

    care = _only(build.lists[8], child)
    assert care["Date Started to be Looked After"] == D(2026, 4, 1)
    assert care["Child's Legal Status"] == "C1"
    assert care["Start date of current legal status"] == D(2026, 4, 1)
    assert care["Child's Category of Need"] == "N1"
    assert care["Is this a second or subsequent period of being a Looked After Child within the "
                "last 12 months (Y/N)"] == "N"
    assert care["Date of Latest Statutory Review"] == D(2026, 4, 20)
    assert care["Date of Last Social Work Visit"] == D(2026, 4, 10)
    assert care["Date of Last Health Assessment"] == D(2026, 4, 15)
    assert care["Date of Last Dental Check"] is None
    assert care["Number of Placements in the Last 12 months"] == 1
    assert care["Placement Type"] == "U6" and care["Placement postcode"] == "ZZ1 1AA"
    assert care["Number of Episodes the Child has been 'Missing' from their Placement in the "
                "last 12 months"] == 1
    assert care["Number of Episodes the Child has been 'Absent' from their Placement in the "
                "last 12 months"] == 1
    assert care["Was the child offered a Return Interview after their last missing episode "
                "(Y/N)?"] == "Y"
    assert care["Did the child accept a Return Interview after their last missing episode "
                "(Y/N)?"] == "Y"
    assert care["What is the permanence plan for this child?"] == ""
    assert (care["Allocated Team"], care["Allocated Worker"]) == (team, worker)
    assert [r["Child Unique ID"] for r in build.lists[9]] == [leaver.la_child_id]

    care_leaver = _only(build.lists[9], leaver)
    assert care_leaver["Eligibility Category"] == "relevant"
    assert care_leaver["LA in Touch"] == "YES"
    assert care_leaver["Type of Accommodation"] == "E"
    assert care_leaver["Suitability of Accommodation"] == "Suitable"
    assert care_leaver["Activity Status"] == "F2"
    assert care_leaver["Age of Child (Years)"] == 17
    assert all(child.la_child_id not in str(r) for r in build.lists[9])

    for number, items in build.lists.items():
        columns = set(template_2023.BY_NUMBER[number].columns)
        for row in items:
            assert set(row) == columns, number


def test_facts_after_the_as_at_date_are_not_yet_facts(kit):
    child, _, _ = kit
    build = annex_a_build(as_at=D(2026, 3, 1))
    assert _only(build.lists[7], child)["Date of the Last Statutory Visit"] is None
    assert all(r["Child Unique ID"] != child.la_child_id for r in build.lists[8])
    assert _only(build.lists[6], child)["Case Status"] == "Child protection plan"


def test_the_six_month_window_includes_both_ends(personas, authority):
    alice = personas.sw_alice
    dates = {"before": D(2025, 11, 30), "first": D(2025, 12, 1), "last": AS_AT,
             "after": D(2026, 6, 2)}
    children = {}
    for name, day in dates.items():
        children[name] = personas.child_for(alice)
        plain_referral(children[name], on=day, actor=alice)
    listed = {r["Child Unique ID"] for r in annex_a_build(as_at=AS_AT).lists[3]}
    assert listed == {children["first"].la_child_id, children["last"].la_child_id}


def test_an_episode_closed_the_day_before_the_window_is_not_in_list_6(personas, authority):
    alice = personas.sw_alice
    kept, gone = personas.child_for(alice), personas.child_for(alice)
    for child, closed in ((kept, D(2025, 12, 1)), (gone, D(2025, 11, 30))):
        referral = plain_referral(child, on=D(2025, 6, 1), actor=alice)
        referral.closed_on, referral.closure_reason = closed, "RC1"
        referral.save()
    listed = {r["Child Unique ID"]: r for r in annex_a_build(as_at=AS_AT).lists[6]}
    assert set(listed) == {kept.la_child_id}
    assert listed[kept.la_child_id]["Case Status"] == "Closed"
    assert listed[kept.la_child_id]["Reason for Closure"] == "RC1"


def test_restricted_children_are_included(personas, authority):
    child = personas.child_for(personas.sw_alice, is_restricted=True,
                               restriction_reason="Synthetic: a test of restricted records")
    plain_referral(child, on=D(2026, 3, 1), actor=personas.sw_alice)
    assert [r["Child Unique ID"] for r in annex_a_build(as_at=AS_AT).lists[3]] == [
        child.la_child_id]


def test_a_future_as_at_date_and_no_authority_are_refused(personas, authority):
    with pytest.raises(AnnexANotReady, match="today or in the past"):
        annex_a_build(as_at=D(2026, 6, 16))


def test_lists_10_and_11_are_empty_without_the_permanence_app(authority, monkeypatch):
    monkeypatch.setattr(rows, "permanence_module", lambda: None)
    build = annex_a_build(as_at=AS_AT)
    assert build.lists[10] == [] and build.lists[11] == []
    assert "hearth.permanence" in build.notes[10]
    assert build.windows[10] == template_2023.Window(D(2025, 6, 1), AS_AT)
    assert "early help" in build.notes[2]


def test_lists_10_and_11_come_from_the_permanence_contract(personas, authority, monkeypatch):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2022, 2, 1))
    calls = {}

    class Permanence:
        @staticmethod
        def annex_a_list_10(start, end):
            calls[10] = (start, end)
            return [{"child_id": child.pk, "Family identifier": "F1",
                     "Date of Placement Order": D(2026, 1, 2)}]

        @staticmethod
        def annex_a_list_11(start, end):
            calls[11] = (start, end)
            return [{"Individual adopter identifier": "A1", "Family identifier": "F1"}]

        @staticmethod
        def permanence_plans(child_ids, as_at):
            return {}

    monkeypatch.setattr(rows, "permanence_module", lambda: Permanence)
    build = annex_a_build(as_at=AS_AT)
    assert calls == {10: (D(2025, 6, 1), AS_AT), 11: (D(2025, 6, 1), AS_AT)}
    row = build.lists[10][0]
    assert row["Child Unique ID"] == child.la_child_id and row["Age of Child (Years)"] == 4
    assert row["Family identifier"] == "F1" and row["Date of Placement Order"] == D(2026, 1, 2)
    assert row["Does the Child have a Disability"] == "No"
    assert build.lists[11] == [{"Individual adopter identifier": "A1", "Family identifier": "F1"}]


def _queries_per_list(as_at) -> dict[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for number, builder in rows.BUILDERS.items():
        with CaptureQueriesContext(connection) as captured:
            builder(as_at)
        counts[number] = len(captured)
    return counts


def test_each_list_is_a_fixed_number_of_queries_whatever_the_number_of_children(kit):
    _, _, personas = kit
    before = _queries_per_list(AS_AT)
    for _ in range(3):
        child = personas.child_for(personas.sw_alice, allocated_on=D(2025, 1, 1))
        period = period_for(child, personas.sw_alice, started_on=D(2026, 1, 10))
        care_services.cla_visit_record(period=period, visited_on=D(2026, 2, 1),
                                       child_seen=True, seen_alone=False,
                                       actor=personas.sw_alice)
        assessment_for(child, personas.sw_alice, referred_on=D(2026, 1, 5))
    assert _queries_per_list(AS_AT) == before
    assert max(before.values()) <= 12
