"""Reads: a child's child protection work, and the current state of an enquiry or plan."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, Max, OuterRef, Prefetch, QuerySet

from hearth.cases.models import StatutoryTask, TaskKind, Visit
from hearth.cases.rules import TaskStatus, task_status
from hearth.frontdoor.models import Referral
from hearth.protection import rules
from hearth.protection.codes import ConferenceKind
from hearth.protection.models import (
    ChildProtectionPlan,
    Conference,
    CoreGroup,
    Participant,
    Section47Enquiry,
    StrategyDiscussion,
)
from hearth.workingdays.rules import WorkingDayCalendar

CP_VISIT = Visit.Plan.CHILD_PROTECTION
PLAN_TASKS = (TaskKind.HOLD_FIRST_CORE_GROUP, TaskKind.HOLD_CORE_GROUP,
              TaskKind.HOLD_REVIEW_CONFERENCE, TaskKind.VISIT_CP)


def open_referrals_for(child) -> QuerySet[Referral]:
    return Referral.objects.filter(child=child, closed_on__isnull=True).order_by(
        "-referral_date", "-id")


def open_enquiry_for(child) -> Section47Enquiry | None:
    return Section47Enquiry.objects.filter(child=child, completed_on__isnull=True).first()


def enquiry_awaiting_initial_conference(child) -> Section47Enquiry | None:
    """An enquiry that called for an initial conference not yet recorded."""
    held = Conference.objects.filter(section47=OuterRef("pk"), kind=ConferenceKind.INITIAL)
    return (Section47Enquiry.objects.filter(child=child, icpc_required=True)
            .filter(~Exists(held)).select_related("strategy_discussion").first())


def open_plan_for(child) -> ChildProtectionPlan | None:
    return ChildProtectionPlan.objects.open().filter(child=child).first()


def open_work_on_referral(referral: Referral) -> str | None:
    """Why the referral cannot close yet (an open enquiry, an awaited initial conference or an
    open plan), or None. Meant for the front door's closing rule, through a hook on the case
    spine, as the front door may not import protection."""
    held = Conference.objects.filter(section47=OuterRef("pk"), kind=ConferenceKind.INITIAL)
    enquiries = Section47Enquiry.objects.filter(referral=referral)
    if enquiries.filter(completed_on__isnull=True).exists():
        return "A section 47 enquiry on this referral is still open"
    if enquiries.filter(icpc_required=True).filter(~Exists(held)).exists():
        return "An initial child protection conference on this referral is still to be held"
    if ChildProtectionPlan.objects.open().filter(referral=referral).exists():
        return "A child protection plan on this referral is still open: end it first"
    return None


def plan_facts(plan: ChildProtectionPlan) -> rules.PlanFacts:
    return rules.PlanFacts(
        start_date=plan.start_date, end_date=plan.end_date,
        last_core_group_on=plan.core_groups.aggregate(last=Max("held_on"))["last"],
        last_review_on=plan.review_conferences.aggregate(last=Max("held_on"))["last"],
        last_visit_on=plan_visits(plan).aggregate(last=Max("visited_on"))["last"],
    )


def plan_visits(plan: ChildProtectionPlan) -> QuerySet[Visit]:
    return Visit.objects.filter(child_id=plan.child_id, plan=CP_VISIT, plan_id=plan.pk)


def last_visit_child_seen_on(plan: ChildProtectionPlan) -> dt.date | None:
    return plan_visits(plan).filter(child_seen=True).aggregate(last=Max("visited_on"))["last"]


# ---- The child's record tab ---------------------------------------------------------------------


@dataclass(frozen=True)
class DueTask:
    task: StatutoryTask
    status: TaskStatus


@dataclass(frozen=True)
class PlanSummary:
    plan: ChildProtectionPlan
    today: dt.date
    due: dict[str, DueTask] = field(default_factory=dict)
    core_groups: list[CoreGroup] = field(default_factory=list)
    reviews: list[Conference] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)

    @property
    def days_open(self) -> int:
        return ((self.plan.end_date or self.today) - self.plan.start_date).days

    @property
    def band(self) -> rules.DurationBand:
        return rules.duration_band(self.plan.start_date, on=self.plan.end_date or self.today)

    @property
    def due_for_progress_panel(self) -> bool:
        return rules.due_for_progress_panel(self.plan.start_date,
                                            on=self.plan.end_date or self.today)

    @property
    def over_two_years(self) -> bool:
        return rules.lasting_over_two_years(self.plan.start_date,
                                            on=self.plan.end_date or self.today)

    @property
    def next_core_group(self) -> DueTask | None:
        return self.due.get(TaskKind.HOLD_FIRST_CORE_GROUP) or self.due.get(
            TaskKind.HOLD_CORE_GROUP)

    @property
    def next_review(self) -> DueTask | None:
        return self.due.get(TaskKind.HOLD_REVIEW_CONFERENCE)

    @property
    def next_visit(self) -> DueTask | None:
        return self.due.get(TaskKind.VISIT_CP)


@dataclass(frozen=True)
class ChildProtectionRecord:
    discussions: list[StrategyDiscussion]
    enquiries: list[Section47Enquiry]
    initial_conferences: list[Conference]
    current_plan: PlanSummary | None
    past_plans: list[PlanSummary]
    open_enquiry: Section47Enquiry | None
    awaiting_icpc: Section47Enquiry | None
    icpc_task: DueTask | None
    has_open_referral: bool


def child_protection_record(child, *, today: dt.date,
                            calendar: WorkingDayCalendar) -> ChildProtectionRecord:
    """Everything the child protection tab shows, in a fixed number of queries."""
    people = Prefetch("participants", queryset=Participant.objects.order_by("agency", "id"))
    discussions = list(StrategyDiscussion.objects.filter(child=child)
                       .select_related("recorded_by").prefetch_related(people))
    enquiries = list(Section47Enquiry.objects.filter(child=child)
                     .select_related("strategy_discussion"))
    conferences = list(Conference.objects.filter(child=child)
                       .select_related("chair").prefetch_related(people))
    plans = list(ChildProtectionPlan.objects.filter(child=child)
                 .prefetch_related(Prefetch("core_groups", queryset=CoreGroup.objects
                                            .prefetch_related(people))))
    tasks = _open_tasks(child, enquiries, plans, today=today, calendar=calendar)
    visits = list(Visit.objects.filter(child=child, plan=CP_VISIT).select_related("visited_by"))
    summaries = [_plan_summary(p, conferences, visits, tasks, today) for p in plans]
    awaiting = next((e for e in enquiries if e.icpc_required and not any(
        c.section47_id == e.pk for c in conferences)), None)
    return ChildProtectionRecord(
        discussions=discussions, enquiries=enquiries,
        initial_conferences=[c for c in conferences if c.kind == ConferenceKind.INITIAL],
        current_plan=next((s for s in summaries if s.plan.is_open), None),
        past_plans=[s for s in summaries if not s.plan.is_open],
        open_enquiry=next((e for e in enquiries if e.is_open), None),
        awaiting_icpc=awaiting,
        icpc_task=tasks.get((Section47Enquiry._meta.label, getattr(awaiting, "pk", None),
                             TaskKind.HOLD_ICPC)),
        has_open_referral=open_referrals_for(child).exists(),
    )


def _open_tasks(child, enquiries, plans, *, today, calendar) -> dict[tuple, DueTask]:
    sources = {Section47Enquiry._meta.label: [e.pk for e in enquiries],
               ChildProtectionPlan._meta.label: [p.pk for p in plans]}
    found = StatutoryTask.objects.open().filter(child=child, source_type__in=list(sources))
    return {(t.source_type, t.source_id, t.kind):
            DueTask(t, task_status(t.due_on, today=today, calendar=calendar))
            for t in found if t.source_id in sources[t.source_type]}


def _plan_summary(plan, conferences, visits, tasks, today) -> PlanSummary:
    label = ChildProtectionPlan._meta.label
    return PlanSummary(
        plan=plan, today=today,
        due={kind: tasks[(label, plan.pk, kind)] for kind in PLAN_TASKS
             if (label, plan.pk, kind) in tasks},
        core_groups=list(plan.core_groups.all()),
        reviews=[c for c in conferences if c.plan_id == plan.pk],
        visits=[v for v in visits if v.plan_id == plan.pk],
    )
