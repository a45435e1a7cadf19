"""Importing a previous system's SSDA903 return (manage.py import_return 903 DIR): each CSV file
is recognised by its columns and checked whole, a bad return is refused with its file and line
and writes nothing, and a return exported, imported into a Hearth with staff only and exported
again gives back the same rows of every table it imports (Header, Episodes, Reviews, Missing,
UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm; SWEpisodes with --workers), child by child."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from hearth.care import services as care_services
from hearth.care.models import CarePeriod, CareReview
from hearth.care.tests.factories import foster_placement, period_for
from hearth.cases import services as cases
from hearth.cases.models import Allocation
from hearth.core.models import AuditEvent
from hearth.health_education import services as health
from hearth.leaving_care import services as leaving_care
from hearth.leaving_care.models import CareLeaver, Situation
from hearth.missing import services as missing_services
from hearth.missing.models import MissingEpisode
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.permanence import services as permanence
from hearth.permanence.models import AdopterHousehold, AdoptionDecision, PreviousPermanence
from hearth.permanence.tests.factories import approved_household
from hearth.returns import services
from hearth.returns.ssda903 import importer, return_compare, y2025_26
from hearth.workingdays.rules import LONDON

D = dt.date
pytestmark = pytest.mark.django_db
# Real postcodes (area reference data from the validator's ONS directory), Dudley.
HOME, PLACED, PLACED_2 = "DY1 2NT", "DY8 1XH", "DY5 1AA"


def at_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=LONDON)


def build_looked_after(personas) -> None:
    """Three looked-after children: a period begun in the year with a change of legal status;
    one begun before the year with a change of placement, ended in the year; and one with two
    periods, the second still open. Reviews and missing episodes on each."""
    alice, iro = personas.sw_alice, personas.iro_erin

    def placement(postcode=PLACED, **overrides):
        return foster_placement(placement_postcode=postcode, home_postcode=HOME, **overrides)

    amir = personas.child_for(alice, date_of_birth=D(2014, 5, 6), sex="M", ethnicity="WBRI",
                              allocated_on=D(2025, 6, 2))
    # Amir's social worker changes (SWEpisodes): Alice, then Charlie in team B.
    cases.child_allocate(child=amir, team=personas.team_b, worker=personas.sw_charlie,
                         start_date=D(2025, 12, 1), actor=alice)
    period = period_for(amir, alice, started_on=D(2025, 6, 2), placement=placement())
    care_services.cla_review_record(period=period, held_on=D(2025, 6, 25), chair=iro,
                                    participation="PN1", actor=alice)
    care_services.episode_change(period=period, changed_on=D(2025, 12, 1), legal_status="C2",
                                 category_of_need="N1", placement=placement(), actor=alice)
    care_services.cla_review_record(period=period, held_on=D(2025, 12, 10), chair=iro,
                                    participation="PN3", actor=alice)
    missing_services.missing_episode_record(child=amir, kind="M", started_at=at_noon(
        D(2025, 8, 10)), returned_at=at_noon(D(2025, 8, 11)), actor=alice)
    missing_services.missing_episode_record(child=amir, kind="A",
                                            started_at=at_noon(D(2026, 3, 20)), actor=alice)

    bea = personas.child_for(alice, date_of_birth=D(2011, 2, 3), sex="F", ethnicity="MWBC")
    period = period_for(bea, alice, started_on=D(2024, 11, 4), placement=placement())
    care_services.cla_review_record(period=period, held_on=D(2025, 5, 1), chair=iro,
                                    participation="PN1", actor=alice)
    care_services.episode_change(period=period, changed_on=D(2025, 7, 7), legal_status="C1",
                                 category_of_need="N1",
                                 placement=placement(PLACED_2, placement_type="U4"),
                                 reason_place_change="CARPL", actor=alice)
    care_services.care_end(period=period, ended_on=D(2026, 1, 15), reason="E4A", actor=alice)
    baby = people_services.person_create(first_name="Baby", last_name="Synthetic", sex="F",
                                         date_of_birth=D(2025, 12, 24), is_child=True,
                                         actor=alice)
    people_services.relationship_add(person=bea, other=baby, kind="parent_of", actor=alice)

    cai = personas.child_for(alice, date_of_birth=D(2012, 9, 9), sex="M", ethnicity="ABAN",
                             allocated_on=D(2025, 4, 14))
    cases.child_deallocate(child=cai, end_date=D(2025, 5, 30), actor=alice)
    first = period_for(cai, alice, started_on=D(2025, 4, 14), legal_status="V2",
                       placement=placement())
    care_services.care_end(period=first, ended_on=D(2025, 5, 30), reason="E13", actor=alice)
    second = period_for(cai, alice, started_on=D(2025, 10, 6), placement=placement(PLACED_2))
    care_services.cla_review_record(period=second, held_on=D(2025, 11, 3), chair=iro,
                                    participation="PN2", actor=alice)

    # Looked after all year (OC2), an unaccompanied asylum-seeking child (UASC), who turned 17
    # in the year after their SDQ.
    dee = personas.child_for(alice, date_of_birth=D(2009, 1, 20), sex="M", ethnicity="BAFR",
                             is_uasc=True)
    period = period_for(dee, alice, started_on=D(2024, 9, 2), legal_status="V2",
                        placement=placement())
    health.sdq_record(period=period, completed_on=D(2025, 10, 1), score=14, actor=alice)
    health.immunisations_record(period=period, as_at=D(2025, 11, 1), up_to_date=True,
                                actor=alice)
    health.health_check_record(period=period, kind="dental", done_on=D(2025, 9, 9),
                               carried_out_by="A dentist", actor=alice)
    build_permanence(personas, cai, placement)
    build_care_leavers(personas)


def build_permanence(personas, cai, placement) -> None:
    """Eve is adopted in the year (PlacedAdoption and AD1: decided, fostered for adoption,
    matched, placed, adopted, care ended E11); Cai's second period has a decision reversed
    (PlacedAdoption ceased, RD3) and a previous special guardianship order (PrevPerm)."""
    alice, manager = personas.sw_alice, personas.tm_bob
    eve = personas.child_for(alice, date_of_birth=D(2022, 3, 4), sex="F", ethnicity="WBRI")
    period = period_for(eve, alice, started_on=D(2025, 4, 7), legal_status="C2",
                        placement=placement())
    household = approved_household(alice, approved_on=D(2025, 9, 1))
    decision = permanence.adoption_decision_record(
        period=period, decided_on=D(2025, 5, 12), decision_maker="Synthetic ADM", actor=alice)
    for step, on in (("placement_order_on", D(2025, 6, 20)), ("ffa_placed_on", D(2025, 6, 30)),
                     ("matched_on", D(2025, 9, 15)), ("placed_on", D(2025, 10, 1))):
        permanence.adoption_step_record(decision=decision, step=step, on=on, actor=alice,
                                        household=household if step == "matched_on" else None)
    care_services.episode_change(period=period, changed_on=D(2025, 10, 1), legal_status="E1",
                                 category_of_need="N1",
                                 placement=placement(PLACED_2, placement_type="A3"),
                                 reason_place_change="APPRR", actor=alice)
    permanence.adoption_step_record(decision=decision, step="adoption_order_on",
                                    on=D(2026, 1, 20), actor=alice)
    care_services.care_end(period=CarePeriod.objects.get(pk=period.pk), ended_on=D(2026, 1, 20),
                           reason="E11", actor=alice)

    second = CarePeriod.objects.get(child=cai, ended_on__isnull=True)
    decision = permanence.adoption_decision_record(
        period=second, decided_on=D(2025, 11, 10), decision_maker="Synthetic ADM", actor=alice)
    permanence.adoption_step_record(decision=decision, step="reversed_on", on=D(2026, 2, 2),
                                    reason="RD3", actor=alice)
    permanence.previous_permanence_record(period=second, order="P2", la_code="332",
                                          order_on=D(2021, 5, 4), actor=manager)


def build_care_leavers(personas) -> None:
    """Three care leavers in the OC3 cohort, not looked after in the year: Fay (19 in the year)
    in touch, in education and living independently; Gus (18 in the year) with nothing
    recorded yet (a blank OC3 row); Hal (20 in the year) not in touch (ACTIV and ACCOM 0)."""
    alice = personas.sw_alice
    fay = personas.child_for(alice, date_of_birth=D(2006, 8, 15), sex="F", ethnicity="WBRI")
    leaver = leaving_care.care_leaver_record(child=fay, category="former_relevant",
                                             applies_from=D(2024, 8, 15),
                                             left_care_on=D(2024, 8, 15), actor=alice)
    leaving_care.situation_record(care_leaver=leaver, as_at=D(2025, 9, 1), in_touch="YES",
                                  activity="F2", accommodation="U",
                                  accommodation_suitable=True, actor=alice)
    gus = personas.child_for(alice, date_of_birth=D(2007, 11, 2), sex="M", ethnicity="WBRI")
    leaving_care.care_leaver_record(child=gus, category="former_relevant",
                                    applies_from=D(2025, 11, 2), left_care_on=D(2025, 11, 2),
                                    actor=alice)
    hal = personas.child_for(alice, date_of_birth=D(2005, 7, 1), sex="M", ethnicity="WBRI")
    leaver = leaving_care.care_leaver_record(child=hal, category="former_relevant",
                                             applies_from=D(2023, 7, 1),
                                             left_care_on=D(2023, 7, 1), actor=alice)
    leaving_care.situation_record(care_leaver=leaver, as_at=D(2025, 7, 3), in_touch="NO",
                                  actor=alice)


def this_years(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path.split("/", 1)[1]: data for path, data in files.items()
            if path.startswith("2025-26/")}


def export() -> dict[str, bytes]:
    _, files = services.ssda903_export(start_year=2025, system_job="test")
    return this_years(files)


def exported_then_forgotten(personas) -> dict[str, bytes]:
    """The hand-built records' return; the records are rolled back (the staff stay), as if the
    return came from another system."""
    with transaction.atomic():
        build_looked_after(personas)
        files = export()
        transaction.set_rollback(True)
    return files


def write(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "return"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def options(personas) -> list[str]:
    return ["--team", personas.team_a.name, "--chair", personas.iro_erin.username]


def run(folder: Path, personas, *extra: str) -> str:
    out = io.StringIO()
    try:
        call_command("import_return", "903", str(folder), *options(personas), *extra,
                     stdout=out, stderr=out)
    except CommandError:
        raise AssertionError(out.getvalue()) from None
    return out.getvalue()


def refused(folder: Path, *args: str) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="was not imported"):
        call_command("import_return", "903", str(folder), *args, stdout=io.StringIO(),
                     stderr=err)
    return err.getvalue()


def snapshot() -> dict[str, int]:
    return {"people": Person.objects.count(), "periods": CarePeriod.objects.count(),
            "reviews": CareReview.objects.count(), "missing": MissingEpisode.objects.count(),
            "decisions": AdoptionDecision.objects.count(),
            "adopters": AdopterHousehold.objects.count(),
            "previous": PreviousPermanence.objects.count(),
            "leavers": CareLeaver.objects.count(), "situations": Situation.objects.count(),
            "audit": AuditEvent.objects.count()}


def edit(files: dict[str, bytes], name: str, old: str, new: str) -> dict[str, bytes]:
    text = files[name].decode()
    assert old in text, (name, old)
    return {**files, name: text.replace(old, new, 1).encode()}


def line_of(files: dict[str, bytes], name: str, text: str) -> int:
    data = files[name].decode()
    return data[:data.index(text)].count("\n") + 1


ROUND_TRIP = ("OC3", "AD1", "PlacedAdoption", "PrevPerm")


# ---- The round trip --------------------------------------------------------------------------


def test_a_hand_built_return_round_trips_with_no_differences(personas, authority, tmp_path):
    first = exported_then_forgotten(personas)
    assert CarePeriod.objects.count() == 0
    assert first["episodes.csv"].decode().count("\n") == 1 + 9
    assert first["oc2.csv"].decode().count("\n") == first["uasc.csv"].decode().count("\n") == 2
    for name, rows in (("ad1.csv", 1), ("placed_for_adoption.csv", 2),
                       ("previous_permanence.csv", 3), ("oc3.csv", 3)):
        assert first[name].decode().count("\n") == 1 + rows, name
    output = run(write(tmp_path, first), personas)
    assert "(2025 to 2026 SSDA903 return, 8 children) imported" in output
    assert ",1,24/12/2025" in first["header.csv"].decode()  # bea is a mother
    tables = (*return_compare.COMPARED, "UASC", "OC2", *ROUND_TRIP)
    assert return_compare.differences(first, export(), tables) == []
    event = AuditEvent.objects.get(event_code="SSDA903_RETURN_IMPORTED")
    assert event.detail["children"] == 8 and event.system_job == importer.SYSTEM_JOB
    assert "PrevPerm rows not imported" not in output and "AD1 rows" not in output
    # Without --workers the social worker episodes are counted, not imported.
    assert "3 SWEpisodes rows not imported" in output
    assert not Allocation.objects.filter(worker__isnull=False).exists()
    child = Person.objects.get(care_periods__ended_on__isnull=True,
                               care_periods__started_on=D(2025, 10, 6))
    assert child.first_name == importer.PLACEHOLDER_FIRST_NAME
    assert child.allocations.filter(team=personas.team_a, end_date__isnull=True).exists()


def test_a_dry_run_writes_nothing_and_reports_the_counts(personas, authority, tmp_path):
    folder = write(tmp_path, exported_then_forgotten(personas))
    before = snapshot()
    output = run(folder, personas, "--dry-run")
    assert "checked (dry run: nothing was written)" in output
    assert "person" in output and "4" in output
    assert snapshot() == before


def test_a_child_already_in_hearth_is_refused_not_merged(personas, authority, tmp_path):
    folder = write(tmp_path, exported_then_forgotten(personas))
    run(folder, personas)
    before = snapshot()
    message = refused(folder, *options(personas))
    assert message.count("is already in Hearth") == 8
    assert "header.csv line 2: a child with CHILD" in message
    assert snapshot() == before


# ---- Refusals: the file, the line, the reason, and nothing written ---------------------------


def test_unknown_columns_refuse_the_return_at_line_1(personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    bad = edit(good, "reviews.csv", "REVIEW_CODE", "REVIEW_KIND")
    before = snapshot()
    message = refused(write(tmp_path, bad), *options(personas))
    assert "reviews.csv line 1: the columns (CHILD, DOB, REVIEW, REVIEW_KIND) are not those " \
           "of any 2025 to 2026 SSDA903 table" in message
    assert snapshot() == before


def test_a_bad_date_and_a_bad_code_refuse_the_return_with_their_lines(
        personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    bad = edit(good, "episodes.csv", ",02/06/2025,S,C1,", ",2025-06-02,S,C1,")
    bad = edit(bad, "episodes.csv", ",E4A,", ",E99,")
    before = snapshot()
    message = refused(write(tmp_path, bad), *options(personas))
    assert f"episodes.csv line {line_of(bad, 'episodes.csv', '2025-06-02')}: DECOM " \
           "'2025-06-02' is not a date written dd/mm/YYYY" in message
    assert f"episodes.csv line {line_of(bad, 'episodes.csv', 'E99')}: REC 'E99' is not a " \
           "reason episode ceased code" in message
    assert "2 problems; nothing was imported" in message
    assert snapshot() == before


def test_a_child_not_in_the_header_is_refused_at_its_line(personas, authority, tmp_path):
    """Checks across the tables come once every row reads well."""
    good = exported_then_forgotten(personas)
    child = good["header.csv"].decode().splitlines()[1].split(",")[0]
    bad = edit(good, "missing.csv", f"{child},", "NOSUCHCHILD,")
    bad = edit(bad, "episodes.csv", f"{child},", "NOSUCHCHILD,")
    before = snapshot()
    message = refused(write(tmp_path, bad), *options(personas))
    for name in ("missing.csv", "episodes.csv"):
        assert f"{name} line {line_of(bad, name, 'NOSUCHCHILD')}: CHILD NOSUCHCHILD is not " \
               "in the Header table" in message
    assert snapshot() == before


def test_a_refusal_by_the_services_names_the_row_and_rolls_back_everything(
        personas, authority, tmp_path):
    """A review chaired by a social worker is refused by the care service: the other
    children were recorded first, and all of it goes."""
    folder = write(tmp_path, exported_then_forgotten(personas))
    before = snapshot()
    message = refused(folder, "--team", personas.team_a.name, "--chair",
                      personas.sw_alice.username)
    assert "reviews.csv line 2: " in message and "independent reviewing officer" in message
    assert snapshot() == before


def test_episodes_that_do_not_join_up_are_refused(personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    bad = edit(good, "episodes.csv", ",01/12/2025,L,C2,", ",02/12/2025,L,C2,")
    message = refused(write(tmp_path, bad), *options(personas))
    assert "ended on 01/12/2025 with REC X1, so the next one begins that day" in message


def test_the_options_the_return_needs_are_asked_for(personas, authority, tmp_path):
    folder = write(tmp_path, exported_then_forgotten(personas))
    message = refused(folder)
    assert "with --chair" in message and "with --team" in message
    message = refused(folder, "--team", "No such team", "--chair", "nobody")
    assert "there is no team called 'No such team'" in message
    assert "no member of staff has the username 'nobody'" in message


def test_a_period_begun_before_the_year_is_held_from_its_first_episode_in_the_return(
        personas, authority, tmp_path):
    """Its earlier episodes are not in the return: Hearth holds the period from the first one
    it has, which keeps its own RNE, so the round trip has no differences. The note counts
    them."""
    good = exported_then_forgotten(personas)
    moved = edit(good, "episodes.csv", ",02/09/2024,S,V2,", ",02/09/2024,P,V2,")
    output = run(write(tmp_path, moved), personas)
    assert "1 periods of care that began before the year (held in Hearth from" in output
    assert return_compare.differences(moved, export(), (*return_compare.COMPARED,
                                                        *ROUND_TRIP)) == []
    period = CarePeriod.objects.get(started_on=D(2024, 9, 2))
    assert period.episodes.get().reason_new_episode == "P"


def test_an_episode_that_says_it_begins_a_period_inside_one_is_refused(
        personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    bad = edit(good, "episodes.csv", ",07/07/2025,P,C1,", ",07/07/2025,S,C1,")
    message = refused(write(tmp_path, bad), *options(personas))
    assert f"episodes.csv line {line_of(bad, 'episodes.csv', '07/07/2025,S')}: RNE is S, but " \
           "the period of care goes on" in message


# ---- Permanence and care leavers (PlacedAdoption, AD1, PrevPerm, OC3) -----------------------


def test_adoptions_previous_orders_and_care_leavers_are_recorded(personas, authority, tmp_path):
    """AD1 and its PlacedAdoption row are one decision, carried to the adoption order on the
    day care ended (E11) with unnamed adopters made from NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR;
    a ceased PlacedAdoption row is a reversed decision; PrevPerm is on the latest period; OC3
    makes a care leaver from the birthday in the year, and their situation that day."""
    run(write(tmp_path, exported_then_forgotten(personas)), personas)
    adopted = AdoptionDecision.objects.get(adoption_order_on__isnull=False)
    assert (adopted.decided_on, adopted.ffa_placed_on, adopted.matched_on, adopted.placed_on,
            adopted.adoption_order_on) == (D(2025, 5, 12), D(2025, 5, 12), D(2025, 9, 15),
                                           D(2025, 10, 1), D(2026, 1, 20))
    assert adopted.decision_maker == importer.DECISION_MAKER
    household = adopted.household
    assert household.legal_status == "L11" and household.approved_on == D(2025, 9, 15)
    assert sorted(household.adopters.values_list("sex", flat=True)) == ["F", "M"]
    assert (household.left_on, household.left_reason) == (D(2026, 1, 20), "adopted")
    reversed_ = AdoptionDecision.objects.get(reversed_on__isnull=False)
    assert (reversed_.decided_on, reversed_.reversed_on, reversed_.reversed_reason) == (
        D(2025, 11, 10), D(2026, 2, 2), "RD3")
    order = PreviousPermanence.objects.get(order="P2")
    assert (order.la_code, order.order_on, order.period.started_on) == (
        "332", D(2021, 5, 4), D(2025, 10, 6))
    assert PreviousPermanence.objects.filter(order="Z1").count() == 2
    fay = CareLeaver.objects.get(child__la_child_id=Person.objects.get(
        date_of_birth=D(2006, 8, 15)).la_child_id)
    assert (fay.became_care_leaver_on, fay.left_care_on) == (D(2025, 8, 15), D(2024, 8, 15))
    situation = Situation.objects.get(care_leaver=fay)
    assert (situation.as_at, situation.in_touch, situation.activity, situation.accom_903) == (
        D(2025, 8, 15), "YES", "F2", "U1")
    hal = Situation.objects.exclude(care_leaver=fay).get()
    assert (hal.as_at, hal.in_touch, hal.activity, hal.accommodation) == (
        D(2025, 7, 1), "NO", "", "")
    assert CareLeaver.objects.count() == 3


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("ad1.csv", ",2,MF,L11", ",2,MM,L11", "LS_ADOPTR L11 does not fit the adopters (2, MM)"),
    ("ad1.csv", ",15/09/2025,", ",15/09/2026,", "DATE_MATCH 15/09/2026 is after the adoption"),
    ("placed_for_adoption.csv", ",10/11/2025,", ",10/07/2025,", "DATE_PLACED 10/07/2025 is "
     "not in any of the child's periods of care"),
    ("placed_for_adoption.csv", ",02/02/2026,RD3", ",02/02/2026,", "DATE_PLACED_CEASED is "
     "given but REASON_PLACED_CEASED is blank"),
    ("previous_permanence.csv", ",P2,332,", ",P2,33,", "LA_PERM '33' is not a local "
     "authority's 3-digit code"),
    ("previous_permanence.csv", ",04/05/2021", ",04/05/2026", "The previous order must be "
     "dated before this period of care began"),
    ("oc3.csv", ",YES,F2,U1", ",YES,F2,S1", "ACCOM 'S1' is not an accommodation code"),
    ("oc3.csv", ",YES,F2,U1", ",MAYBE,F2,U1", "IN_TOUCH 'MAYBE' is not a in touch code"),
    ("oc3.csv", ",NO,0,0", ",NO,F2,0", "IN_TOUCH is NO (not in touch): ACTIV and ACCOM are 0"),
])
def test_a_bad_permanence_or_care_leaver_row_refuses_the_return_at_its_line(
        personas, authority, tmp_path, name, old, new, expected):
    bad = edit(exported_then_forgotten(personas), name, old, new)
    before = snapshot()
    message = refused(write(tmp_path, bad), *options(personas))
    assert f"{name} line {line_of(bad, name, new.strip(','))}: {expected}" in message, message
    assert snapshot() == before


def test_ad1_for_a_child_not_adopted_and_oc3_outside_the_cohort_are_refused(
        personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    adopted = good["ad1.csv"].decode().splitlines()[1].split(",")[0]
    bad = edit(good, "episodes.csv", ",20/01/2026,E11,", ",20/01/2026,E4A,")
    bad = edit(bad, "oc3.csv", "15/08/2006,", "15/08/2009,")
    bad = edit(bad, "header.csv", "15/08/2006,", "15/08/2009,")
    before = snapshot()
    message = refused(write(tmp_path, bad), *options(personas))
    assert "ad1.csv line 2: AD1 is for a child adopted in the year, but none of the child's " \
           "periods of care in Episodes ends with REC E11 or E12" in message
    assert "oc3.csv line 2: OC3 is for care leavers whose 17th to 21st birthday is in the " \
           "year" in message
    assert adopted in good["placed_for_adoption.csv"].decode()
    assert snapshot() == before


def test_a_decision_before_a_period_in_the_return_began_is_held_on_that_period(
        personas, authority, tmp_path):
    """A period begun before the year is held from its first episode in the return, which
    keeps its RNE (not S): a decision dated before that episode is held on the period, and
    comes back the same."""
    good = exported_then_forgotten(personas)
    dee = good["oc2.csv"].decode().splitlines()[1].split(",")[0]
    files = edit(good, "episodes.csv", ",02/09/2024,S,V2,", ",02/09/2024,P,V2,")
    files = edit(files, "episodes.csv", f"{dee},02/09/2024,", f"{dee},02/01/2025,")
    files["placed_for_adoption.csv"] += f"{dee},20/01/2009,01/10/2024,,\n".encode()
    run(write(tmp_path, files), personas)
    decision = AdoptionDecision.objects.get(decided_on=D(2024, 10, 1))
    assert decision.period.started_on == D(2025, 1, 2)
    assert return_compare.differences(files, export(), ("Episodes", *ROUND_TRIP)) == []


def test_a_decision_before_a_period_that_began_in_the_return_is_refused(
        personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    amir = good["header.csv"].decode().splitlines()[1].split(",")[0]
    files = {**good, "placed_for_adoption.csv": good["placed_for_adoption.csv"]
             + f"{amir},06/05/2014,01/05/2025,,\n".encode()}
    message = refused(write(tmp_path, files), *options(personas))
    assert "placed_for_adoption.csv line 4: DATE_PLACED 01/05/2025 is not in any of the " \
           "child's periods of care in Episodes" in message


# ---- Social worker episodes (SWEpisodes, with --workers) ------------------------------------


def workers_file(tmp_path: Path, personas, **overrides) -> Path:
    """Each persona's SW_ID (as Hearth's export writes it) and username."""
    rows = {y2025_26.sw_id(user.pk): user.username for user in (
        personas.sw_alice, personas.sw_charlie)} | overrides
    path = tmp_path / "workers.csv"
    path.write_text("SW_ID,USERNAME\n" + "".join(f"{k},{v}\n" for k, v in rows.items()))
    return path


def test_social_worker_episodes_become_allocations_and_round_trip(
        personas, authority, tmp_path):
    """Each SWEpisodes row is an allocation to its worker in the worker's team; a transfer
    ends the one before; a child whose last episode ended is held by --team from then."""
    first = exported_then_forgotten(personas)
    assert first["sw_episodes.csv"].decode().count("\n") == 1 + 3
    output = run(write(tmp_path, first), personas, "--workers",
                 str(workers_file(tmp_path, personas)))
    assert "SWEpisodes rows not imported" not in output
    tables = (*return_compare.COMPARED, *ROUND_TRIP, "SWEpisodes")
    assert return_compare.differences(first, export(), tables) == []
    amir = Person.objects.get(date_of_birth=D(2014, 5, 6))
    assert list(amir.allocations.order_by("start_date").values_list(
        "worker__username", "team__name", "start_date", "end_date")) == [
        ("sw_alice", personas.team_a.name, D(2025, 6, 2), D(2025, 12, 1)),
        ("sw_charlie", personas.team_b.name, D(2025, 12, 1), None)]
    cai = Person.objects.get(date_of_birth=D(2012, 9, 9))
    assert list(cai.allocations.order_by("start_date").values_list(
        "worker__username", "start_date", "end_date")) == [
        ("sw_alice", D(2025, 4, 14), D(2025, 5, 30)), (None, D(2025, 10, 6), None)]


def test_a_social_worker_episode_that_names_no_one_or_overlaps_is_refused(
        personas, authority, tmp_path):
    good = exported_then_forgotten(personas)
    alice, charlie = y2025_26.sw_id(personas.sw_alice.pk), y2025_26.sw_id(
        personas.sw_charlie.pk)
    bad = edit(good, "sw_episodes.csv", f"{charlie},01/12/2025", f"{charlie},01/11/2025")
    bad = edit(bad, "sw_episodes.csv", f"{alice},14/04/2025", "SW999999,14/04/2025")
    before = snapshot()
    message = refused(write(tmp_path, bad), *options(personas), "--workers",
                      str(workers_file(tmp_path, personas)))
    assert f"sw_episodes.csv line {line_of(bad, 'sw_episodes.csv', '01/11/2025')}: SW_DECOM " \
           "01/11/2025 is before the episode on line" in message
    assert f"sw_episodes.csv line {line_of(bad, 'sw_episodes.csv', 'SW999999')}: SW_ID " \
           "SW999999 is not in workers.csv (--workers)" in message
    message = refused(write(tmp_path, good), *options(personas), "--workers",
                      str(workers_file(tmp_path, personas, **{alice: "nobody"})))
    assert "workers.csv line 2: no member of staff has the username 'nobody'" in message
    assert snapshot() == before
