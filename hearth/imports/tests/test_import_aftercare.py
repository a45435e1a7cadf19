"""Health and education, missing episodes and care leavers in the import format: each new event
type is recorded through its app's services and audited as the import job, and a bad one
refuses the whole file with its place and reason, writing nothing."""

import copy
import datetime as dt
import json

import pytest
import time_machine

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.models import AuditEvent
from hearth.health_education.models import (
    EducationContact,
    HealthCheck,
    ImmunisationStatus,
    PersonalEducationPlan,
    SdqScore,
)
from hearth.imports.services import SYSTEM_JOB
from hearth.imports.tests.test_import_cases import (
    EXAMPLE,
    IMPORT_DAY,
    refused,
    run_import,
    snapshot,
    write,
)
from hearth.leaving_care.models import (
    CareLeaver,
    Contact,
    EntitlementOffer,
    PathwayPlan,
    PathwayPlanReview,
    Situation,
    StayingPut,
)
from hearth.missing.models import MissingEpisode, ReturnInterview, ReturnInterviewOffer

SKYE = 3
JADE_CASE = 4  # the care leaver this module adds after the example's cases

HEALTH_EDUCATION = [
    {"type": "health_check", "period": "p1", "kind": "initial", "done_on": "2025-11-24",
     "carried_out_by": "Dr Example, looked-after children's nurse team", "by": "sw_charlie"},
    {"type": "health_check", "period": "p1", "kind": "dental", "done_on": "2026-01-12",
     "carried_out_by": "Brindlemoor dental practice"},
    {"type": "immunisations", "period": "p1", "as_at": "2025-11-24", "up_to_date": True},
    {"type": "sdq", "period": "p1", "completed_on": "2026-05-01", "score": 14},
    {"type": "pep", "period": "p1", "held_on": "2025-11-14", "school": "Brindlemoor Academy",
     "virtual_school_attended": True, "by": "sw_charlie"},
    {"type": "education_contact", "period": "p1", "kind": "virtual_school",
     "contacted_on": "2025-12-01", "contact_name": "Virtual School head"},
]
MISSING = [
    {"type": "missing_episode", "ref": "m1", "kind": "M", "started_at": "2026-03-01T21:00:00Z",
     "reported_to_police": True, "police_reference": "BM-2026-0301", "risks": ["cse"],
     "returned_at": "2026-03-02T08:30:00Z", "found_at_place": "A friend's flat"},
    {"type": "return_interview_offer", "episode": "m1", "offered_at": "2026-03-03T10:00:00Z",
     "accepted": True},
    {"type": "return_interview", "episode": "m1", "held_at": "2026-03-04T16:00:00Z",
     "conducted_by": "Independent return interviewer", "independent": True, "seen_alone": True},
    {"type": "missing_episode", "ref": "m2", "kind": "A", "started_at": "2026-04-10T19:00:00Z"},
    {"type": "missing_return", "episode": "m2", "returned_at": "2026-04-11T01:00:00Z"},
    {"type": "return_interview_offer", "episode": "m2", "offered_at": "2026-04-11T11:00:00Z",
     "accepted": False},
    {"type": "return_interview_declined", "episode": "m2", "declined_on": "2026-04-11"},
]
JADE = {"ref": "jade", "is_child": True, "first_name": "Jade", "last_name": "Farrow", "sex": "F",
        "date_of_birth": "2007-03-01", "ethnicity": "WBRI", "disabilities": ["NONE"],
        "identifiers": {"la_child_id": "OLD-10250"}}
CARE_LEAVER = [
    {"type": "care_leaver", "ref": "cl", "category": "former_relevant",
     "applies_from": "2025-03-01", "left_care_on": "2025-03-01", "by": "sw_charlie"},
    {"type": "personal_adviser", "care_leaver": "cl", "adviser": "sw_charlie",
     "allocated_on": "2025-03-03"},
    {"type": "pathway_needs_assessment", "care_leaver": "cl", "completed_on": "2025-02-10"},
    {"type": "pathway_plan", "care_leaver": "cl", "agreed_on": "2025-03-05"},
    {"type": "pathway_plan_review", "care_leaver": "cl", "reviewed_on": "2025-09-01"},
    {"type": "care_leaver_contact", "care_leaver": "cl", "contact_on": "2026-05-20",
     "kind": "visit", "in_touch": True, "made_by": "sw_charlie"},
    {"type": "care_leaver_situation", "care_leaver": "cl", "as_at": "2026-03-01",
     "in_touch": "YES", "activity": "F2", "accommodation": "Z", "accommodation_suitable": True},
    {"type": "staying_put_start", "care_leaver": "cl", "carers": "Mr and Mrs Example",
     "started_on": "2025-03-01"},
    {"type": "staying_put_end", "care_leaver": "cl", "ended_on": "2026-02-28"},
    {"type": "entitlement_offer", "care_leaver": "cl", "kind": "setting_up_home",
     "offered_on": "2026-03-01", "taken_up": True},
    {"type": "support_to_25_request", "care_leaver": "cl", "requested_on": "2026-04-01"},
]


@pytest.fixture
def on_import_day():
    with time_machine.travel(IMPORT_DAY, tick=False):
        yield


@pytest.fixture
def example() -> dict:
    data = json.loads(EXAMPLE.read_text())
    data["cases"][SKYE]["events"] += copy.deepcopy(HEALTH_EDUCATION + MISSING)
    data["people"].append(copy.deepcopy(JADE))
    data["cases"].append({"child": "jade", "events": copy.deepcopy(CARE_LEAVER)})
    return data


def test_health_and_education_are_recorded_through_their_services(personas, on_import_day,
                                                                  example, tmp_path):
    run_import(write(tmp_path, example))

    checks = HealthCheck.objects.filter(child__first_name="Skye")
    assert sorted(checks.values_list("kind", flat=True)) == ["dental", "initial"]
    assert ImmunisationStatus.objects.get().up_to_date
    assert SdqScore.objects.get().score == 14
    assert PersonalEducationPlan.objects.get().school == "Brindlemoor Academy"
    assert EducationContact.objects.get().kind == "virtual_school"
    open_kinds = set(StatutoryTask.objects.open().filter(child__first_name="Skye")
                     .values_list("kind", flat=True))
    assert TaskKind.INITIAL_HEALTH_ASSESSMENT not in open_kinds  # done
    assert TaskKind.REVIEW_HEALTH_ASSESSMENT in open_kinds  # the next one's clock


def test_missing_episodes_and_interviews_are_recorded_through_their_services(
        personas, on_import_day, example, tmp_path):
    run_import(write(tmp_path, example))

    first, second = MissingEpisode.objects.order_by("started_at")
    assert (first.kind, first.reported_to_police, first.risks) == ("M", True, ["cse"])
    assert first.returned_at == dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.UTC)
    assert second.returned_at is not None
    assert ReturnInterviewOffer.objects.count() == 2
    outcomes = dict(ReturnInterview.objects.values_list("episode__kind", "outcome"))
    assert outcomes == {"M": "held", "A": "declined"}
    assert not StatutoryTask.objects.open().filter(kind=TaskKind.OFFER_RETURN_INTERVIEW).exists()


def test_a_care_leaver_is_recorded_through_the_leaving_care_services(personas, on_import_day,
                                                                    example, tmp_path):
    output = run_import(write(tmp_path, example))

    leaver = CareLeaver.objects.get(child__first_name="Jade")
    assert leaver.personal_adviser.username == "sw_charlie"
    assert leaver.needs_assessment_done_on == dt.date(2025, 2, 10)
    assert leaver.support_to_25_requested_on == dt.date(2026, 4, 1)
    assert PathwayPlan.objects.get(care_leaver=leaver).agreed_on == dt.date(2025, 3, 5)
    assert PathwayPlanReview.objects.count() == 1
    assert Contact.objects.get(care_leaver=leaver).in_touch
    situation = Situation.objects.get(care_leaver=leaver)
    assert (situation.activity, situation.accom_903) == ("F2", "Z1")
    assert StayingPut.objects.get().ended_on == dt.date(2026, 2, 28)
    assert EntitlementOffer.objects.get().taken_up
    assert "care_leaver_situation" in output


def test_the_new_records_are_audited_as_the_import_job(personas, on_import_day, example,
                                                      tmp_path):
    run_import(write(tmp_path, example))

    codes = {"HEALTH_CHECK_RECORDED": 2, "IMMUNISATIONS_RECORDED": 1, "SDQ_RECORDED": 1,
             "PEP_RECORDED": 1, "EDUCATION_CONTACT_RECORDED": 1,
             "MISSING_EPISODE_RECORDED": 2, "MISSING_EPISODE_RETURN_RECORDED": 2,
             "RETURN_INTERVIEW_OFFERED": 2, "RETURN_INTERVIEW_RECORDED": 2,
             "CARE_LEAVER_RECORDED": 1, "PERSONAL_ADVISER_ALLOCATED": 1,
             "PATHWAY_NEEDS_ASSESSMENT_RECORDED": 1, "PATHWAY_PLAN_AGREED": 1,
             "PATHWAY_PLAN_REVIEWED": 1, "CARE_LEAVER_CONTACT_RECORDED": 1,
             "CARE_LEAVER_SITUATION_RECORDED": 1, "STAYING_PUT_STARTED": 1,
             "STAYING_PUT_ENDED": 1, "ENTITLEMENT_OFFERED": 1, "SUPPORT_TO_25_REQUESTED": 1}
    events = AuditEvent.objects.filter(event_code__in=codes)
    found = {code: events.filter(event_code=code).count() for code in codes}
    assert found == codes
    assert not events.exclude(system_job=SYSTEM_JOB).exists()


# ---- A bad event refuses the whole file ---------------------------------------------------------


def _where(events: list[dict], event_type: str) -> int:
    return next(i for i, e in enumerate(events) if e["type"] == event_type)


@pytest.mark.parametrize(("case", "event_type", "change", "field", "message"), [
    (SKYE, "health_check", {"done_on": "2025-10-01"}, "done_on",
     "The date of the assessment or check must be on or after the day the child became looked "
     "after (3 November 2025)"),
    (SKYE, "sdq", {"score": None}, "score",
     "Enter the score, or choose why there is no score"),
    (SKYE, "return_interview", {"held_at": "2026-03-01T20:00:00Z"}, "held_at",
     "The interview cannot be before the child returned"),
    (JADE_CASE, "care_leaver_situation", {"accommodation_suitable": None},
     "accommodation_suitable",
     "Say whether the accommodation is suitable"),
    (JADE_CASE, "staying_put_start", {"started_on": "2025-02-01"}, "started_on",
     "Staying Put starts on or after the 18th birthday"),
])
def test_a_new_event_the_rules_refuse_is_named_with_its_field_and_writes_nothing(
        personas, on_import_day, example, tmp_path, case, event_type, change, field, message):
    events = example["cases"][case]["events"]
    where = _where(events, event_type)
    events[where].update(change)
    before = snapshot()

    errors = refused(write(tmp_path, example))

    assert f"cases[{case}].events[{where}].{field}: {message}" in errors
    assert snapshot() == before
    assert not (HealthCheck.objects.exists() or MissingEpisode.objects.exists()
                or CareLeaver.objects.exists())


def test_a_bad_code_is_refused_by_the_schema_with_its_place(personas, example, tmp_path):
    events = example["cases"][JADE_CASE]["events"]
    where = _where(events, "care_leaver_situation")
    events[where]["activity"] = "Q9"

    errors = refused(write(tmp_path, example))

    assert f"cases[{JADE_CASE}].events[{where}].activity: 'Q9' is not one of" in errors


@pytest.mark.parametrize(("case", "event_type", "field", "ref", "message"), [
    (SKYE, "return_interview_offer", "episode", "m9", "'m9' is not defined by an earlier event"),
    (SKYE, "pep", "period", "m1", "'m1' is a missing episode"),
    (JADE_CASE, "pathway_plan", "care_leaver", "nobody",
     "'nobody' is not defined by an earlier event"),
])
def test_the_new_events_name_earlier_records_of_the_right_kind(
        personas, example, tmp_path, case, event_type, field, ref, message):
    events = example["cases"][case]["events"]
    if event_type == "pep":  # move it after the missing episode that defines m1
        events.append(events.pop(_where(events, "pep")))
    where = _where(events, event_type)
    events[where][field] = ref

    errors = refused(write(tmp_path, example))

    assert f"cases[{case}].events[{where}].{field}: {message}" in errors


def test_an_unknown_adviser_is_refused(personas, example, tmp_path):
    events = example["cases"][JADE_CASE]["events"]
    where = _where(events, "personal_adviser")
    events[where]["adviser"] = "nobody_here"

    errors = refused(write(tmp_path, example))

    assert (f"cases[{JADE_CASE}].events[{where}].adviser: no member of staff has the username "
            "'nobody_here'") in errors
