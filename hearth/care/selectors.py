"""Reads for children in care: the child's periods with their episodes, reviews and visits;
the IRO's caseload; the placements waiting for, or under, head of service sign-off."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F, QuerySet

from hearth.accounts.roles import Role
from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.cases.models import Visit
from hearth.cases.rules import TaskStatus, task_status
from hearth.workingdays.rules import WorkingDayCalendar

TAG_COLOURS = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
               TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "blue"}
CASELOAD_SORTS = {
    "review": ("review_due_on", "child__last_name", "pk"),
    "name": ("child__last_name", "child__first_name", "pk"),
    "started": ("-started_on", "pk"),
}


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
class PeriodSummary:
    period: CarePeriod
    episodes: list[CareEpisode]
    reviews: list[CareReview]
    visits: list[Visit]
    next_review: Due | None
    next_visit: Due | None

    @property
    def current_episode(self) -> CareEpisode | None:
        return next((e for e in self.episodes if e.is_open), None)


def due(on: dt.date | None, today: dt.date, calendar: WorkingDayCalendar) -> Due | None:
    if on is None:
        return None
    return Due(on, task_status(on, today=today, calendar=calendar))


def care_period_open_for(child) -> CarePeriod | None:
    return CarePeriod.objects.filter(child=child, ended_on__isnull=True).first()


def care_period_latest_for(child) -> CarePeriod | None:
    """The open period, else the one that ended last: the period a record section shows."""
    return care_period_open_for(child) or CarePeriod.objects.filter(child=child).order_by(
        "-started_on", "-id").first()


def care_period_list_for_child(child, *, today: dt.date,
                               calendar: WorkingDayCalendar) -> list[PeriodSummary]:
    """The child's periods, the open one first, with episodes (newest first), reviews and
    visits (four queries)."""
    periods = list(CarePeriod.objects.filter(child=child)
                   .select_related("iro", "started_by", "ended_by")
                   .prefetch_related("episodes__signed_off_by", "reviews__chair"))
    visits = defaultdict(list)
    for visit in Visit.objects.filter(plan=Visit.Plan.LOOKED_AFTER,
                                      plan_id__in=[p.pk for p in periods]).select_related(
                                          "visited_by"):
        visits[visit.plan_id].append(visit)
    periods.sort(key=lambda p: (p.ended_on is not None, -p.started_on.toordinal()))
    return [PeriodSummary(p, list(p.episodes.all()), list(p.reviews.all()), visits[p.pk],
                          due(p.review_due_on, today, calendar),
                          due(p.visit_due_on, today, calendar)) for p in periods]


def care_period_summary(period: CarePeriod, *, today: dt.date,
                        calendar: WorkingDayCalendar) -> PeriodSummary:
    summaries = care_period_list_for_child(period.child, today=today, calendar=calendar)
    return next(s for s in summaries if s.period.pk == period.pk)


def iro_list() -> QuerySet:
    """Active independent reviewing officers, by name."""
    return get_user_model().objects.filter(role=Role.IRO, is_active=True).order_by(
        "last_name", "first_name")


def iro_caseload(*, iro, visible_children: QuerySet, sort: str = "review") -> QuerySet:
    """The IRO's children now looked after, with their current episode's placement."""
    return (CarePeriod.objects.filter(iro=iro, ended_on__isnull=True,
                                      child__in=visible_children)
            .select_related("child").order_by(*CASELOAD_SORTS.get(sort,
                                                                  CASELOAD_SORTS["review"])))


def current_episodes_for(periods) -> dict[int, CareEpisode]:
    """The open episode of each period, by period id (one query)."""
    return {e.period_id: e for e in CareEpisode.objects.filter(
        period__in=[p.pk for p in periods], ended_on__isnull=True)}


def placements_needing_sign_off(*, visible_children: QuerySet,
                                waiting_only: bool = False) -> QuerySet:
    """Every current placement that needs the head of service's sign-off, the ones still
    waiting first, then the longest-standing."""
    episodes = CareEpisode.objects.filter(needs_sign_off=True, ended_on__isnull=True,
                                          child__in=visible_children)
    if waiting_only:
        episodes = episodes.filter(signed_off_at__isnull=True)
    return (episodes.select_related("child", "signed_off_by")
            .order_by(F("signed_off_at").desc(nulls_first=True), "placement_started_on",
                      "pk"))
