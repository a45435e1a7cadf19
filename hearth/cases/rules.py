"""Pure rules for the case spine: a task's status from its due date and today."""

import datetime as dt
from enum import StrEnum

from hearth.workingdays.rules import WorkingDayCalendar

DUE_SOON_WORKING_DAYS = 2


class TaskStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    ON_TRACK = "on_track"

    @property
    def label(self) -> str:
        return {
            "overdue": "Overdue",
            "due_today": "Due today",
            "due_soon": f"Due within {DUE_SOON_WORKING_DAYS} working days",
            "on_track": "On track",
        }[self.value]


def due_soon_until(today: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    """The last date counted as "due soon": 2 working days after today."""
    return calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)


def task_status(due_on: dt.date, *, today: dt.date, calendar: WorkingDayCalendar) -> TaskStatus:
    if due_on < today:
        return TaskStatus.OVERDUE
    if due_on == today:
        return TaskStatus.DUE_TODAY
    if due_on <= due_soon_until(today, calendar):
        return TaskStatus.DUE_SOON
    return TaskStatus.ON_TRACK


def status_date_range(status: TaskStatus, *, today: dt.date,
                      calendar: WorkingDayCalendar) -> dict:
    """The due_on filter that selects tasks of `status` (for an indexed query)."""
    soon = due_soon_until(today, calendar)
    return {
        TaskStatus.OVERDUE: {"due_on__lt": today},
        TaskStatus.DUE_TODAY: {"due_on": today},
        TaskStatus.DUE_SOON: {"due_on__gt": today, "due_on__lte": soon},
        TaskStatus.ON_TRACK: {"due_on__gt": soon},
    }[status]
