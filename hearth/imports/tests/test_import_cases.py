import copy
import datetime as dt
import json
import random
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from hearth.assessments.models import Assessment
from hearth.cases.models import Allocation, StatutoryTask, TaskKind, Visit
from hearth.cin.models import CinPlan
from hearth.core.models import AuditEvent
from hearth.frontdoor.models import Contact, Referral
from hearth.imports.services import SYSTEM_JOB, case_history_import
from hearth.imports.validation import ImportRefused, read_file
from hearth.people.models import Address, Person, Relationship
from hearth.protection.models import ChildProtectionPlan, Conference, CoreGroup, StrategyDiscussion
from hearth.synthetic.families import IdentifierPool

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "case-history-example.json"
# After every date in the example: the 15 June 2026 the other casework tests use.
IMPORT_DAY = dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC)
COUNTED = (Person, Address, Relationship, Allocation, Contact, Referral, Assessment,
           StrategyDiscussion, Conference, ChildProtectionPlan, CoreGroup, Visit, CinPlan,
           StatutoryTask, AuditEvent)


@pytest.fixture
def on_import_day():
    with time_machine.travel(IMPORT_DAY, tick=False):
        yield


@pytest.fixture
def example() -> dict:
    return json.loads(EXAMPLE.read_text())


def write(tmp_path: Path, data, name: str = "histories.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def run_import(path: Path, *options: str) -> str:
    out = StringIO()
    call_command("import_cases", str(path), *options, stdout=out, stderr=out)
    return out.getvalue()


def refused(path: Path) -> str:
    err = StringIO()
    with pytest.raises(CommandError, match="was not imported"):
        call_command("import_cases", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue()


def snapshot() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def event_index(data: dict, case: int, event_type: str) -> int:
    return next(i for i, e in enumerate(data["cases"][case]["events"]) if e["type"] == event_type)


# ---- A good file ------------------------------------------------------------------------------


def test_the_example_imports_through_the_services(personas, on_import_day, tmp_path):
    output = run_import(EXAMPLE)

    assert "case-history-example.json imported" in output
    maisie = Person.objects.get(la_child_id="OLD-10231")
    alfie = Person.objects.get(la_child_id="OLD-10232")
    assert Person.objects.filter(last_name__in=["Ashworth", "Quigley"]).count() == 5
    assert Relationship.objects.filter(person__first_name="Kerry").count() == 2
    assert Referral.objects.filter(child=maisie).get().closure_reason == "RC7"
    assert Assessment.objects.filter(authorised_on__isnull=False).count() == 3
    plans = ChildProtectionPlan.objects.order_by("start_date")
    assert [(p.start_date, p.end_date, p.end_reason) for p in plans] == [
        (dt.date(2026, 2, 2), dt.date(2026, 4, 30), "review_decision"),
        (dt.date(2026, 3, 27), dt.date(2026, 4, 20), "moved_away")]
    assert Conference.objects.get(section47__child__first_name="Reggie").delay_reason
    assert Visit.objects.filter(plan=Visit.Plan.CHILD_PROTECTION).count() == 7
    assert CinPlan.objects.filter(ended_on__isnull=True).get().child == alfie
    current = Allocation.objects.current().get(child=alfie)
    assert (current.team.name, current.worker.username) == ("Persona Team B", "sw_charlie")
    assert not Allocation.objects.current().filter(child=maisie).exists()


def test_the_imported_history_leaves_the_open_work_as_statutory_tasks(personas, on_import_day):
    run_import(EXAMPLE)

    open_tasks = {t.kind: t for t in StatutoryTask.objects.open().exclude(
        child__first_name="Skye")}  # in care: hearth/imports/tests/test_import_care.py
    assert set(open_tasks) == {TaskKind.REVIEW_CIN_PLAN, TaskKind.VISIT_CIN}
    assert open_tasks[TaskKind.REVIEW_CIN_PLAN].due_on == dt.date(2026, 8, 3)  # 12 weeks on
    assert open_tasks[TaskKind.VISIT_CIN].due_on == dt.date(2026, 6, 9)  # 20 working days on
    assert {t.worker.username for t in open_tasks.values()} == {"sw_charlie"}
    late = StatutoryTask.objects.get(kind=TaskKind.HOLD_ICPC, child__first_name="Reggie")
    assert late.was_late


def test_the_import_is_audited_as_the_import_job_with_the_file_name(personas, on_import_day):
    run_import(EXAMPLE)

    imported = AuditEvent.objects.get(event_code="CASE_HISTORY_IMPORTED")
    assert imported.system_job == SYSTEM_JOB
    assert imported.detail["file"] == "case-history-example.json"
    assert imported.detail["counts"]["contact"] == 2
    created = AuditEvent.objects.filter(event_code="PERSON_CREATED", system_job=SYSTEM_JOB)
    assert created.count() == 6
    assert AuditEvent.objects.filter(event_code="CONTACT_RECORDED", system_job=SYSTEM_JOB,
                                     actor__username="sw_alice").count() == 2


def test_a_dry_run_checks_everything_and_writes_nothing(personas, on_import_day):
    before = snapshot()

    output = run_import(EXAMPLE, "--dry-run")

    assert "dry run: nothing was written" in output
    assert "cp_visit" in output
    assert snapshot() == before


def test_the_service_can_be_called_without_the_command(personas, on_import_day, example):
    result = case_history_import(example, source_name="from-an-api.json")

    assert result.ok
    assert result.counts["person"] == 6
    assert result.counts["initial_conference"] == 2


# ---- One bad event: the whole file is refused -------------------------------------------------


def test_one_bad_event_refuses_the_whole_file_and_names_its_place(personas, on_import_day,
                                                                    example, tmp_path):
    conference = event_index(example, 0, "initial_conference")
    example["cases"][0]["events"][conference]["held_on"] = "2026-01-12"  # before the discussion
    before = snapshot()

    errors = refused(write(tmp_path, example))

    assert (f"cases[0].events[{conference}].held_on: An initial conference cannot be before the "
            "strategy discussion on 13 January 2026") in errors
    assert "were not tried" in errors  # the plan's visits and meetings depend on it
    assert (f"on this referral is still to be held (this may follow from the problem at "
            f"cases[0].events[{conference}].held_on)") in errors  # the closure
    assert snapshot() == before


def test_problems_in_several_cases_are_all_reported(personas, on_import_day, example, tmp_path):
    example["cases"][1]["events"][0]["received_at"] = "2027-01-12T09:45:00Z"  # the future
    closure = event_index(example, 2, "closure")
    # RC8 says an assessment was all, but this episode had a plan too (CIN rule 2990).
    example["cases"][2]["events"][closure]["reason"] = "RC8"
    visit = event_index(example, 0, "cin_plan_visit")
    example["cases"][0]["events"][visit]["visited_on"] = "2026-04-01"  # before the plan
    before = snapshot()

    errors = refused(write(tmp_path, example))

    assert (f"cases[0].events[{visit}].visited_on: The visit cannot be before the plan started "
            "on 30 April 2026") in errors
    assert "cases[1].events[0].received_at: The time the contact was received cannot be" in errors
    assert (f"cases[2].events[{closure}]: RC8 means the episode had an assessment and nothing "
            "more, but it had a child protection plan") in errors
    assert "3 problems" in errors
    assert snapshot() == before


def test_an_impossible_date_is_reported_with_its_place(personas, example, tmp_path):
    example["cases"][2]["events"][0]["referral_date"] = "2026-02-30"

    errors = refused(write(tmp_path, example))

    assert "cases[2].events[0].referral_date: '2026-02-30' is not a date" in errors


# ---- Files that are not right before any record is tried --------------------------------------


def test_malformed_json_is_refused_with_its_line_and_column(db, tmp_path):
    errors = refused(write(tmp_path, '{"format": "hearth-case-history",\n  "version": 1,,\n}'))

    assert "line 2, column 16: not valid JSON" in errors


def test_every_schema_error_is_listed(db, example, tmp_path):
    events = example["cases"][0]["events"]
    del events[0]["concern"]
    events[1]["rag"] = "purple"
    events[2]["colour"] = "blue"
    events.append({"type": "telepathy", "on": "2026-01-01"})
    example["people"][0]["sex"] = "X"

    errors = refused(write(tmp_path, example))

    for expected in ("cases[0].events[0].concern: is required",
                     "cases[0].events[1].rag: 'purple' is not one of ['red', 'amber', 'green']",
                     "cases[0].events[2]: Additional properties are not allowed ('colour'",
                     f"cases[0].events[{len(events) - 1}].type: 'telepathy' is not one of",
                     "people[0].sex: 'X' is not one of"):
        assert expected in errors
    assert "5 problems" in errors


@pytest.mark.parametrize(("change", "message"), [
    ({"format": "something-else"}, "This is not a Hearth case history: 'format' must be"),
    ({"version": 2}, "This file is version 2 of the case history format: this Hearth reads "
                     "version 1"),
])
def test_an_unknown_format_or_version_is_refused_clearly(db, example, tmp_path, change, message):
    errors = refused(write(tmp_path, {**example, **change}))

    assert message in errors


def test_unknown_staff_and_teams_are_reported(personas, example, tmp_path):
    events = example["cases"][0]["events"]
    events[0]["by"] = "nobody"
    events[event_index(example, 0, "allocation")]["team"] = "No Such Team"
    events[event_index(example, 0, "initial_conference")]["chair"] = "sw_alice"
    events[event_index(example, 0, "assessment_authorise")]["by"] = "sw_charlie"
    example["cases"][1]["allocation"]["worker"] = "sw_alice"  # in team A, not team B

    errors = refused(write(tmp_path, example))

    assert "cases[0].events[0].by: no member of staff has the username 'nobody'" in errors
    assert "there is no team called 'No Such Team'" in errors
    assert "sw_alice is not an active independent reviewing officer" in errors
    assert "sw_charlie cannot authorise assessments" in errors
    assert "cases[1].allocation.worker: sw_alice is not in Persona Team B" in errors


def test_a_reference_to_an_undefined_or_wrong_ref_is_reported(personas, example, tmp_path):
    events = example["cases"][0]["events"]
    events[event_index(example, 0, "assessment_start")]["referral"] = "r9"
    events[event_index(example, 0, "core_group")]["plan"] = "c1"
    example["cases"][1]["child"] = "nobody"
    example["people"][0]["relationships"][0]["other"] = "ghost"

    errors = refused(write(tmp_path, example))

    assert "'r9' is not defined by an earlier event in this case" in errors
    assert "'c1' is a contact (events[0]), not a child protection plan" in errors
    assert "cases[1].child: no person in the file has the ref 'nobody'" in errors
    assert "people[0].relationships[0].other: no person in the file has the ref 'ghost'" in errors


def test_a_case_about_an_adult_is_refused(personas, example, tmp_path):
    example["cases"][2]["child"] = "kerry"

    errors = refused(write(tmp_path, example))

    assert "cases[2].child: 'kerry' is an adult" in errors


def test_files_over_the_size_limit_are_refused_before_they_are_read(tmp_path):
    path = write(tmp_path, "x" * 2048)

    with pytest.raises(ImportRefused, match="the limit is 0 MB"):
        read_file(path, max_bytes=1024)


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_cases", str(tmp_path / "nowhere.json"))


def synthetic_nhs_number(seed: int = 1) -> str:
    """A valid NHS number from the synthetic authority generator (never a real one)."""
    return IdentifierPool(la_code="900").nhs_number(random.Random(seed))


def with_wrong_check_digit(nhs_number: str) -> str:
    return nhs_number[:-1] + str((int(nhs_number[-1]) + 1) % 10)


def test_nhs_numbers_in_a_file_are_imported(personas, on_import_day, example, tmp_path):
    nhs_number = synthetic_nhs_number()
    example["people"][0]["identifiers"]["nhs_number"] = nhs_number

    run_import(write(tmp_path, example))

    assert Person.objects.get(la_child_id="OLD-10231").nhs_number == nhs_number


def test_a_person_the_services_refuse_is_reported_and_their_case_not_tried(
        personas, on_import_day, example, tmp_path):
    broken = copy.deepcopy(example)
    broken["people"][4]["identifiers"]["nhs_number"] = with_wrong_check_digit(
        synthetic_nhs_number())

    errors = refused(write(tmp_path, broken))

    assert "people[4].identifiers.nhs_number: Enter a real NHS number" in errors
    assert "13 more events were not tried" in errors
