"""The SSDA903 return: its tables' columns, a hand-built child's rows, the validator's findings
on a deliberately wrong record, the commands, and deprivation of liberty orders at entry."""

import datetime as dt

import pytest
from django.core.management import call_command
from lac_validator.config import column_names

from hearth.care import services as care_services
from hearth.care.tests.factories import foster_placement, period_for
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.returns import services, ssda903
from hearth.returns.ssda903 import y2025_26, y2026_27

D = dt.date
pytestmark = pytest.mark.django_db
# Real postcodes (area reference data from the validator's ONS directory), Dudley.
HOME, PLACED = "DY1 2NT", "DY8 1XH"


def test_each_years_tables_have_the_validators_exact_columns():
    for name, columns in y2025_26.TABLES.items():
        assert set(columns) == set(column_names[name]), name
    assert set(y2026_27.TABLES) == set(y2025_26.TABLES) | {"DoLo"}
    assert y2026_27.TABLES["DoLo"] == tuple(column_names["DoLo"])
    assert ssda903.supported_years() == [2025, 2026]
    with pytest.raises(ssda903.UnsupportedYear):
        ssda903.for_year(1999)


def _looked_after(personas):
    alice = personas.sw_alice
    child = personas.child_for(alice, date_of_birth=D(2014, 5, 6), sex="M", ethnicity="WBRI")
    period = period_for(child, alice, started_on=D(2025, 6, 2), placement=foster_placement(
        placement_postcode=PLACED, home_postcode=HOME))
    care_services.episode_change(period=period, changed_on=D(2025, 12, 1), legal_status="C2",
                                 category_of_need="N1", placement=foster_placement(
                                     placement_postcode=PLACED, home_postcode=HOME),
                                 actor=alice)
    return child


def test_a_looked_after_childs_episodes_rows(personas, authority):
    child = _looked_after(personas)
    build = services.ssda903_build(start_year=2025)
    episodes = [r for r in build.this_year.rows["Episodes"] if r["CHILD"] == child.la_child_id]
    assert [(r["DECOM"], r["RNE"], r["LS"], r["PLACE"], r["DEC"], r["REC"]) for r in episodes] \
        == [("02/06/2025", "S", "C1", "U6", "01/12/2025", "X1"),
            ("01/12/2025", "L", "C2", "U6", "", "")]
    assert episodes[0]["PL_POST"] == PLACED and episodes[0]["HOME_POST"] == HOME
    header = [r for r in build.this_year.rows["Header"] if r["CHILD"] == child.la_child_id]
    assert header == [{"CHILD": child.la_child_id, "SEX": "M", "DOB": "06/05/2014",
                       "ETHNIC": "WBRI", "UPN": child.upn or child.upn_unknown, "MOTHER": "",
                       "MC_DOB": ""}]
    # Began to be looked after in the year, no previous permanence known: Z1.
    assert [r["PREV_PERM"] for r in build.this_year.rows["PrevPerm"]] == ["Z1"]
    assert build.last_year.rows["Episodes"] == []


def test_the_validator_finds_a_deliberately_wrong_record(personas, authority):
    child = _looked_after(personas)
    child.ethnicity = "XXXX"  # not a DfE code: rule 103
    child.save(update_fields=["ethnicity"])
    _, outcome = services.ssda903_validate(start_year=2025, system_job="test")
    failures = [f for f in outcome.failures if f.rule_code == "103"]
    assert [(f.child_id, f.table, f.columns, f.values) for f in failures] == [
        (child.la_child_id, "Header", ("ETHNIC",), ("XXXX",))]
    assert AuditEvent.objects.filter(event_code="SSDA903_VALIDATED").count() == 1


def test_export_return_903_writes_both_years_files(personas, authority, tmp_path, capsys):
    child = _looked_after(personas)
    call_command("export_return", "903", "--year", "2025", "--out", str(tmp_path))
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.csv"))
    assert written == sorted([f"2025-26/{n}" for n in y2025_26.FILES.values()]
                             + [f"2024-25/{n}" for n in y2025_26.FILES.values()])
    episodes = (tmp_path / "2025-26" / "episodes.csv").read_text().splitlines()
    assert episodes[0].split(",") == list(y2025_26.TABLES["Episodes"])
    assert episodes[1].startswith(f"{child.la_child_id},02/06/2025,S,C1,N1,U6,PR1,01/12/2025")
    assert (tmp_path / "2025-26" / "ad1.csv").read_text().strip() == ",".join(
        y2025_26.TABLES["AD1"])  # hearth.permanence is not installed: a header row only
    assert AuditEvent.objects.filter(event_code="SSDA903_CHILD_EXPORTED",
                                     child_id=child.pk).exists()


def test_validate_return_903_prints_the_outcome(personas, authority, capsys):
    _looked_after(personas)
    call_command("validate_return", "903", "--year", "2025")
    assert "ruleset): " in capsys.readouterr().out


def test_the_2026_return_has_the_dolo_table(personas, authority, traveller):
    traveller.move_to(dt.datetime(2027, 6, 1, 9, tzinfo=dt.UTC))
    child = _looked_after(personas)
    care_services.dolo_record(child=child, started_on=D(2026, 5, 1), ended_on=D(2026, 9, 30),
                              actor=personas.sw_alice)
    build = services.ssda903_build(start_year=2026)
    assert build.this_year.rows["DoLo"] == [
        {"CHILD": child.la_child_id, "DOB": "06/05/2014", "DOLO_START": "01/05/2026",
         "DOLO_END": "30/09/2026"}]
    assert "DoLo" not in build.last_year.rows


def test_dolo_dates_are_checked_at_entry(personas, authority):
    child = _looked_after(personas)
    alice = personas.sw_alice
    with pytest.raises(DomainError, match="same as or after"):
        care_services.dolo_record(child=child, started_on=D(2026, 3, 1),
                                  ended_on=D(2026, 2, 1), actor=alice)
    with pytest.raises(DomainError, match="after the child's date of birth"):
        care_services.dolo_record(child=child, started_on=D(2010, 3, 1), actor=alice)
    with pytest.raises(DomainError, match="today or in the past"):
        care_services.dolo_record(child=child, started_on=D(2027, 3, 1), actor=alice)
    care_services.dolo_record(child=child, started_on=D(2026, 1, 5), actor=alice)
    with pytest.raises(DomainError, match="cannot overlap"):
        care_services.dolo_record(child=child, started_on=D(2026, 2, 1), actor=alice)
    assert AuditEvent.objects.filter(event_code="DOLO_RECORDED").count() == 1


def test_a_child_under_section_20_is_not_placed_with_parents(personas, authority):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2014, 5, 6))
    with pytest.raises(DomainError, match="section 20"):
        period_for(child, personas.sw_alice, started_on=D(2025, 6, 2), legal_status="V2",
                   placement=foster_placement(placement_type="P1", provider_type="PR0",
                                              urn=""))
