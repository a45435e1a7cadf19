"""Transfers between teams, so delays at transfer points (an Ofsted priority) are measurable."""

import datetime as dt
import statistics
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from hearth.cases.models import Allocation


@dataclass(frozen=True)
class Transfer:
    allocation: Allocation
    from_team: str
    days_in_previous_team: int
    days_until_worker: int | None  # None: still no worker
    still_waiting: bool


def _previous(field: str) -> Subquery:
    earlier = (Allocation.objects.filter(child=OuterRef("child"),
                                         start_date__lte=OuterRef("start_date"))
               .exclude(pk=OuterRef("pk")).order_by("-start_date", "-id"))
    return Subquery(earlier.values(field)[:1])


def _first_worker_on() -> Subquery:
    later = (Allocation.objects.filter(child=OuterRef("child"), team=OuterRef("team"),
                                       start_date__gte=OuterRef("start_date"),
                                       worker__isnull=False).order_by("start_date", "id"))
    return Subquery(later.values("start_date")[:1])


def transfers_between(*, start: dt.date, end: dt.date, visible_children: QuerySet,
                      team_id: int | None = None) -> QuerySet:
    """Allocations in the period that moved a child from one team to another."""
    rows = (Allocation.objects.filter(start_date__range=(start, end),
                                      child__in=visible_children)
            .annotate(previous_team_id=_previous("team_id"),
                      previous_team_name=_previous("team__name"),
                      previous_start=_previous("start_date"),
                      worker_from=_first_worker_on())
            .filter(previous_team_id__isnull=False).exclude(previous_team_id=F("team_id"))
            .select_related("child", "team", "worker"))
    if team_id:
        rows = rows.filter(Q(team_id=team_id) | Q(previous_team_id=team_id))
    return rows.order_by("-start_date", "-id")


def describe(allocation: Allocation, *, today: dt.date) -> Transfer:
    worker_from = allocation.worker_from
    return Transfer(
        allocation=allocation,
        from_team=allocation.previous_team_name,
        days_in_previous_team=(allocation.start_date - allocation.previous_start).days,
        days_until_worker=(worker_from - allocation.start_date).days if worker_from else None,
        still_waiting=worker_from is None,
    )


def median_days_until_worker(transfers: list[Transfer], *, today: dt.date) -> float | None:
    waits = [t.days_until_worker if not t.still_waiting
             else (today - t.allocation.start_date).days for t in transfers]
    return statistics.median(waits) if waits else None
