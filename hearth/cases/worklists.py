"""Worklist reads: statutory tasks by due date, with status derived from today."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from hearth.cases.models import StatutoryTask
from hearth.cases.rules import TaskStatus, due_soon_until, status_date_range
from hearth.workingdays.rules import WorkingDayCalendar


@dataclass(frozen=True)
class WorklistFilters:
    team_id: int | None = None
    worker_id: int | None = None
    kind: str = ""
    status: str = ""


def open_tasks(*, visible_children: QuerySet, filters: WorklistFilters, today: dt.date,
               calendar: WorkingDayCalendar) -> QuerySet:
    tasks = (StatutoryTask.objects.open().filter(child__in=visible_children)
             .select_related("child", "team", "worker", "assignee"))
    if filters.team_id:
        tasks = tasks.filter(team_id=filters.team_id)
    if filters.worker_id:
        tasks = tasks.for_worker(filters.worker_id)
    if filters.kind:
        tasks = tasks.filter(kind=filters.kind)
    if filters.status:
        tasks = tasks.filter(**status_date_range(TaskStatus(filters.status), today=today,
                                                 calendar=calendar))
    return tasks.order_by("due_on", "id")


# What a worklist row shows: loading no more of the child, team and worker than this keeps a
# page of 50 rows cheap to build (a person has some forty columns).
ROW_FIELDS = ("kind", "due_on", "due_at", "child_id", "team_id", "worker_id",
              "child__uuid", "child__first_name", "child__last_name", "child__la_child_id",
              "team__name", "worker__username", "worker__first_name", "worker__last_name",
              "assignee_id", "assignee__username", "assignee__first_name", "assignee__last_name")


def rows_of(tasks: QuerySet) -> QuerySet:
    return tasks.only(*ROW_FIELDS)


def status_counts(tasks: QuerySet, *, today: dt.date, calendar: WorkingDayCalendar) -> dict:
    """How many tasks in each status, in one query."""
    soon = due_soon_until(today, calendar)
    counts = tasks.order_by().aggregate(
        overdue=Count("id", filter=Q(due_on__lt=today)),
        due_today=Count("id", filter=Q(due_on=today)),
        due_soon=Count("id", filter=Q(due_on__gt=today, due_on__lte=soon)),
        on_track=Count("id", filter=Q(due_on__gt=soon)),
    )
    return {TaskStatus(k): v for k, v in counts.items()}
