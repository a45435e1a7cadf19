"""Initial and review child protection conferences, and the plans they start and end."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import transaction

from hearth.accounts.roles import Role
from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_close, task_open
from hearth.cin.services import cin_plan_end_for_protection
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.models import LocalAuthority
from hearth.protection import rules, selectors
from hearth.protection.codes import ConferenceKind, ConferenceOutcome, PlanEndReason
from hearth.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from hearth.protection.services._common import attendance_detail, participants_replace
from hearth.protection.services.plans import end_plan
from hearth.workingdays.selectors import current_calendar


@transaction.atomic
def initial_conference_record(*, enquiry: Section47Enquiry, actor, held_on: dt.date, chair,
                              outcome: str, category: str = "", conference_format: str = "",
                              delay_reason: str = "",
                              participants: Iterable[Mapping] = ()) -> Conference:
    """Records the initial conference, which closes its task; a plan outcome starts the plan."""
    enquiry = (Section47Enquiry.objects.select_for_update().select_related("strategy_discussion")
               .get(pk=enquiry.pk))
    rules.ensure_initial_conference_can_be_held(
        held_on=held_on, strategy_discussion_on=enquiry.started_on,
        section47_completed_on=enquiry.completed_on, icpc_required=enquiry.icpc_required,
        already_held=enquiry.conferences.filter(kind=ConferenceKind.INITIAL).exists(),
        has_open_plan=selectors.open_plan_for(enquiry.child) is not None, outcome=outcome,
        category=category, today=clock.today())
    _ensure_chair(chair)
    conference = Conference.objects.create(
        referral_id=enquiry.referral_id, child=enquiry.child, kind=ConferenceKind.INITIAL,
        section47=enquiry, held_on=held_on, due_on=enquiry.icpc_due_on, chair=chair,
        conference_format=conference_format, outcome=outcome, category=category,
        delay_reason=delay_reason, recorded_by=actor, recorded_at=clock.now())
    people = participants_replace(meeting=conference, participants=participants)
    task_close(kind=TaskKind.HOLD_ICPC, source=enquiry, done_on=held_on, actor=actor)
    Auditor(actor).record("INITIAL_CONFERENCE_HELD", conference, child_id=enquiry.child_id,
                          detail={**_conference_detail(conference),
                                  "attended": attendance_detail(people)})
    if outcome == ConferenceOutcome.PLAN:
        _start_plan(conference, actor=actor)
    return conference


@transaction.atomic
def review_conference_record(*, plan: ChildProtectionPlan, actor, held_on: dt.date, chair,
                             outcome: str, category: str = "", conference_format: str = "",
                             delay_reason: str = "",
                             participants: Iterable[Mapping] = ()) -> Conference:
    """Records a review: the plan continues (next review within 6 months) or ends."""
    plan = ChildProtectionPlan.objects.select_for_update().get(pk=plan.pk)
    facts = selectors.plan_facts(plan)
    rules.ensure_review_conference_can_be_held(facts, held_on=held_on, outcome=outcome,
                                               category=category, today=clock.today())
    _ensure_chair(chair)
    conference = Conference.objects.create(
        referral_id=plan.referral_id, child_id=plan.child_id, kind=ConferenceKind.REVIEW,
        plan=plan, held_on=held_on, due_on=_review_due_on(facts), chair=chair,
        conference_format=conference_format, outcome=outcome, category=category,
        delay_reason=delay_reason, recorded_by=actor, recorded_at=clock.now())
    people = participants_replace(meeting=conference, participants=participants)
    task_close(kind=TaskKind.HOLD_REVIEW_CONFERENCE, source=plan, done_on=held_on, actor=actor)
    Auditor(actor).record("REVIEW_CONFERENCE_HELD", conference, child_id=plan.child_id,
                          detail={**_conference_detail(conference),
                                  "attended": attendance_detail(people)})
    if outcome == ConferenceOutcome.END_PLAN:
        end_plan(plan, end_date=held_on, reason=PlanEndReason.REVIEW_DECISION, actor=actor)
    else:
        _continue_plan(plan, conference, actor=actor)
    return conference


@transaction.atomic
def conference_attendance_update(*, conference: Conference, actor,
                                 participants: Iterable[Mapping]) -> Conference:
    people = participants_replace(meeting=conference, participants=participants)
    Auditor(actor).record("CONFERENCE_ATTENDANCE_UPDATED", conference,
                          child_id=conference.child_id,
                          detail={"attended": attendance_detail(people)})
    return conference


def _ensure_chair(chair) -> None:
    if chair is None or chair.role != Role.IRO or not chair.is_active:
        raise DomainError("Choose an independent reviewing officer or child protection chair",
                          field="chair")


def _conference_detail(conference: Conference) -> dict:
    return {"held_on": str(conference.held_on), "due_on": str(conference.due_on),
            "outcome": conference.outcome, "category": conference.category,
            "chair": conference.chair.username}


def _review_due_on(facts: rules.PlanFacts) -> dt.date:
    if facts.last_review_on is None:
        return rules.first_review_due_on(icpc_on=facts.start_date)
    return rules.next_review_due_on(review_on=facts.last_review_on)


def _start_plan(conference: Conference, *, actor) -> ChildProtectionPlan:
    child, start = conference.child, conference.held_on
    plan = ChildProtectionPlan.objects.create(
        referral_id=conference.referral_id, child=child, initial_conference=conference,
        start_date=start, initial_category=conference.category,
        latest_category=conference.category,
        previous_plans=ChildProtectionPlan.objects.filter(child=child,
                                                          start_date__lte=start).count(),
        recorded_by=actor, recorded_at=clock.now())
    calendar, standards = current_calendar(), LocalAuthority.standards()
    interval = standards.cp_visit_interval_working_days
    for kind, due_on, rule in (
        (TaskKind.HOLD_FIRST_CORE_GROUP,
         rules.first_core_group_due_on(icpc_on=start, calendar=calendar),
         rules.RULE_FIRST_CORE_GROUP),
        (TaskKind.HOLD_REVIEW_CONFERENCE, rules.first_review_due_on(icpc_on=start),
         rules.RULE_FIRST_REVIEW),
        (TaskKind.VISIT_CP, rules.next_cp_visit_due_on(
            last_visit_on=start, interval_working_days=interval, calendar=calendar),
         rules.cp_visit_rule(interval)),
    ):
        task_open(kind=kind, child=child, source=plan, due_on=due_on, rule=rule)
    Auditor(actor).record("CP_PLAN_STARTED", plan, child_id=child.pk,
                          detail={"start_date": str(start), "category": plan.initial_category,
                                  "previous_plans": plan.previous_plans})
    cin_plan_end_for_protection(child_id=child.pk, cp_plan_start=start, actor=actor)
    return plan


def _continue_plan(plan: ChildProtectionPlan, conference: Conference, *, actor) -> None:
    if conference.category != plan.latest_category:
        before = plan.latest_category
        plan.latest_category = conference.category
        plan.save(update_fields=["latest_category"])
        Auditor(actor).record("CP_PLAN_CATEGORY_CHANGED", plan, child_id=plan.child_id,
                              detail={"from": before, "to": plan.latest_category})
    task_open(kind=TaskKind.HOLD_REVIEW_CONFERENCE, child=plan.child, source=plan,
              due_on=rules.next_review_due_on(review_on=conference.held_on),
              rule=rules.RULE_LATER_REVIEW)
