"""Reads for child in need plans: the child's plans with reviews, visits and what is due."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max, QuerySet

from hearth.cases.models import Visit
from hearth.cases.rules import TaskStatus, task_status
from hearth.cin import rules
from hearth.cin.models import CinPlan, CinPlanReview
from hearth.frontdoor.models import Referral
from hearth.workingdays.rules import WorkingDayCalendar

TAG_COLOURS = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
               TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "blue"}


@dataclass(frozen=True)
class Due:
    on: dt.date
    status: TaskStatus

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.status]

    @property
    def status_code(self) -> dict:
        return {"code": self.status.value, "label": self.label}


@dataclass(frozen=True)
class PlanSummary:
    plan: CinPlan
    reviews: list[CinPlanReview]
    visits: list[Visit]
    next_review: Due | None
    next_visit: Due | None


def cin_plan_open_for(child) -> CinPlan | None:
    """The child's open child in need plan, if any (at most one)."""
    return CinPlan.objects.filter(child=child, ended_on__isnull=True).first()


def episode_closure_problem(referral: Referral, closed_on: dt.date) -> str | None:
    """Registered with the front door: an episode closes only once its plans have ended."""
    plans = CinPlan.objects.filter(referral=referral)
    open_plan = plans.filter(ended_on__isnull=True).first()
    return rules.episode_closure_problem(
        closed_on=closed_on, open_plan_started_on=getattr(open_plan, "started_on", None),
        last_ended_on=plans.aggregate(last=Max("ended_on"))["last"])


def cin_plan_list_for_child(child, *, today: dt.date,
                            calendar: WorkingDayCalendar) -> list[PlanSummary]:
    """The child's plans, the open one first, with reviews and visits (four queries)."""
    plans = list(CinPlan.objects.filter(child=child).select_related("referral", "started_by",
                                                                    "ended_by")
                 .prefetch_related("reviews__recorded_by"))
    visits = defaultdict(list)
    for visit in Visit.objects.filter(plan=Visit.Plan.CHILD_IN_NEED,
                                      plan_id__in=[p.pk for p in plans]).select_related(
                                          "visited_by"):
        visits[visit.plan_id].append(visit)
    plans.sort(key=lambda p: (p.ended_on is not None, -p.started_on.toordinal()))
    return [PlanSummary(plan, list(plan.reviews.all()), visits[plan.pk],
                        _due(plan.review_due_on, today, calendar),
                        _due(plan.visit_due_on, today, calendar)) for plan in plans]


def referrals_open_for_plan(child) -> QuerySet[Referral]:
    return child.referrals.filter(closed_on__isnull=True, no_further_action=False)


def _due(on: dt.date | None, today: dt.date, calendar: WorkingDayCalendar) -> Due | None:
    if on is None:
        return None
    return Due(on, task_status(on, today=today, calendar=calendar))
