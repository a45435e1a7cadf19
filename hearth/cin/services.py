"""Every write to a child in need plan: checked, saved, audited and its clocks kept, in one
transaction.

Starting a plan opens two tasks: REVIEW_CIN_PLAN (the authority's review interval in weeks) and
VISIT_CIN (its visit interval in working days). A review or a visit closes its task and opens
the next one from that date; ending the plan closes both.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max

from hearth.cases.models import TaskKind, Visit
from hearth.cases.services import visit_record
from hearth.cases.tasks import task_close, task_open, tasks_close_all_for
from hearth.cin import rules
from hearth.cin.models import CinPlan, CinPlanReview
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.models import LocalAuthority
from hearth.frontdoor.models import Referral
from hearth.protection.models import ChildProtectionPlan
from hearth.workingdays.selectors import current_calendar

ALREADY_OPEN = "The child already has a child in need plan: end it before starting another"


@transaction.atomic
def cin_plan_start(*, referral: Referral, started_on: dt.date, actor=None,
                   system_job: str = "") -> CinPlan:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    open_plan = CinPlan.objects.filter(child_id=referral.child_id, ended_on__isnull=True).first()
    rules.ensure_plan_can_start(
        referral_date=referral.referral_date, referral_closed_on=referral.closed_on,
        no_further_action=referral.no_further_action, started_on=started_on,
        today=clock.today(), open_plan_started_on=getattr(open_plan, "started_on", None),
        open_cp_plan_started_on=_open_cp_plan_started_on(referral.child_id))
    plan = CinPlan(referral=referral, child=referral.child, started_on=started_on,
                   started_by=actor or _system_user(), recorded_at=clock.now())
    _set_review_due(plan, last_reviewed_on=started_on)
    _set_visit_due(plan, last_visited_on=started_on)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # another plan was started for the child at the same moment
        raise DomainError(ALREADY_OPEN) from None
    _open_review_clock(plan)
    _open_visit_clock(plan)
    Auditor(actor, system_job=system_job).record(
        "CIN_PLAN_STARTED", plan, child_id=plan.child_id,
        detail={"referral": referral.pk, "started_on": str(started_on),
                "review_due_on": str(plan.review_due_on), "visit_due_on": str(plan.visit_due_on)})
    return plan


@transaction.atomic
def cin_plan_review(*, plan: CinPlan, reviewed_on: dt.date, note: str = "", actor=None,
                    system_job: str = "") -> CinPlanReview:
    plan = _locked(plan)
    rules.ensure_plan_open(ended_on=plan.ended_on, what="a review")
    rules.ensure_plan_event_fits(on=reviewed_on, plan_started_on=plan.started_on,
                                 today=clock.today(), field="reviewed_on", what="review")
    latest = plan.reviews.aggregate(latest=Max("reviewed_on"))["latest"]
    review = CinPlanReview.objects.create(plan=plan, reviewed_on=reviewed_on, note=note,
                                          recorded_by=actor or _system_user(),
                                          recorded_at=clock.now())
    if latest is None or reviewed_on >= latest:  # a review entered late does not move the clock
        task_close(kind=TaskKind.REVIEW_CIN_PLAN, source=plan, done_on=reviewed_on, actor=actor)
        _set_review_due(plan, last_reviewed_on=reviewed_on)
        plan.save(update_fields=["review_due_on", "review_rule"])
        _open_review_clock(plan)
    Auditor(actor, system_job=system_job).record(
        "CIN_PLAN_REVIEWED", review, child_id=plan.child_id,
        detail={"plan": plan.pk, "reviewed_on": str(reviewed_on),
                "review_due_on": str(plan.review_due_on)})
    return review


@transaction.atomic
def cin_plan_visit(*, plan: CinPlan, visited_on: dt.date, child_seen: bool, seen_alone: bool,
                   bedroom_seen: bool = False, note: str = "", actor=None,
                   system_job: str = "") -> Visit:
    """Records a visit under the plan. Only a visit where the child was seen restarts the
    visit clock: a statutory visit is to see the child."""
    plan = _locked(plan)
    rules.ensure_plan_open(ended_on=plan.ended_on, what="a visit")
    rules.ensure_plan_event_fits(on=visited_on, plan_started_on=plan.started_on,
                                 today=clock.today(), field="visited_on", what="visit")
    last_seen = _visits(plan).filter(child_seen=True).aggregate(
        latest=Max("visited_on"))["latest"]
    visit = visit_record(child=plan.child, plan=Visit.Plan.CHILD_IN_NEED, plan_id=plan.pk,
                         visited_on=visited_on, child_seen=child_seen, seen_alone=seen_alone,
                         bedroom_seen=bedroom_seen, note=note, actor=actor,
                         system_job=system_job)
    if child_seen and (last_seen is None or visited_on >= last_seen):
        task_close(kind=TaskKind.VISIT_CIN, source=plan, done_on=visited_on, actor=actor)
        _set_visit_due(plan, last_visited_on=visited_on)
        plan.save(update_fields=["visit_due_on", "visit_rule"])
        _open_visit_clock(plan)
    return visit


@transaction.atomic
def cin_plan_end(*, plan: CinPlan, ended_on: dt.date, end_reason: str = "", actor=None,
                 system_job: str = "") -> CinPlan:
    """Ends the plan and closes its open review and visit tasks."""
    plan = _locked(plan)
    if plan.ended_on is not None:
        raise DomainError(f"This plan already ended on {rules.day(plan.ended_on)}")
    rules.ensure_plan_can_end(started_on=plan.started_on, ended_on=ended_on,
                              today=clock.today(), last_activity_on=_last_activity_on(plan))
    plan.ended_on, plan.end_reason = ended_on, end_reason
    plan.ended_by = actor or _system_user()
    plan.review_due_on = plan.visit_due_on = None
    plan.save(update_fields=["ended_on", "end_reason", "ended_by", "review_due_on",
                             "visit_due_on"])
    tasks_close_all_for(source=plan, done_on=ended_on, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "CIN_PLAN_ENDED", plan, child_id=plan.child_id,
        detail={"ended_on": str(ended_on), "reason": end_reason})
    return plan


def cin_plan_end_for_protection(*, child_id: int, cp_plan_start: dt.date, actor=None,
                                system_job: str = "") -> CinPlan | None:
    """A child protection plan takes the place of a child in need plan (the CIN census's rule
    4003): the protection services call this when a plan starts, and the open CIN plan, if
    any, ends that day."""
    plan = CinPlan.objects.filter(child_id=child_id, ended_on__isnull=True).first()
    if plan is None:
        return None
    last_activity_on = _last_activity_on(plan)
    if last_activity_on is not None and last_activity_on > cp_plan_start:
        raise DomainError(
            "The child's child in need plan has a review or visit on "
            f"{rules.day(last_activity_on)}, after the protection plan would start on "
            f"{rules.day(cp_plan_start)}: a child cannot be on both plans at once. Check the "
            "dates, or end the child in need plan first.")
    return cin_plan_end(plan=plan, ended_on=max(cp_plan_start, plan.started_on),
                        end_reason=CP_PLAN_STARTED, actor=actor, system_job=system_job)


CP_PLAN_STARTED = "A child protection plan started"


def _open_cp_plan_started_on(child_id: int) -> dt.date | None:
    return (ChildProtectionPlan.objects.filter(child_id=child_id, end_date__isnull=True)
            .values_list("start_date", flat=True).first())


def _set_review_due(plan: CinPlan, *, last_reviewed_on: dt.date) -> None:
    weeks = LocalAuthority.standards().cin_review_interval_weeks
    plan.review_due_on = rules.cin_review_due_on(last_reviewed_on=last_reviewed_on,
                                                 interval_weeks=weeks,
                                                 calendar=current_calendar())
    plan.review_rule = rules.review_rule(weeks)


def _set_visit_due(plan: CinPlan, *, last_visited_on: dt.date) -> None:
    working_days = LocalAuthority.standards().cin_visit_interval_working_days
    plan.visit_due_on = rules.cin_visit_due_on(last_visited_on=last_visited_on,
                                               interval_working_days=working_days,
                                               calendar=current_calendar())
    plan.visit_rule = rules.visit_rule(working_days)


def _open_review_clock(plan: CinPlan) -> None:
    task_open(kind=TaskKind.REVIEW_CIN_PLAN, child=plan.child, source=plan,
              due_on=plan.review_due_on, rule=plan.review_rule)


def _open_visit_clock(plan: CinPlan) -> None:
    task_open(kind=TaskKind.VISIT_CIN, child=plan.child, source=plan, due_on=plan.visit_due_on,
              rule=plan.visit_rule)


def _visits(plan: CinPlan):
    return Visit.objects.filter(plan=Visit.Plan.CHILD_IN_NEED, plan_id=plan.pk)


def _last_activity_on(plan: CinPlan) -> dt.date | None:
    dates = [plan.reviews.aggregate(latest=Max("reviewed_on"))["latest"],
             _visits(plan).aggregate(latest=Max("visited_on"))["latest"]]
    return max((d for d in dates if d is not None), default=None)


def _locked(plan: CinPlan) -> CinPlan:
    return CinPlan.objects.select_for_update(of=("self",)).select_related("child").get(
        pk=plan.pk)


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()
