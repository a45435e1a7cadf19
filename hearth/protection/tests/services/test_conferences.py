import pytest

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.protection import services
from hearth.protection.codes import ConferenceOutcome, PlanEndReason
from hearth.protection.models import ChildProtectionPlan
from hearth.protection.tests.factories import (
    D,
    child_on_a_plan,
    enquiry_needing_icpc,
    plan_from_icpc,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(personas):
    child = personas.child_for(personas.sw_alice)
    return enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2025, 12, 18),
                                discussed_on=D(2025, 12, 19), completed_on=D(2025, 12, 22))


def open_tasks(child) -> dict[str, tuple]:
    return {t.kind: (t.due_on, t.rule) for t in StatutoryTask.objects.open().filter(child=child)}


def test_a_plan_outcome_starts_the_plan_and_its_clocks(personas, enquiry):
    plan = plan_from_icpc(enquiry, actor=personas.bs_ben, chair=personas.iro_erin,
                          on=D(2025, 12, 30))

    assert (plan.start_date, plan.initial_category, plan.latest_category) == (
        D(2025, 12, 30), "NEG", "NEG")
    assert plan.previous_plans == 0
    icpc_task = StatutoryTask.objects.get(kind=TaskKind.HOLD_ICPC)
    assert (icpc_task.closed_on, icpc_task.was_late) == (D(2025, 12, 30), False)
    assert open_tasks(enquiry.child) == {
        TaskKind.HOLD_FIRST_CORE_GROUP: (D(2026, 1, 14), "T07 v1"),
        TaskKind.HOLD_REVIEW_CONFERENCE: (D(2026, 3, 30), "T10 v1"),
        TaskKind.VISIT_CP: (D(2026, 1, 14), "T13 v1 (every 10 working days)"),
    }
    codes = set(AuditEvent.objects.filter(child_id=plan.child_id)
                .values_list("event_code", flat=True))
    assert {"INITIAL_CONFERENCE_HELD", "CP_PLAN_STARTED"} <= codes


def test_the_first_core_group_is_due_10_working_days_after_a_pre_christmas_icpc(personas):
    child = personas.child_for(personas.sw_alice)
    enquiry = enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2025, 12, 1),
                                   discussed_on=D(2025, 12, 2), completed_on=D(2025, 12, 10))
    plan_from_icpc(enquiry, actor=personas.iro_erin, chair=personas.iro_erin,
                   on=D(2025, 12, 19))
    assert open_tasks(child)[TaskKind.HOLD_FIRST_CORE_GROUP][0] == D(2026, 1, 7)


def test_an_initial_conference_cannot_be_before_the_strategy_discussion(personas):
    child = personas.child_for(personas.sw_alice)
    enquiry = enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2026, 3, 2),
                                   discussed_on=D(2026, 3, 3), completed_on=D(2026, 3, 3))
    with pytest.raises(DomainError) as refused:
        plan_from_icpc(enquiry, actor=personas.iro_erin, chair=personas.iro_erin,
                       on=D(2026, 3, 2))
    assert refused.value.message == ("An initial conference cannot be before the strategy "
                                     "discussion on 3 March 2026")
    assert refused.value.field == "held_on"


def test_no_plan_closes_the_task_and_starts_nothing(personas, enquiry):
    conference = services.initial_conference_record(
        enquiry=enquiry, actor=personas.iro_erin, held_on=D(2026, 1, 8),
        chair=personas.iro_erin, outcome=ConferenceOutcome.NO_PLAN)
    assert not ChildProtectionPlan.objects.exists()
    assert open_tasks(enquiry.child) == {}
    assert (conference.due_on, conference.in_time) == (D(2026, 1, 14), True)


def test_only_one_initial_conference_per_enquiry(personas, enquiry):
    services.initial_conference_record(
        enquiry=enquiry, actor=personas.iro_erin, held_on=D(2026, 1, 8),
        chair=personas.iro_erin, outcome=ConferenceOutcome.NO_PLAN)
    with pytest.raises(DomainError, match="already been recorded"):
        services.initial_conference_record(
            enquiry=enquiry, actor=personas.iro_erin, held_on=D(2026, 1, 9),
            chair=personas.iro_erin, outcome=ConferenceOutcome.NO_PLAN)


def test_the_chair_must_be_an_iro_or_cp_chair(personas, enquiry):
    with pytest.raises(DomainError, match="independent reviewing officer") as refused:
        services.initial_conference_record(
            enquiry=enquiry, actor=personas.tm_bob, held_on=D(2026, 1, 8),
            chair=personas.tm_bob, outcome=ConferenceOutcome.NO_PLAN)
    assert refused.value.field == "chair"


def test_previous_plans_are_counted_from_the_childs_earlier_plans(personas):
    child = personas.child_for(personas.sw_alice)
    for start, end in ((D(2024, 2, 1), D(2024, 9, 1)), (D(2025, 1, 6), D(2025, 6, 2))):
        plan = child_on_a_plan(personas, icpc_on=start, child=child)
        services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=end,
                             reason=PlanEndReason.MOVED_AWAY)
    third = child_on_a_plan(personas, icpc_on=D(2026, 2, 2), child=child)
    assert third.previous_plans == 2


def test_a_continuing_review_updates_the_category_and_restarts_the_clock(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2025, 11, 28))
    review = services.review_conference_record(
        plan=plan, actor=personas.iro_erin, held_on=D(2026, 2, 26), chair=personas.iro_erin,
        outcome=ConferenceOutcome.CONTINUE_PLAN, category="EMO")

    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "EMO")
    assert (review.due_on, review.in_time) == (D(2026, 2, 28), True)
    assert open_tasks(plan.child)[TaskKind.HOLD_REVIEW_CONFERENCE] == (D(2026, 8, 26), "T11 v1")
    assert AuditEvent.objects.filter(event_code="CP_PLAN_CATEGORY_CHANGED",
                                     child_id=plan.child_id).exists()


def test_later_reviews_are_due_six_months_after_the_last(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2025, 5, 30))
    for held_on in (D(2025, 8, 29), D(2026, 2, 27)):
        review = services.review_conference_record(
            plan=plan, actor=personas.iro_erin, held_on=held_on, chair=personas.iro_erin,
            outcome=ConferenceOutcome.CONTINUE_PLAN, category="NEG")
    assert review.due_on == D(2026, 2, 28)
    with pytest.raises(DomainError, match="after the last one on 27 February 2026"):
        services.review_conference_record(
            plan=plan, actor=personas.iro_erin, held_on=D(2026, 2, 27), chair=personas.iro_erin,
            outcome=ConferenceOutcome.CONTINUE_PLAN, category="NEG")


def test_a_review_that_ends_the_plan_closes_all_its_tasks(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 1, 12))
    services.review_conference_record(
        plan=plan, actor=personas.iro_erin, held_on=D(2026, 4, 9), chair=personas.iro_erin,
        outcome=ConferenceOutcome.END_PLAN)

    plan.refresh_from_db()
    assert (plan.end_date, plan.end_reason) == (D(2026, 4, 9), "review_decision")
    assert open_tasks(plan.child) == {}
    assert AuditEvent.objects.filter(event_code="CP_PLAN_ENDED", child_id=plan.child_id).exists()


def test_no_initial_conference_for_a_child_already_on_a_plan(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 1, 12))
    with pytest.raises(DomainError, match="hold a review conference"):
        enquiry_needing_icpc(plan.child, personas.sw_alice, referred_on=D(2026, 3, 2),
                             discussed_on=D(2026, 3, 3), completed_on=D(2026, 3, 5))
