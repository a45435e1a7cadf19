"""Reads for the child's Health and education tab and the 903 OC2 facts."""

import datetime as dt
from dataclasses import dataclass

from hearth.care.models import CarePeriod
from hearth.cases.models import StatutoryTask
from hearth.cases.rules import task_status
from hearth.health_education import rules
from hearth.health_education.codes import HealthCheckKind
from hearth.health_education.models import (
    EducationContact,
    HealthCheck,
    ImmunisationStatus,
    PersonalEducationPlan,
    SdqScore,
)
from hearth.health_education.services import KINDS
from hearth.workingdays.selectors import current_calendar


def open_tasks(period: CarePeriod | None, *, today: dt.date) -> list[tuple[StatutoryTask, str]]:
    """The period's open health and education tasks, soonest first, with their status."""
    if period is None:
        return []
    calendar = current_calendar()
    tasks = StatutoryTask.objects.open().filter(
        kind__in=KINDS, source_type=CarePeriod._meta.label, source_id=period.pk).order_by(
        "due_on", "id")
    return [(task, task_status(task.due_on, today=today, calendar=calendar)) for task in tasks]


def records_for(period: CarePeriod | None) -> dict:
    if period is None:
        return {"checks": [], "immunisations": [], "sdqs": [], "peps": [], "contacts": []}
    return {
        "checks": list(HealthCheck.objects.filter(period=period).select_related("recorded_by")),
        "immunisations": list(ImmunisationStatus.objects.filter(period=period)),
        "sdqs": list(SdqScore.objects.filter(period=period)),
        "peps": list(PersonalEducationPlan.objects.filter(period=period)),
        "contacts": list(EducationContact.objects.filter(period=period)),
    }


@dataclass(frozen=True)
class Oc2Facts:
    """The health columns of the 903 OC2 row for a year ending 31 March (1 = yes, 0 = no)."""

    year_end: dt.date
    continuously_looked_after: bool
    health_assessment: int
    teeth_check: int
    immunisations: int | None
    sdq_score: int | None
    sdq_reason: str


def oc2_facts(child, *, year_end: dt.date) -> Oc2Facts:
    """HEALTH_ASSESSMENT and TEETH_CHECK: one in the year to `year_end`; IMMUNISATIONS: the
    latest status on or before it (None when never recorded); SDQ: the latest questionnaire in
    the year. The cohort is children in care on 1 April and still on 31 March (RETURNS.md)."""
    year_start = dt.date(year_end.year - 1, 4, 1)
    in_year = {"child": child, "done_on__gte": year_start, "done_on__lte": year_end}
    continuously = CarePeriod.objects.filter(
        child=child, started_on__lte=year_start).exclude(ended_on__lte=year_end).exists()
    assessed = HealthCheck.objects.filter(
        kind__in=[HealthCheckKind.INITIAL, HealthCheckKind.REVIEW], **in_year).exists()
    teeth = HealthCheck.objects.filter(kind=HealthCheckKind.DENTAL, **in_year).exists()
    status = ImmunisationStatus.objects.filter(child=child, as_at__lte=year_end).first()
    sdq = SdqScore.objects.filter(child=child, completed_on__gte=year_start,
                                  completed_on__lte=year_end).first()
    return Oc2Facts(
        year_end=year_end, continuously_looked_after=continuously,
        health_assessment=int(assessed), teeth_check=int(teeth),
        immunisations=None if status is None else int(status.up_to_date),
        sdq_score=sdq.score if sdq else None, sdq_reason=sdq.reason if sdq else "")


def last_year_end(today: dt.date) -> dt.date:
    """The most recent 31 March on or before today."""
    year = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
    return dt.date(year, 3, 31)


def school_age(child) -> tuple[dt.date, dt.date] | None:
    if child.date_of_birth is None:
        return None
    return (rules.school_age_starts_on(child.date_of_birth),
            rules.school_age_ends_on(child.date_of_birth))
