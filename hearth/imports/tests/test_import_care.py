"""Children in care in the import format: the example's looked-after child (Skye) is recorded
through hearth.care's services with her clocks running, and a bad care event refuses the whole
file with its place and reason."""

import datetime as dt
import json

import pytest
import time_machine

from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.cases.models import StatutoryTask, TaskKind, Visit
from hearth.core.models import AuditEvent
from hearth.imports.services import SYSTEM_JOB
from hearth.imports.tests.test_import_cases import (
    EXAMPLE,
    IMPORT_DAY,
    refused,
    run_import,
    snapshot,
    write,
)

SKYE = 3  # her case's place in the example


@pytest.fixture
def on_import_day():
    with time_machine.travel(IMPORT_DAY, tick=False):
        yield


@pytest.fixture
def example() -> dict:
    return json.loads(EXAMPLE.read_text())


@pytest.fixture
def skye_events(example) -> list[dict]:
    return example["cases"][SKYE]["events"]


def nth(events: list[dict], event_type: str, n: int = 0) -> int:
    return [i for i, e in enumerate(events) if e["type"] == event_type][n]


def test_a_child_in_care_is_imported_through_the_care_services(personas, on_import_day):
    run_import(EXAMPLE)

    period = CarePeriod.objects.get(child__first_name="Skye")
    assert (period.started_on, period.ended_on, period.iro.username) == (
        dt.date(2025, 11, 3), None, "iro_erin")
    episodes = list(period.episodes.order_by("started_on"))
    assert [(e.reason_new_episode, e.legal_status, e.placement_type, e.reason_ceased)
            for e in episodes] == [("S", "C1", "U6", "X1"), ("P", "C1", "R1", "X1"),
                                   ("L", "C2", "R1", "X1"), ("P", "C2", "U4", "")]
    # the reason for the move is kept on the episode the move ended, as the 903 has it
    assert [e.reason_place_change for e in episodes] == ["CREQB", "", "CARPL", ""]
    assert episodes[1].signed_off_by.username == "sm_sara"
    assert episodes[3].intended_until_18
    reviews = list(CareReview.objects.filter(period=period).order_by("number"))
    assert [(r.number, r.participation, r.in_time) for r in reviews] == [
        (1, "PN1", True), (2, "PN5", True)]
    assert Visit.objects.filter(plan=Visit.Plan.LOOKED_AFTER, plan_id=period.pk).count() == 6


def test_the_child_in_care_keeps_her_clocks_open_with_her_worker(personas, on_import_day):
    run_import(EXAMPLE)

    tasks = StatutoryTask.objects.filter(child__first_name="Skye")
    open_tasks = {t.kind: t for t in tasks.open()}
    # The example has no health or education events (test_import_aftercare adds them), so her
    # health and education clocks (hearth.health_education) run from the day she became looked
    # after; and with no permanence plan recorded (hearth.permanence), that clock is open too.
    assert set(open_tasks) == {TaskKind.HOLD_CLA_REVIEW, TaskKind.VISIT_CLA,
                               TaskKind.INITIAL_HEALTH_ASSESSMENT, TaskKind.DENTAL_CHECK,
                               TaskKind.SDQ, TaskKind.PERSONAL_EDUCATION_PLAN,
                               TaskKind.PERMANENCE_PLAN}
    assert open_tasks[TaskKind.HOLD_CLA_REVIEW].due_on == dt.date(2026, 8, 26)  # 6 months on
    assert open_tasks[TaskKind.VISIT_CLA].due_on == dt.date(2026, 6, 18)  # 6 weeks on
    assert {t.worker.username for t in open_tasks.values()} == {"sw_charlie"}
    closed = set(tasks.filter(closed_on__isnull=False).values_list("kind", flat=True))
    assert {TaskKind.ALLOCATE_IRO, TaskKind.SIGN_OFF_PLACEMENT} <= closed


def test_the_care_events_are_audited_as_the_import_job(personas, on_import_day):
    run_import(EXAMPLE)

    codes = ["CARE_PERIOD_STARTED", "CARE_EPISODE_STARTED", "IRO_ALLOCATED",
             "CLA_REVIEW_RECORDED", "PLACEMENT_SIGNED_OFF"]
    events = AuditEvent.objects.filter(event_code__in=codes)
    assert events.count() == 1 + 3 + 1 + 2 + 1
    assert not events.exclude(system_job=SYSTEM_JOB).exists()
    assert events.get(event_code="PLACEMENT_SIGNED_OFF").actor.username == "sm_sara"


def test_a_period_of_care_that_ends_closes_its_clocks(personas, on_import_day, example,
                                                     skye_events, tmp_path):
    skye_events.append({"type": "care_end", "period": "p1", "ended_on": "2026-06-01",
                        "reason": "E4A", "by": "sw_charlie"})

    run_import(write(tmp_path, example))

    period = CarePeriod.objects.get(child__first_name="Skye")
    assert (period.ended_on, period.end_reason) == (dt.date(2026, 6, 1), "E4A")
    assert CareEpisode.objects.get(period=period, ended_on=period.ended_on).reason_ceased == "E4A"
    assert not StatutoryTask.objects.open().filter(child=period.child).exclude(
        kind__in=[TaskKind.REVIEW_CIN_PLAN, TaskKind.VISIT_CIN]).exists()


# ---- A bad care event refuses the whole file ---------------------------------------------------


def test_a_review_before_the_last_one_refuses_the_whole_file(personas, on_import_day, example,
                                                              skye_events, tmp_path):
    second = nth(skye_events, "cla_review", 1)
    skye_events[second]["held_on"] = "2025-11-20"  # before the first review
    before = snapshot()
    periods = CarePeriod.objects.count()

    errors = refused(write(tmp_path, example))

    assert (f"cases[{SKYE}].events[{second}].held_on: The review must be after the last review "
            "on 28 November 2025") in errors
    assert snapshot() == before
    assert CarePeriod.objects.count() == periods


@pytest.mark.parametrize(("event_type", "change", "field", "message"), [
    ("care_start", {"placement_type": "P1", "provider_type": "PR1", "urn": ""},
     "provider_type", "A placement with parents (P1) is provided by the parents (PR0)"),
    ("care_start", {"urn": "12AB"}, "urn", "Enter the Ofsted URN as SC and 6 digits"),
    ("care_episode", {"reason_place_change": ""}, "reason_place_change",
     "Choose the reason for the change of placement"),
    ("cla_review", {"participation": "PN0"}, "participation",
     "PN0 is only for a child under 4 at the review"),
    ("cla_visit", {"visited_on": "2025-10-30"}, "visited_on",
     "The visit cannot be before the child became looked after on 3 November 2025"),
])
def test_a_care_event_the_rules_refuse_is_named_with_its_field(
        personas, on_import_day, example, skye_events, tmp_path, event_type, change, field,
        message):
    where = nth(skye_events, event_type)
    skye_events[where].update(change)

    errors = refused(write(tmp_path, example))

    assert f"cases[{SKYE}].events[{where}].{field}: {message}" in errors


def test_care_cannot_end_with_x1(personas, on_import_day, example, skye_events, tmp_path):
    skye_events.append({"type": "care_end", "period": "p1", "ended_on": "2026-06-01",
                        "reason": "X1"})

    errors = refused(write(tmp_path, example))

    assert (f"cases[{SKYE}].events[{len(skye_events) - 1}].reason: 'X1' is not one of the "
            "codes allowed here") in errors


def test_care_cannot_end_in_the_future(personas, on_import_day, example, skye_events,
                                       tmp_path):
    skye_events.append({"type": "care_end", "period": "p1", "ended_on": "2026-07-01",
                        "reason": "E4A"})

    errors = refused(write(tmp_path, example))

    assert (f"cases[{SKYE}].events[{len(skye_events) - 1}].ended_on: The date the child ceased "
            "to be looked after must be today or in the past") in errors


def test_care_events_name_an_earlier_period_and_real_iros(personas, example, skye_events,
                                                         tmp_path):
    skye_events[nth(skye_events, "iro_allocation")]["iro"] = "sw_alice"
    skye_events[nth(skye_events, "cla_review")]["chair"] = "tm_bob"
    skye_events[nth(skye_events, "placement_sign_off")]["by"] = "sw_charlie"
    skye_events[nth(skye_events, "cla_visit")]["period"] = "r1"
    skye_events[nth(skye_events, "care_episode")]["period"] = "p9"

    errors = refused(write(tmp_path, example))

    at = f"cases[{SKYE}].events"
    assert f"{at}[{nth(skye_events, 'iro_allocation')}].iro: sw_alice is not an active " \
           "independent reviewing officer" in errors
    assert f"{at}[{nth(skye_events, 'cla_review')}].chair: tm_bob is not an active" in errors
    assert f"{at}[{nth(skye_events, 'placement_sign_off')}].by: sw_charlie cannot sign off " \
           "placements" in errors
    assert "'r1' is a referral (events[0]), not a period of care" in errors
    assert "'p9' is not defined by an earlier event in this case" in errors


def test_a_sign_off_of_a_placement_that_needs_none_is_refused(personas, on_import_day, example,
                                                              skye_events, tmp_path):
    sign_off = nth(skye_events, "placement_sign_off")
    skye_events.append(dict(skye_events[sign_off]))  # now in a registered foster placement

    errors = refused(write(tmp_path, example))

    assert (f"cases[{SKYE}].events[{len(skye_events) - 1}]: This placement does not need the "
            "head of service's sign-off") in errors


def test_the_care_event_counts_are_printed(personas, on_import_day):
    output = run_import(EXAMPLE)

    for line in ("care_start", "care_episode", "cla_review", "cla_visit", "placement_sign_off"):
        assert line in output


def test_a_period_begun_in_earlier_records_keeps_its_first_episodes_rne(
        personas, on_import_day, example, skye_events, tmp_path):
    """A period that began in records not being imported (a previous 903 return's first
    episode): Hearth holds it from that episode, which keeps its reason for new episode."""
    skye_events[nth(skye_events, "care_start")]["reason_new_episode"] = "P"

    run_import(write(tmp_path, example))

    first = CareEpisode.objects.filter(period__child__first_name="Skye").order_by(
        "started_on").first()
    assert first.reason_new_episode == "P"
