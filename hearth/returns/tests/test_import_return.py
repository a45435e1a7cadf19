"""Importing a previous system's children in need census (manage.py import_return cin): the
whole file is checked and refused with its XML line, nothing is written unless all of it is
good, and a return exported, imported into an empty Hearth and exported again gives back the
same facts, child by child."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from hearth.core.models import AuditEvent
from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.returns import services
from hearth.returns.cin import census_compare, importer
from hearth.returns.tests.factories import build_records

pytestmark = pytest.mark.django_db


def export() -> bytes:
    out = io.BytesIO()
    services.cin_census_export(start_year=2025, out=out, system_job="test")
    return out.getvalue()


def defaults(personas) -> importer.Defaults:
    return importer.Defaults(team=personas.team_a.name, chair=personas.iro_erin.username,
                             authoriser=personas.tm_bob.username)


def exported_then_forgotten(personas) -> bytes:
    """The hand-built records' census; the records themselves are rolled back (the staff
    stay), as if the census came from another system."""
    with transaction.atomic():
        build_records(personas)
        xml = export()
        transaction.set_rollback(True)
    return xml


def write(tmp_path: Path, data: bytes, name: str = "cin.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run(path: Path, personas, *options: str) -> str:
    out = io.StringIO()
    call_command("import_return", "cin", str(path), "--team", personas.team_a.name,
                 "--chair", personas.iro_erin.username, "--authoriser",
                 personas.tm_bob.username, *options, stdout=out, stderr=out)
    return out.getvalue()


def options(personas) -> list[str]:
    return ["--team", personas.team_a.name, "--chair", personas.iro_erin.username,
            "--authoriser", personas.tm_bob.username]


def refused(path: Path, personas, *options: str) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="was not imported"):
        call_command("import_return", "cin", str(path), *options, stdout=io.StringIO(),
                     stderr=err)
    return err.getvalue()


def snapshot() -> dict[str, int]:
    return {"people": Person.objects.count(), "referrals": Referral.objects.count(),
            "audit": AuditEvent.objects.count()}


# ---- The round trip --------------------------------------------------------------------------


def test_a_hand_built_return_round_trips_with_no_differences(personas, authority):
    first = exported_then_forgotten(personas)
    assert Referral.objects.count() == 0
    result = importer.import_bytes(first, source_name="cin.xml", defaults=defaults(personas))
    assert result.problems == []
    assert result.children == 4
    assert census_compare.differences(first, export()) == []


def test_the_import_is_audited_and_the_children_are_held_by_the_team(personas, authority):
    first = exported_then_forgotten(personas)
    result = importer.import_bytes(first, source_name="cin.xml", defaults=defaults(personas))
    assert result.ok
    event = AuditEvent.objects.get(event_code="CIN_CENSUS_IMPORTED")
    assert event.detail["children"] == 4 and event.system_job == importer.SYSTEM_JOB
    child = Person.objects.get(last_name__startswith="child ", referrals__closed_on__isnull=True,
                               cin_plans__isnull=False)
    assert child.first_name == importer.PLACEHOLDER_FIRST_NAME


# ---- Refusals: the line, the reason, and nothing written -------------------------------------


def line_of(data: bytes, text: str) -> int:
    return data[:data.index(text.encode())].count(b"\n") + 1


def test_a_bad_code_and_an_unknown_element_refuse_the_file_with_their_lines(
        personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    bad = good.replace(b"<ReferralSource>2A</ReferralSource>",
                       b"<ReferralSource>ZZ</ReferralSource>", 1)
    bad = bad.replace(b"<Ethnicity>MWBC</Ethnicity>",
                      b"<Ethnicity>MWBC</Ethnicity><Religion>none</Religion>", 1)
    before = snapshot()
    message = refused(write(tmp_path, bad), personas, *options(personas))
    assert f"line {line_of(bad, '<ReferralSource>ZZ')}: 'ZZ' is not a 2025 to 2026 code for " \
           "<ReferralSource>" in message
    assert f"line {line_of(bad, '<Religion>')}: <Religion> is not part of " \
           "<ChildCharacteristics>" in message
    assert "2 problems; nothing was imported" in message
    assert snapshot() == before


def test_a_fact_the_services_refuse_late_in_the_file_rolls_back_the_whole_file(
        personas, authority, tmp_path):
    """The first children are recorded before the last one is refused: all of it goes."""
    good = exported_then_forgotten(personas)
    # The last child's referral, closed the day before it was made.
    at = good.rindex(b"<CINreferralDate>")
    referral_date = good[at + 17:at + 27].decode()
    bad = good[:at] + good[at:].replace(
        b"<ReferralNFA>", b"<CINclosureDate>2000-01-01</CINclosureDate><ReasonForClosure>RC7"
                          b"</ReasonForClosure><ReferralNFA>", 1)
    before = snapshot()
    message = refused(write(tmp_path, bad), personas, *options(personas))
    episode_line = bad[:bad.rindex(b"<CINdetails>")].count(b"\n") + 1
    assert referral_date and f"line {episode_line}: " in message
    assert "(as cases[3].events" in message
    assert snapshot() == before


def test_malformed_xml_is_refused_with_its_line(db, tmp_path, personas):
    message = refused(write(tmp_path, b"<Message>\n<Header>\n</Message>\n"), personas)
    assert "line 3: not well-formed XML: mismatched tag" in message


def test_a_document_type_or_entity_is_refused(db, tmp_path, personas):
    hostile = (b'<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY a "aaaa">]>\n'
               b"<Message>&a;</Message>\n")
    message = refused(write(tmp_path, hostile), personas)
    assert "line 2: the file declares a document type" in message


def test_a_dry_run_writes_nothing_and_reports_the_counts(personas, authority, tmp_path):
    path = write(tmp_path, exported_then_forgotten(personas))
    before = snapshot()
    out = run(path, personas, "--dry-run")
    assert "(2025 to 2026 census, 4 children) checked (dry run: nothing was written)" in out
    assert "person" in out and "referral" in out and "initial_conference" in out
    assert snapshot() == before


def test_a_child_already_in_hearth_is_refused_not_merged(personas, authority, tmp_path):
    path = write(tmp_path, exported_then_forgotten(personas))
    run(path, personas)
    before = snapshot()
    message = refused(path, personas, *options(personas))
    assert "is already in Hearth: the importer does not merge records" in message
    assert snapshot() == before


def test_the_defaults_the_census_cannot_give_are_asked_for_clearly(personas, authority,
                                                                   tmp_path):
    path = write(tmp_path, exported_then_forgotten(personas))
    message = refused(path, personas)
    assert "name their chair (an independent reviewing officer's username) with --chair" \
        in message
    assert "with --authoriser" in message and "with --team" in message
    message = refused(path, personas, "--team", "No Such Team", "--chair", "nobody",
                      "--authoriser", personas.sw_alice.username)
    assert "--team: there is no team called 'No Such Team'" in message
    assert "--chair: no member of staff has the username 'nobody'" in message
    message = refused(path, personas, "--team", personas.team_a.name, "--chair",
                      personas.sw_alice.username, "--authoriser", personas.sw_alice.username)
    # The import format's own checks, at the line of the block the event came from.
    assert "cannot authorise assessments: only an active team manager" in message
    assert "is not an active independent reviewing officer or child protection chair" \
        in message


# ---- Other years, and the validator's published samples --------------------------------------


def header(reference_date: str, year: str) -> bytes:
    return (f"<Message>\n  <Header>\n    <CollectionDetails>\n      <Collection>CIN"
            f"</Collection>\n      <Year>{year}</Year>\n      <ReferenceDate>{reference_date}"
            f"</ReferenceDate>\n    </CollectionDetails>\n  </Header>\n  <Children/>\n"
            f"</Message>\n").encode()


@pytest.mark.parametrize("reference_date, year", [("2027-03-31", "2027"),
                                                  ("2022-07-21", "2022")])
def test_a_census_for_a_year_hearth_cannot_read_is_refused_with_the_years_it_can(
        db, tmp_path, personas, reference_date, year):
    message = refused(write(tmp_path, header(reference_date, year)), personas)
    assert (f"line 3: the file's reference date is {reference_date}: Hearth reads the children "
            "in need census for 2025 to 2026 (reference date 31 March 2026) only") in message


def test_the_installed_validator_ships_no_sample_census_files():
    """csc-validator-be-cin's fake_data/fake_CIN_data.xml lives in its repository, not in the
    installed package (its RECORD lists no XML). That file is a 2022 return (reference date
    21 July 2022, GenderCurrent): the year test above shows how it is refused. If a later
    version ships samples, this test names them so they can be added to the round trip."""
    import cin_validator

    shipped = sorted(p.name for p in Path(cin_validator.__file__).parent.rglob("*.xml"))
    assert shipped == []


# ---- Child protection plans from before the year, and how plans end ------------------------

PLANS = b"""<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>900</LEA>
      <SoftwareCode>Previous system</SoftwareCode>
      <Release>1</Release>
      <SerialNo>001</SerialNo>
      <DateTime>2026-04-20T09:00:00</DateTime>
    </Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>PREV0001</LAchildID>
        <UPNunknown>UN2</UPNunknown>
        <PersonBirthDate>2015-05-05</PersonBirthDate>
        <Sex>M</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
          <Disability>NONE</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-01-06</CINreferralDate>
        <ReferralSource>5A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <CINclosureDate>2025-11-03</CINclosureDate>
        <ReasonForClosure>RC4</ReasonForClosure>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-02-10</CPPstartDate>
          <CPPendDate>2025-10-01</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-05-01</CPPreviewDate>
            <CPPreviewDate>2025-10-01</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>PREV0002</LAchildID>
        <UPNunknown>UN1</UPNunknown>
        <PersonBirthDate>2021-08-08</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>BAFR</Ethnicity>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-06-02</CINreferralDate>
        <ReferralSource>1B</ReferralSource>
        <PrimaryNeedCode>N2</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2025-06-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>2B</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Section47>
          <S47ActualStartDate>2025-06-23</S47ActualStartDate>
          <InitialCPCtarget>2025-07-14</InitialCPCtarget>
          <DateOfInitialCPC>2025-07-10</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-07-10</CPPstartDate>
          <CPPendDate>2025-12-15</CPPendDate>
          <InitialCategoryOfAbuse>EMO</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-10-02</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""


def test_plans_from_before_the_year_and_both_ways_of_ending_round_trip(personas, authority):
    """A plan whose enquiry and conference were before 1 April (not in the return) is recorded
    from its start date; a plan ends at its last review, or on a date of its own."""
    result = importer.import_bytes(PLANS, source_name="plans.xml", defaults=defaults(personas))
    assert result.problems == []
    assert "1 child protection plans whose enquiry was before the year" in result.notes
    assert census_compare.differences(PLANS, export()) == []


def test_the_synthetic_tiny_authority_round_trips_with_no_differences(db):
    """The tiny authority (seed 1)'s census, imported into a Hearth with only staff, exported
    again: the same facts for every child."""
    from hearth.core.services import local_authority_set
    from hearth.synthetic.generator import build_authority
    from hearth.synthetic.personas import create_personas
    from hearth.synthetic.profiles import TINY

    with transaction.atomic():
        build_authority(TINY, seed=1)
        first = export()
        transaction.set_rollback(True)
    assert Person.objects.count() == 0
    local_authority_set(name="Import Borough", la_code=TINY.la_code, population_0_17=6000,
                        population_year=2024, system_job="test")
    staff = create_personas()
    result = importer.import_bytes(first, source_name="tiny.xml", defaults=defaults(staff))
    assert result.problems == []
    assert result.children == len(census_compare.children(first)) >= 20
    assert census_compare.differences(first, export()) == []
