"""Work on an open child protection plan: core groups, visits, and ending it."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import transaction

from hearth.cases.models import TaskKind, Visit
from hearth.cases.services import visit_record
from hearth.cases.tasks import task_close, task_open, tasks_close_all_for
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.models import LocalAuthority
from hearth.protection import rules, selectors
from hearth.protection.codes import PlanEndReason
from hearth.protection.models import ChildProtectionPlan, CoreGroup
from hearth.protection.services._common import attendance_detail, participants_replace
from hearth.workingdays.selectors import current_calendar


@transaction.atomic
def core_group_record(*, plan: ChildProtectionPlan, actor, held_on: dt.date, note: str = "",
                      participants: Iterable[Mapping] = ()) -> CoreGroup:
    """Records a core group. The first closes its 10-working-day task; each one restarts the
    clock to the next at the local interval."""
    plan = _locked(plan)
    facts = selectors.plan_facts(plan)
    rules.ensure_core_group_can_be_held(facts, held_on=held_on, today=clock.today())
    weeks = LocalAuthority.standards().core_group_interval_weeks
    is_first = facts.last_core_group_on is None
    due_on = (rules.first_core_group_due_on(icpc_on=plan.start_date, calendar=current_calendar())
              if is_first else rules.next_core_group_due_on(
                  core_group_on=facts.last_core_group_on, interval_weeks=weeks))
    core_group = CoreGroup.objects.create(
        plan=plan, child_id=plan.child_id, held_on=held_on, due_on=due_on, is_first=is_first,
        note=note, recorded_by=actor, recorded_at=clock.now())
    people = participants_replace(meeting=core_group, participants=participants)
    done = TaskKind.HOLD_FIRST_CORE_GROUP if is_first else TaskKind.HOLD_CORE_GROUP
    task_close(kind=done, source=plan, done_on=held_on, actor=actor)
    task_open(kind=TaskKind.HOLD_CORE_GROUP, child=plan.child, source=plan,
              due_on=rules.next_core_group_due_on(core_group_on=held_on, interval_weeks=weeks),
              rule=rules.core_group_rule(weeks))
    Auditor(actor).record("CORE_GROUP_HELD", core_group, child_id=plan.child_id,
                          detail={"held_on": str(held_on), "due_on": str(due_on),
                                  "first": is_first, "attended": attendance_detail(people)})
    return core_group


@transaction.atomic
def core_group_attendance_update(*, core_group: CoreGroup, actor, note: str,
                                 participants: Iterable[Mapping]) -> CoreGroup:
    core_group.note = note
    core_group.save(update_fields=["note"])
    people = participants_replace(meeting=core_group, participants=participants)
    Auditor(actor).record("CORE_GROUP_ATTENDANCE_UPDATED", core_group,
                          child_id=core_group.child_id,
                          detail={"attended": attendance_detail(people)})
    return core_group


@transaction.atomic
def cp_visit_record(*, plan: ChildProtectionPlan, actor, visited_on: dt.date, child_seen: bool,
                    seen_alone: bool, bedroom_seen: bool = False, note: str = "") -> Visit:
    """Records a statutory visit. A visit where the child was seen, and no earlier than the
    last such visit, closes the visit task and opens the next at the local standard."""
    plan = _locked(plan)
    rules.ensure_visit_can_be_recorded(selectors.plan_facts(plan), visited_on=visited_on,
                                       today=clock.today())
    last_seen_on = selectors.last_visit_child_seen_on(plan)
    visit = visit_record(child=plan.child, plan=Visit.Plan.CHILD_PROTECTION, plan_id=plan.pk,
                         visited_on=visited_on, child_seen=child_seen, seen_alone=seen_alone,
                         bedroom_seen=bedroom_seen, note=note, actor=actor)
    is_latest = last_seen_on is None or visited_on >= last_seen_on
    if rules.counts_as_statutory_visit(child_seen=child_seen) and is_latest:
        interval = LocalAuthority.standards().cp_visit_interval_working_days
        task_close(kind=TaskKind.VISIT_CP, source=plan, done_on=visited_on, actor=actor)
        task_open(kind=TaskKind.VISIT_CP, child=plan.child, source=plan,
                  due_on=rules.next_cp_visit_due_on(last_visit_on=visited_on,
                                                    interval_working_days=interval,
                                                    calendar=current_calendar()),
                  rule=rules.cp_visit_rule(interval))
    return visit


@transaction.atomic
def cp_plan_end(*, plan: ChildProtectionPlan, actor, end_date: dt.date, reason: str,
                note: str = "") -> ChildProtectionPlan:
    """Ends a plan for a reason other than a review conference's decision (which
    review_conference_record records); closes all the plan's open tasks."""
    if reason == PlanEndReason.REVIEW_DECISION:
        raise DomainError("Record the review conference that decided to end the plan",
                          field="reason")
    if reason not in PlanEndReason.values:
        raise DomainError("Choose why the plan ended", field="reason")
    return end_plan(_locked(plan), end_date=end_date, reason=reason, note=note, actor=actor)


def end_plan(plan: ChildProtectionPlan, *, end_date: dt.date, reason: str, actor,
             note: str = "") -> ChildProtectionPlan:
    """Ends a locked plan inside the caller's transaction (a review conference's or ours)."""
    rules.ensure_plan_can_end(selectors.plan_facts(plan), end_date=end_date,
                              today=clock.today())
    plan.end_date, plan.end_reason, plan.end_note, plan.ended_by = end_date, reason, note, actor
    plan.save(update_fields=["end_date", "end_reason", "end_note", "ended_by"])
    closed = tasks_close_all_for(source=plan, done_on=end_date, actor=actor)
    Auditor(actor).record("CP_PLAN_ENDED", plan, child_id=plan.child_id,
                          detail={"end_date": str(end_date), "reason": reason,
                                  "days": (end_date - plan.start_date).days,
                                  "tasks_closed": closed})
    return plan


def _locked(plan: ChildProtectionPlan) -> ChildProtectionPlan:
    return ChildProtectionPlan.objects.select_for_update().select_related("child").get(pk=plan.pk)
