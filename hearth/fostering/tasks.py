"""The fostering service's own clocks (HouseholdTask): opened, moved and closed by the
services, in their transactions. The worker follows the household's supervising social
worker."""

import datetime as dt

from hearth.core import clock
from hearth.fostering.models import FosteringHousehold, HouseholdTask


def household_task_open(*, household: FosteringHousehold, kind: str, due_on: dt.date,
                        rule: str) -> HouseholdTask:
    """Opens the task, or moves the due date of the open one of the same kind."""
    task, created = HouseholdTask.objects.get_or_create(
        household=household, kind=kind, closed_at__isnull=True,
        defaults={"due_on": due_on, "rule": rule, "opened_at": clock.now(),
                  "worker_id": household.supervising_social_worker_id})
    if not created and (task.due_on, task.rule) != (due_on, rule):
        task.due_on, task.rule = due_on, rule
        task.save(update_fields=["due_on", "rule"])
    return task


def household_task_close(*, household: FosteringHousehold, kind: str, done_on: dt.date,
                         cancelled: bool = False) -> int:
    return HouseholdTask.objects.filter(household=household, kind=kind,
                                        closed_at__isnull=True).update(
        closed_at=clock.now(), closed_on=done_on, cancelled=cancelled)


def household_tasks_cancel_all(*, household: FosteringHousehold, on: dt.date) -> int:
    return HouseholdTask.objects.filter(household=household, closed_at__isnull=True).update(
        closed_at=clock.now(), closed_on=on, cancelled=True)


def household_tasks_follow_worker(*, household: FosteringHousehold) -> int:
    return HouseholdTask.objects.filter(household=household, closed_at__isnull=True).update(
        worker_id=household.supervising_social_worker_id)
