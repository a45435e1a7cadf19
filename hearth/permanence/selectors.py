"""Reads for the child's Permanence tab, the permanence tracker and the adopters' list."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Subquery

from hearth.care.models import CarePeriod, CareReview
from hearth.cases.models import Allocation, StatutoryTask, TaskKind
from hearth.cases.rules import task_status
from hearth.permanence import rules
from hearth.permanence.models import (
    AdopterHousehold,
    AdoptionDecision,
    LongTermFosteringMatch,
    PermanencePanel,
    PermanencePlan,
    PreviousPermanence,
    Reunification,
    SpecialGuardianship,
)
from hearth.workingdays.selectors import current_calendar


def plan_task(period: CarePeriod | None, *, today: dt.date):
    if period is None:
        return None
    task = StatutoryTask.objects.open().filter(
        kind=TaskKind.PERMANENCE_PLAN, source_type=CarePeriod._meta.label,
        source_id=period.pk).first()
    if task is None:
        return None
    return task, task_status(task.due_on, today=today, calendar=current_calendar())


def second_review_on(period: CarePeriod) -> dt.date | None:
    review = CareReview.objects.filter(period=period, number=2).first()
    return review.held_on if review else None


def records_for(period: CarePeriod | None, *, today: dt.date) -> dict:
    if period is None:
        return {"plans": [], "panels": [], "decisions": [], "sgos": [], "matches": [],
                "reunifications": [], "previous": None, "current_plan": None,
                "by_second_review": None}
    plans = list(PermanencePlan.objects.filter(period=period).select_related("recorded_by"))
    current = next((p for p in plans if p.ended_on is None), None)
    first_agreed = min((p.agreed_on for p in plans), default=None)
    return {
        "plans": plans, "current_plan": current,
        "days_in_stage": rules.days_in_stage(stage_since=current.stage_since, today=today)
        if current else None,
        "by_second_review": rules.plan_by_second_review(
            first_agreed_on=first_agreed, second_review_on=second_review_on(period)),
        "panels": list(PermanencePanel.objects.filter(period=period)),
        "decisions": list(AdoptionDecision.objects.filter(child=period.child)
                          .select_related("household")),
        "sgos": list(SpecialGuardianship.objects.filter(period=period)),
        "matches": list(LongTermFosteringMatch.objects.filter(period=period)),
        "reunifications": list(Reunification.objects.filter(period=period)),
        "previous": PreviousPermanence.objects.filter(period=period).first(),
    }


# --- the permanence tracker --------------------------------------------------------------------

TRACKER_SORTS = {
    "name": ("child__last_name", "child__first_name", "id"),
    "days": (F("stage_since").asc(nulls_first=True), "id"),
    "started": ("started_on", "id"),
    "team": (F("team_name").asc(nulls_last=True), "child__last_name", "id"),
}


def _current(field: str):
    return Subquery(PermanencePlan.objects.filter(period=OuterRef("pk"), ended_on__isnull=True)
                    .values(field)[:1])


def tracker_periods(*, team=None, plan_type: str = "", stage: str = "",
                    sort: str = "name") -> QuerySet:
    """Every open period of care with its current plan, stage and the date the stage began,
    the first plan's agreement and the second review (one query; a page is one more)."""
    periods = (CarePeriod.objects.filter(ended_on__isnull=True).select_related("child")
               .annotate(
                   plan_type=_current("plan_type"), stage=_current("stage"),
                   stage_since=_current("stage_since"),
                   first_agreed_on=Subquery(
                       PermanencePlan.objects.filter(period=OuterRef("pk"))
                       .values("period").annotate(first=Min("agreed_on")).values("first")[:1]),
                   second_review_on=Subquery(CareReview.objects.filter(
                       period=OuterRef("pk"), number=2).values("held_on")[:1]),
                   team_name=Subquery(Allocation.objects.current().filter(
                       child=OuterRef("child")).values("team__name")[:1])))
    if team is not None:
        periods = periods.filter(Exists(Allocation.objects.current().filter(
            child=OuterRef("child"), team=team)))
    if plan_type == "none":
        periods = periods.filter(plan_type__isnull=True)
    elif plan_type:
        periods = periods.filter(plan_type=plan_type)
    if stage:
        periods = periods.filter(stage=stage)
    return periods.order_by(*TRACKER_SORTS.get(sort, TRACKER_SORTS["name"]))


@dataclass(frozen=True)
class TrackerFigures:
    in_care: int
    with_plan: int
    reached_second_review: int
    plan_by_second_review: int

    @property
    def percent(self) -> int | None:
        if not self.reached_second_review:
            return None
        return round(100 * self.plan_by_second_review / self.reached_second_review)


def tracker_figures(periods: QuerySet) -> TrackerFigures:
    """Counts over the tracker's (filtered) periods, restricted children included."""
    # Only the annotations the counts read: the team's name is a subquery per period.
    figures = periods.order_by().values(
        "pk", "plan_type", "second_review_on", "first_agreed_on").aggregate(
        in_care=Count("id"), with_plan=Count("id", filter=Q(plan_type__isnull=False)),
        reached=Count("id", filter=Q(second_review_on__isnull=False)),
        on_time=Count("id", filter=Q(second_review_on__isnull=False,
                                     first_agreed_on__lte=F("second_review_on"))))
    return TrackerFigures(figures["in_care"], figures["with_plan"], figures["reached"],
                          figures["on_time"])


# --- prospective adopters ----------------------------------------------------------------------

HOUSEHOLD_SORTS = {"enquiry": ("-enquiry_on", "-id"), "reference": ("reference",),
                   "approved": (F("approved_on").desc(nulls_last=True), "-id")}


def households(*, status: str = "", sort: str = "enquiry") -> QuerySet:
    found = AdopterHousehold.objects.prefetch_related("adopters").annotate(
        children_placed=Count("decisions", filter=Q(decisions__placed_on__isnull=False)))
    if status == "assessment":
        found = found.filter(approved_on__isnull=True, left_on__isnull=True)
    elif status == "approved":
        found = found.filter(approved_on__isnull=False, left_on__isnull=True)
    elif status == "left":
        found = found.filter(left_on__isnull=False)
    return found.order_by(*HOUSEHOLD_SORTS.get(sort, HOUSEHOLD_SORTS["enquiry"]))


def approved_households() -> QuerySet:
    return AdopterHousehold.objects.filter(approved_on__isnull=False,
                                           left_on__isnull=True).order_by("reference")
