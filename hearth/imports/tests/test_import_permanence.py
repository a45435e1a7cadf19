"""Permanence in the import format: an adoption history (and special guardianship, long-term
fostering and a return home) is recorded through hearth.permanence's services and audited as
the import job; a bad event refuses the whole file with its place and reason, writing nothing."""

import copy
import datetime as dt
import json

import pytest
import time_machine

from hearth.cases.models import StatutoryTask, TaskKind
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
from hearth.permanence.models import (
    AdoptionDecision,
    LongTermFosteringMatch,
    PermanencePanel,
    PermanencePlan,
    PreviousPermanence,
    Reunification,
    SpecialGuardianship,
)
from hearth.permanence.tests.factories import approved_household

SKYE = 3
POPPY_CASE = 4  # the adopted child this module adds after the example's cases
D = dt.date

POPPY = {"ref": "poppy", "is_child": True, "first_name": "Poppy", "last_name": "Harrowgate",
         "sex": "F", "date_of_birth": "2024-02-10", "ethnicity": "WBRI",
         "disabilities": ["NONE"], "identifiers": {"la_child_id": "OLD-10260"}}
ADOPTION = [
    {"type": "care_start", "ref": "p1", "started_on": "2025-09-01", "legal_status": "C2",
     "category_of_need": "N1", "placement_type": "U4", "provider_type": "PR1",
     "placement_postcode": "ZZ3 4QT", "urn": "XXXXXXX", "home_postcode": "ZZ2 9LD",
     "by": "sw_charlie"},
    {"type": "previous_permanence", "period": "p1", "order": "Z1"},
    {"type": "permanence_plan", "period": "p1", "plan_type": "adoption",
     "agreed_on": "2025-10-01", "by": "sw_charlie"},
    {"type": "permanence_stage", "period": "p1", "stage": "family_finding",
     "since": "2025-10-20"},
    {"type": "permanence_panel", "period": "p1", "kind": "adoption", "held_on": "2025-10-28",
     "recommendation": "Should be placed for adoption"},
    {"type": "adoption_decision", "period": "p1", "decided_on": "2025-11-03",
     "decision_maker": "Synthetic agency decision maker", "by": "sm_sara"},
    {"type": "placement_order", "period": "p1", "placement_order_on": "2025-12-15"},
    {"type": "adoption_match", "period": "p1", "matched_on": "2026-02-02",
     "household": "FILLED IN"},
    {"type": "placed_for_adoption", "period": "p1", "placed_on": "2026-02-16"},
    {"type": "adoption_order", "period": "p1", "adoption_order_on": "2026-05-20"},
]
SKYE_PERMANENCE = [
    {"type": "permanence_plan", "period": "p1", "plan_type": "long_term_fostering",
     "agreed_on": "2026-02-26", "stage": "matched"},
    {"type": "long_term_match", "period": "p1", "carers": "Synthetic long-term carers",
     "matched_on": "2026-03-01"},
    {"type": "sgo_assessment", "period": "p1", "guardians": "Synthetic aunt and uncle",
     "relationship": "relative", "started_on": "2026-03-10",
     "assessment_completed_on": "2026-04-20"},
    {"type": "sgo_order", "period": "p1", "order_on": "2026-05-01"},
    {"type": "reunification", "period": "p1", "returned_home_on": "2026-05-10",
     "care_order_discharged_on": "2026-06-01"},
]


@pytest.fixture
def on_import_day():
    with time_machine.travel(IMPORT_DAY, tick=False):
        yield


@pytest.fixture
def household(personas):
    with time_machine.travel(dt.datetime(2026, 1, 21, 9, tzinfo=dt.UTC), tick=False):
        return approved_household(personas.sw_alice)


@pytest.fixture
def example(household) -> dict:
    data = json.loads(EXAMPLE.read_text())
    data["cases"][SKYE]["events"] += copy.deepcopy(SKYE_PERMANENCE)
    data["people"].append(copy.deepcopy(POPPY))
    events = copy.deepcopy(ADOPTION)
    _event(events, "adoption_match")["household"] = household.reference
    data["cases"].append({"child": "poppy", "events": events})
    return data


def _where(events: list[dict], event_type: str) -> int:
    return next(i for i, e in enumerate(events) if e["type"] == event_type)


def _event(events: list[dict], event_type: str) -> dict:
    return events[_where(events, event_type)]


def test_an_adoption_history_is_recorded_through_the_permanence_services(
        personas, on_import_day, household, example, tmp_path):
    output = run_import(write(tmp_path, example))

    decision = AdoptionDecision.objects.get(child__first_name="Poppy")
    assert decision.household == household and decision.decision_maker.startswith("Synthetic")
    assert (decision.placement_order_on, decision.matched_on, decision.placed_on,
            decision.adoption_order_on) == (D(2025, 12, 15), D(2026, 2, 2), D(2026, 2, 16),
                                            D(2026, 5, 20))
    plans = PermanencePlan.objects.filter(child__first_name="Poppy").order_by("stage_since")
    assert [p.stage for p in plans] == ["agreed", "family_finding", "matched", "placed",
                                        "achieved"]
    assert PermanencePanel.objects.get(child__first_name="Poppy").kind == "adoption"
    assert PreviousPermanence.objects.get(child__first_name="Poppy").order == "Z1"
    task = StatutoryTask.objects.get(kind=TaskKind.PERMANENCE_PLAN, child__first_name="Poppy")
    assert task.closed_on == D(2025, 10, 1) and not task.cancelled
    assert "adoption_order" in output


def test_special_guardianship_long_term_fostering_and_a_return_home(
        personas, on_import_day, example, tmp_path):
    run_import(write(tmp_path, example))

    plan = PermanencePlan.objects.get(child__first_name="Skye")
    assert (plan.plan_type, plan.stage) == ("long_term_fostering", "matched")
    assert plan.agreed_at_review is not None  # agreed at the review held that day
    assert LongTermFosteringMatch.objects.get().carers == "Synthetic long-term carers"
    sgo = SpecialGuardianship.objects.get()
    assert (sgo.assessment_completed_on, sgo.order_on) == (D(2026, 4, 20), D(2026, 5, 1))
    assert Reunification.objects.get().care_order_discharged_on == D(2026, 6, 1)


def test_the_permanence_records_are_audited_as_the_import_job(personas, on_import_day,
                                                              example, tmp_path):
    run_import(write(tmp_path, example))

    codes = {"PERMANENCE_PLAN_RECORDED": 2, "PERMANENCE_STAGE_CHANGED": 4,
             "PERMANENCE_PANEL_RECORDED": 1, "ADOPTION_DECISION_RECORDED": 1,
             "ADOPTION_STEP_RECORDED": 4, "SGO_RECORDED": 3, "LONG_TERM_MATCH_RECORDED": 1,
             "REUNIFICATION_RECORDED": 2, "PREVIOUS_PERMANENCE_RECORDED": 1}
    events = AuditEvent.objects.filter(event_code__in=codes)
    assert {code: events.filter(event_code=code).count() for code in codes} == codes
    assert not events.exclude(system_job=SYSTEM_JOB).exists()
    poppy = events.filter(event_code="ADOPTION_DECISION_RECORDED").get()
    assert poppy.actor.username == "sm_sara"


# ---- A bad event refuses the whole file ---------------------------------------------------------


@pytest.mark.parametrize(("case", "event_type", "change", "field", "message"), [
    (POPPY_CASE, "placed_for_adoption", {"placed_on": "2026-01-30"}, "placed_on",
     None),
    (POPPY_CASE, "permanence_plan", {"agreed_on": "2025-08-01"}, "agreed_on", None),
    (POPPY_CASE, "previous_permanence", {"order": "P1"}, "la_code",
     "Enter the local authority's 3-digit code, or WAL, SCO, NIR or NUK"),
    (SKYE, "sgo_order", {"order_on": "2026-04-01"}, "order_on", None),
    (SKYE, "reunification", {"care_order_discharged_on": "2026-05-01"},
     "care_order_discharged_on", None),
])
def test_a_permanence_event_the_rules_refuse_is_named_with_its_field_and_writes_nothing(
        personas, on_import_day, example, tmp_path, case, event_type, change, field, message):
    events = example["cases"][case]["events"]
    where = _where(events, event_type)
    events[where].update(change)
    before = snapshot()

    errors = refused(write(tmp_path, example))

    assert f"cases[{case}].events[{where}].{field}: {message or ''}" in errors
    assert snapshot() == before
    assert not (PermanencePlan.objects.exists() or AdoptionDecision.objects.exists()
                or SpecialGuardianship.objects.exists() or Reunification.objects.exists())


def test_a_step_without_a_decision_is_refused_on_the_period(personas, on_import_day, example,
                                                            tmp_path):
    events = example["cases"][POPPY_CASE]["events"]
    events.pop(_where(events, "adoption_decision"))
    where = _where(events, "placement_order")

    errors = refused(write(tmp_path, example))

    assert (f"cases[{POPPY_CASE}].events[{where}].period: This period of care has no open "
            "adoption decision") in errors
    assert not AdoptionDecision.objects.exists()


@pytest.mark.parametrize(("event_type", "change", "field", "message"), [
    ("adoption_match", {"household": "AH99999"}, "household",
     "there are no prospective adopters with the family identifier 'AH99999'"),
    ("adoption_decision", {"by": "sw_charlie"}, "by",
     "sw_charlie cannot record the agency decision maker's decision"),
    ("adoption_reversed", {}, "reversed_reason", "'RD9' is not one of"),
    ("permanence_plan", {"plan_type": "elsewhere"}, "plan_type", "'elsewhere' is not one of"),
    ("placed_for_adoption", {"period": "nowhere"}, "period",
     "'nowhere' is not defined by an earlier event"),
])
def test_the_whole_file_checks_name_the_place(personas, example, tmp_path, event_type, change,
                                              field, message):
    events = example["cases"][POPPY_CASE]["events"]
    if event_type == "adoption_reversed":
        events.append({"type": "adoption_reversed", "period": "p1", "reversed_on": "2026-05-01",
                       "reversed_reason": "RD9"})
    where = _where(events, event_type)
    events[where].update(change)
    before = snapshot()

    errors = refused(write(tmp_path, example))

    assert f"cases[{POPPY_CASE}].events[{where}].{field}: {message}" in errors
    assert snapshot() == before
