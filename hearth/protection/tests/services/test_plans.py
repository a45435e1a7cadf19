import pytest

from hearth.cases.models import StatutoryTask, TaskKind, Visit
from hearth.cin import services as cin_services
from hearth.cin.tests import factories as cin_factories
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent, LocalAuthority
from hearth.protection import services
from hearth.protection.codes import ConferenceOutcome, PlanEndReason
from hearth.protection.models import ChildProtectionPlan
from hearth.protection.selectors import open_work_on_referral
from hearth.protection.tests.factories import HEALTH, POLICE, SCHOOL, D, child_on_a_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(personas):
    """A plan from an ICPC on Friday 19 December 2025."""
    return child_on_a_plan(personas, icpc_on=D(2025, 12, 19))


def open_task(plan, kind):
    return StatutoryTask.objects.open().filter(kind=kind, source_id=plan.pk,
                                               source_type="protection.ChildProtectionPlan").first()


def visit(plan, personas, on, *, seen=True, alone=False):
    return services.cp_visit_record(plan=plan, actor=personas.sw_alice, visited_on=on,
                                    child_seen=seen, seen_alone=alone)


def test_the_first_core_group_closes_its_task_and_opens_the_six_weekly_clock(personas, plan):
    core_group = services.core_group_record(plan=plan, actor=personas.sw_alice,
                                            held_on=D(2026, 1, 7),
                                            participants=[POLICE, HEALTH, SCHOOL])

    assert (core_group.is_first, core_group.due_on, core_group.in_time) == (
        True, D(2026, 1, 7), True)
    first = StatutoryTask.objects.get(kind=TaskKind.HOLD_FIRST_CORE_GROUP)
    assert first.closed_on == D(2026, 1, 7) and not first.was_late
    task = open_task(plan, TaskKind.HOLD_CORE_GROUP)
    assert (task.due_on, task.rule) == (D(2026, 2, 18), "T08 v1 (every 6 weeks)")
    event = AuditEvent.objects.get(event_code="CORE_GROUP_HELD")
    assert event.detail["attended"] == {"police": 1, "health": 1, "education": 1}


def test_each_core_group_restarts_the_clock(personas, plan):
    services.core_group_record(plan=plan, actor=personas.sw_alice, held_on=D(2026, 1, 9))
    second = services.core_group_record(plan=plan, actor=personas.sw_alice,
                                        held_on=D(2026, 3, 2))

    assert (second.is_first, second.due_on, second.in_time) == (False, D(2026, 2, 20), False)
    assert open_task(plan, TaskKind.HOLD_CORE_GROUP).due_on == D(2026, 4, 13)
    done = StatutoryTask.objects.filter(kind=TaskKind.HOLD_CORE_GROUP, closed_at__isnull=False)
    assert [(t.due_on, t.closed_on, t.was_late) for t in done] == [
        (D(2026, 2, 20), D(2026, 3, 2), True)]


def test_the_local_standards_set_the_intervals(personas):
    LocalAuthority.objects.create(name="Persona Borough", la_code="900", population_0_17=1000,
                                  population_year=2025, core_group_interval_weeks=4,
                                  cp_visit_interval_working_days=5)
    plan = child_on_a_plan(personas, icpc_on=D(2026, 3, 2))
    assert open_task(plan, TaskKind.VISIT_CP).due_on == D(2026, 3, 9)
    services.core_group_record(plan=plan, actor=personas.sw_alice, held_on=D(2026, 3, 12))
    assert open_task(plan, TaskKind.HOLD_CORE_GROUP).due_on == D(2026, 4, 9)


def test_a_visit_closes_the_visit_task_and_opens_the_next_across_christmas(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2025, 12, 15))
    assert open_task(plan, TaskKind.VISIT_CP).due_on == D(2025, 12, 31)

    recorded = visit(plan, personas, D(2025, 12, 31), alone=True)

    assert (recorded.plan, recorded.plan_id, recorded.seen_alone) == ("cp", plan.pk, True)
    assert open_task(plan, TaskKind.VISIT_CP).due_on == D(2026, 1, 15)
    assert StatutoryTask.objects.get(kind=TaskKind.VISIT_CP, closed_on=D(2025, 12, 31))


def test_a_visit_where_the_child_was_not_seen_leaves_the_visit_due(personas, plan):
    due = open_task(plan, TaskKind.VISIT_CP).due_on
    visit(plan, personas, D(2025, 12, 23), seen=False)
    assert open_task(plan, TaskKind.VISIT_CP).due_on == due
    assert Visit.objects.filter(plan_id=plan.pk).count() == 1


def test_a_visit_recorded_late_does_not_move_the_clock_back(personas, plan):
    visit(plan, personas, D(2026, 1, 5))
    due = open_task(plan, TaskKind.VISIT_CP).due_on
    visit(plan, personas, D(2025, 12, 23))
    assert open_task(plan, TaskKind.VISIT_CP).due_on == due == D(2026, 1, 19)


def test_seen_alone_needs_the_child_seen(personas, plan):
    with pytest.raises(DomainError, match="seen alone must have been seen"):
        services.cp_visit_record(plan=plan, actor=personas.sw_alice, visited_on=D(2026, 1, 5),
                                 child_seen=False, seen_alone=True)


def test_ending_a_plan_closes_every_task_and_refuses_more_work(personas, plan):
    services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=D(2026, 1, 2),
                         reason=PlanEndReason.MOVED_AWAY, note="Moved to another county")

    plan.refresh_from_db()
    assert (plan.end_date, plan.end_reason, plan.ended_by) == (
        D(2026, 1, 2), "moved_away", personas.tm_bob)
    assert not StatutoryTask.objects.open().filter(child=plan.child).exists()
    ended = "ended on 2 January 2026: a {} cannot be recorded"
    with pytest.raises(DomainError, match=ended.format("visit")):
        visit(plan, personas, D(2026, 1, 2))
    with pytest.raises(DomainError, match=ended.format("core group")):
        services.core_group_record(plan=plan, actor=personas.sw_alice, held_on=D(2026, 1, 2))
    with pytest.raises(DomainError, match=ended.format("review conference")):
        services.review_conference_record(
            plan=plan, actor=personas.iro_erin, held_on=D(2026, 1, 2), chair=personas.iro_erin,
            outcome=ConferenceOutcome.CONTINUE_PLAN, category="NEG")
    with pytest.raises(DomainError, match="already ended"):
        services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=D(2026, 1, 3),
                             reason=PlanEndReason.OTHER)


def test_only_a_review_conference_ends_a_plan_by_its_decision(personas, plan):
    with pytest.raises(DomainError, match="Record the review conference") as refused:
        services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=D(2026, 1, 2),
                             reason=PlanEndReason.REVIEW_DECISION)
    assert refused.value.field == "reason"


def test_a_plan_cannot_end_before_its_last_visit(personas, plan):
    visit(plan, personas, D(2026, 1, 5))
    with pytest.raises(DomainError, match="last thing recorded on it, on 5 January 2026"):
        services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=D(2026, 1, 2),
                             reason=PlanEndReason.OTHER)


def test_a_child_can_start_a_new_plan_after_one_ends(personas, plan):
    services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=D(2026, 1, 2),
                         reason=PlanEndReason.OTHER)
    again = child_on_a_plan(personas, icpc_on=D(2026, 4, 1), child=plan.child)
    assert again.previous_plans == 1


def test_it_says_why_a_referral_with_open_child_protection_work_cannot_close(personas, plan):
    assert "plan on this referral is still open" in open_work_on_referral(plan.referral)
    services.cp_plan_end(plan=plan, actor=personas.tm_bob, end_date=D(2026, 1, 2),
                         reason=PlanEndReason.OTHER)
    assert open_work_on_referral(plan.referral) is None


# ---- A protection plan takes the place of a child in need plan (CIN census rule 4003) --------


def test_starting_a_protection_plan_ends_the_child_in_need_plan_that_day(personas):
    child = personas.child_for(personas.sw_alice)
    cin_plan = cin_factories.plan_for(child, personas.sw_alice, referred_on=D(2025, 10, 1))
    cin_services.cin_plan_visit(plan=cin_plan, actor=personas.sw_alice,
                                visited_on=D(2025, 11, 3), child_seen=True, seen_alone=False)

    plan = child_on_a_plan(personas, icpc_on=D(2025, 12, 19), child=child)

    cin_plan.refresh_from_db()
    assert (cin_plan.ended_on, cin_plan.end_reason) == (
        plan.start_date, cin_services.CP_PLAN_STARTED)
    assert not StatutoryTask.objects.open().filter(source_type="cin.CinPlan",
                                                   source_id=cin_plan.pk).exists()
    assert AuditEvent.objects.filter(event_code="CIN_PLAN_ENDED", child_id=child.pk).exists()


def test_a_child_in_need_visit_after_the_conference_date_refuses_the_plan_whole(personas):
    child = personas.child_for(personas.sw_alice)
    cin_plan = cin_factories.plan_for(child, personas.sw_alice, referred_on=D(2025, 10, 1))
    cin_services.cin_plan_visit(plan=cin_plan, actor=personas.sw_alice,
                                visited_on=D(2026, 1, 5), child_seen=True, seen_alone=False)

    with pytest.raises(DomainError, match="cannot be on both plans at once"):
        child_on_a_plan(personas, icpc_on=D(2025, 12, 19), child=child)

    cin_plan.refresh_from_db()
    assert cin_plan.ended_on is None
    assert not ChildProtectionPlan.objects.filter(child=child).exists()


def test_a_child_in_need_plan_cannot_start_while_a_protection_plan_is_open(personas, plan):
    with pytest.raises(DomainError, match="on a child protection plan since 19 December 2025"):
        cin_services.cin_plan_start(referral=plan.referral, started_on=D(2026, 1, 5),
                                    actor=personas.sw_alice)
