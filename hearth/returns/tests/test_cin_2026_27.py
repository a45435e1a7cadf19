"""The children in need census 2026 to 2027: the pre-proceedings and FGDM module (module 5)
built from hearth.court's records for hand-built children, its validator table, and the choice
of the year's module by collection year (command and page)."""

import datetime as dt
import io
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from hearth.court import services as court
from hearth.court.tests.factories import pre_proceedings
from hearth.frontdoor.tests.factories import referral_for
from hearth.returns import cin, services
from hearth.returns.cin import tables as census_tables
from hearth.returns.cin import validation, y2025_26, y2026_27

pytestmark = pytest.mark.django_db
D = dt.date
# Monday 10 May 2027: the whole 2026 to 2027 collection year is in the past.
NOW = dt.datetime(2027, 5, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def traveller():  # overrides the package's 15 June 2026
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _issue(legal_case, personas, *, decided_on, applied_on, issued_on, letter_on):
    court.pre_proceedings_outcome_record(legal_case=legal_case, outcome="issue",
                                         decided_on=decided_on, actor=personas.tm_bob)
    court.application_record(legal_case=legal_case, applied_on=applied_on, issued_on=issued_on,
                             court="Family Court (synthetic)", application_type="care_order",
                             parents_letter_on=letter_on, actor=personas.sw_alice)


@pytest.fixture
def made(personas, authority):
    alice = personas.sw_alice
    older = personas.child_for(alice, date_of_birth=D(2018, 1, 5), sex="M")
    younger = personas.child_for(alice, date_of_birth=D(2020, 7, 9), sex="F")
    for child in (older, younger):
        referral_for(child, actor=alice, referral_date=D(2026, 4, 6), source="2A")
    # A sibling group's pre-proceedings, all in the year, that went to court.
    case = pre_proceedings(older, personas, on=D(2026, 5, 4), siblings=[younger])
    court.letter_before_proceedings_send(legal_case=case, sent_on=D(2026, 5, 6),
                                         fgdm_offered=True, actor=alice)
    for kind, on in (("initial", D(2026, 5, 18)), ("fgdm", D(2026, 5, 25)),
                     ("review", D(2026, 6, 29)), ("review", D(2026, 7, 27))):
        court.pre_proceedings_meeting_record(legal_case=case, kind=kind, held_on=on,
                                             attended="Parents, SW", actor=alice)
    _issue(case, personas, decided_on=D(2026, 8, 3), applied_on=D(2026, 8, 5),
           issued_on=D(2026, 8, 7), letter_on=D(2026, 8, 10))

    # Started late in the year: the letter and meeting after 31 March are next year's facts.
    late = personas.child_for(alice, date_of_birth=D(2015, 3, 3), sex="F")
    referral_for(late, actor=alice, referral_date=D(2026, 9, 1), source="6")
    late_case = pre_proceedings(late, personas, on=D(2027, 3, 22))
    court.letter_before_proceedings_send(legal_case=late_case, sent_on=D(2027, 4, 1),
                                         fgdm_offered=False, actor=alice)
    court.pre_proceedings_meeting_record(legal_case=late_case, kind="initial",
                                         held_on=D(2027, 4, 12), attended="Parents, SW",
                                         actor=alice)

    # Started before the year (stepped down in it): not in the 2026 to 2027 module.
    before = personas.child_for(alice, date_of_birth=D(2014, 2, 2), sex="M")
    referral_for(before, actor=alice, referral_date=D(2026, 1, 12), source="1A")
    before_case = pre_proceedings(before, personas, on=D(2026, 3, 2))
    court.pre_proceedings_outcome_record(legal_case=before_case, outcome="step_down",
                                         decided_on=D(2026, 4, 20), actor=personas.tm_bob)
    return {"older": older, "younger": younger, "late": late, "before": before}


def export(year: int):
    out = io.BytesIO()
    build, tables = services.cin_census_export(start_year=year, out=out, system_job="test",
                                               with_tables=True)
    root = ET.fromstring(out.getvalue())
    return build, tables, root, {c.findtext("ChildIdentifiers/LAchildID"): c
                                 for c in root.find("Children")}


def modules(child: ET.Element) -> list[dict]:
    return [{e.tag: e.text for e in block}
            for block in child.findall("CINdetails/PreProceedingsandFGDM")]


def test_the_year_is_chosen_by_its_start():
    assert cin.for_year(2025) is y2025_26 and cin.for_year(2026) is y2026_27
    assert cin.supported_years() == [2025, 2026]
    assert y2026_27.period().reference_date == D(2027, 3, 31)
    # Everything the DfE did not change is the 2025 to 2026 layout itself.
    assert y2026_27.CIN_DETAILS == (*y2025_26.CIN_DETAILS, "PreProceedingsandFGDM")
    assert y2026_27.ORDER["Section47"] is y2025_26.SECTION47
    assert "PreProceedingsandFGDM" not in y2025_26.CIN_DETAILS
    assert y2026_27.PRE_PROCEEDINGS == census_tables.PRE_PROCEEDINGS_COLUMNS[2:]


def test_the_module_maps_each_court_fact_in_the_validators_order(made):
    build, _, root, children = export(2026)
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2027-03-31"
    assert root.findtext("Header/CollectionDetails/Year") == "2027"
    expected = {
        "PPStartDate": "2026-05-04", "LBPSentDate": "2026-05-06", "FGDMMeetingOffer": "1",
        "FGDMMeetingFac": "1", "InitialPPMeetingDate": "2026-05-18",
        "ReviewMeetingsCount": "2", "StepDecisionDate": "2026-08-03", "PPOutcome": "B",
        "CourtAppDate": "2026-08-05", "LetterInitCPDate": "2026-08-10"}
    for key in ("older", "younger"):  # each child of the sibling group has the block
        child = children[made[key].la_child_id]
        [block] = child.findall("CINdetails/PreProceedingsandFGDM")
        assert [e.tag for e in block] == list(y2026_27.PRE_PROCEEDINGS)
        assert modules(child) == [expected]
        episode = child.find("CINdetails")
        assert [e.tag for e in episode][-1] == "PreProceedingsandFGDM"
    # Only what had happened by 31 March 2027.
    assert modules(children[made["late"].la_child_id]) == [{"PPStartDate": "2027-03-22"}]
    assert modules(children[made["before"].la_child_id]) == []


def test_the_2025_to_2026_census_has_no_module(made):
    _, tables, _, children = export(2025)
    assert "PreProceedings" not in tables
    assert all(modules(child) == [] for child in children.values())


def test_the_validator_table_has_a_row_per_block_with_its_episode(made):
    _, tables, _, _ = export(2026)
    frame = tables["PreProceedings"]
    assert list(frame.columns) == list(census_tables.PRE_PROCEEDINGS_COLUMNS)
    assert len(frame) == 3
    row = frame[frame["LAchildID"] == made["older"].la_child_id].iloc[0]
    assert (row["CINdetailsID"], row["PPStartDate"], row["CourtAppDate"],
            row["PPOutcome"]) == (1, "2026-05-04", "2026-08-05", "B")
    late = frame[frame["LAchildID"] == made["late"].la_child_id].iloc[0]
    assert late.isna()["LBPSentDate"]


def test_the_year_is_validated_with_the_rules_there_are(made):
    build, tables, _, _ = export(2026)
    outcome = validation.run(tables, y2026_27.RULESET)
    assert outcome.rules_run == len(validation.ruleset("2027"))
    assert not [f for f in outcome.failures if f.table == "PreProceedings"]
    assert "does not check the pre-proceedings" in cin.caveat(2026)
    assert cin.caveat(2025) == ""


def test_the_commands_take_the_year_and_say_what_is_not_checked(made, tmp_path, capsys):
    output = tmp_path / "cin-2026.xml"
    call_command("export_return", "cin", "--year", "2026", "--output", str(output),
                 "--validate")
    printed = capsys.readouterr().out
    assert "children in need census 2026 to 2027" in printed
    assert "Caveat: csc-validator-be-cin" in printed and "(2027 ruleset)" in printed
    root = ET.parse(output).getroot()
    assert len(root.findall(".//PreProceedingsandFGDM")) == 3


def test_the_page_offers_2026_and_shows_the_caveat(client, personas, made, build_return):
    client.force_login(personas.analyst_dana)
    page = reverse("returns:cin_census")
    body = client.get(page).content.decode()
    assert '<option value="2026">2026 to 2027</option>' in body
    body = client.get(page, {"year": "2026"}).content.decode()
    assert "does not check the pre-proceedings" in body
    assert "does not check the pre-proceedings" not in client.get(
        page, {"year": "2025"}).content.decode()
    job = build_return(client, "cin", year=2026)
    response = client.get(reverse("returns:return_job_download", args=[job.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="cin-census-2026-27.xml"'
