"""Opening and closing statutory tasks: called by the domain apps' services, in their
transactions, whenever a fact that starts or stops a clock is recorded."""

import datetime as dt

from django.db import models

from hearth.cases.models import Allocation, StatutoryTask
from hearth.core import clock


def _source(record: models.Model) -> dict:
    return {"source_type": record._meta.label, "source_id": record.pk}


def task_open(*, kind: str, child, source: models.Model, due_on: dt.date, rule: str,
              due_at: dt.datetime | None = None, assignee=None) -> StatutoryTask:
    """Opens the task, or moves the due date of the open one for the same source.

    `assignee` names the person the task is for when it is not the child's allocated worker
    (the care leaver's personal adviser, the manager a challenge is addressed to)."""
    allocation = Allocation.objects.current().filter(child=child).first()
    assignee_id = getattr(assignee, "pk", None)
    task, created = StatutoryTask.objects.get_or_create(
        kind=kind, closed_at__isnull=True, **_source(source),
        defaults={"child": child, "due_on": due_on, "due_at": due_at, "rule": rule,
                  "opened_at": clock.now(), "team_id": getattr(allocation, "team_id", None),
                  "worker_id": getattr(allocation, "worker_id", None),
                  "assignee_id": assignee_id})
    wanted = (due_on, due_at, rule, assignee_id)
    if not created and (task.due_on, task.due_at, task.rule, task.assignee_id) != wanted:
        task.due_on, task.due_at, task.rule, task.assignee_id = wanted
        task.save(update_fields=["due_on", "due_at", "rule", "assignee"])
    return task


def tasks_assign(*, source: models.Model, assignee) -> int:
    """Gives every open task a record started to `assignee` (None: back to the child's
    allocated worker), for example when a care leaver's personal adviser changes."""
    return StatutoryTask.objects.open().filter(**_source(source)).update(
        assignee_id=getattr(assignee, "pk", None))


def task_close(*, kind: str, source: models.Model, done_on: dt.date, actor=None) -> int:
    """Closes the open task of `kind` for `source`; how many were closed (0 or 1)."""
    return StatutoryTask.objects.open().filter(kind=kind, **_source(source)).update(
        closed_at=clock.now(), closed_on=done_on, closed_by=actor)


def tasks_close_all_for(*, source: models.Model, done_on: dt.date, actor=None,
                        cancelled: bool = True) -> int:
    """Closes every open task a record started, as no longer needed (for example when a plan
    ends): a cancelled task counts neither as done in time nor as late."""
    return StatutoryTask.objects.open().filter(**_source(source)).update(
        closed_at=clock.now(), closed_on=done_on, closed_by=actor, cancelled=cancelled)


def tasks_follow_allocation(*, child, team_id: int | None, worker_id: int | None) -> int:
    """A transfer moves the child's open tasks to the new team and worker."""
    return StatutoryTask.objects.open().filter(child=child).update(team_id=team_id,
                                                                   worker_id=worker_id)
