"""Reads for assessments: the child's list with each one's status, and what other apps ask."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, QuerySet

from hearth.assessments import rules
from hearth.assessments.models import Assessment
from hearth.cases.rules import TaskStatus, task_status
from hearth.frontdoor.models import Referral
from hearth.workingdays.rules import WorkingDayCalendar

AUTHORISED_IN_TIME = "authorised_in_time"
AUTHORISED_LATE = "authorised_late"
STATUS_LABELS = {AUTHORISED_IN_TIME: "Authorised in time", AUTHORISED_LATE: "Authorised late"}
TAG_COLOURS = {
    TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange", TaskStatus.DUE_SOON: "yellow",
    TaskStatus.ON_TRACK: "blue", AUTHORISED_IN_TIME: "green", AUTHORISED_LATE: "red",
}


@dataclass(frozen=True)
class AssessmentRow:
    assessment: Assessment
    status: str

    @property
    def status_label(self) -> str:
        if self.status in STATUS_LABELS:
            return STATUS_LABELS[self.status]
        return TaskStatus(self.status).label

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.status]


def referral_has_assessment(referral: Referral) -> bool:
    """Whether the episode has an assessment (any, in progress or authorised). The front door
    needs one before closing with RC8 or RC9 (CIN census rule 8825Q)."""
    return Assessment.objects.filter(referral=referral).exists()


def assessment_in_progress_for(referral: Referral) -> Assessment | None:
    """The referral's assessment not yet authorised, if any (at most one)."""
    return Assessment.objects.filter(referral=referral, authorised_on__isnull=True).first()


def episode_closure_problem(referral: Referral, closed_on: dt.date) -> str | None:
    """Registered with the front door: an episode closes only once its assessments are done."""
    in_progress = assessment_in_progress_for(referral)
    last_authorised = Assessment.objects.filter(referral=referral).aggregate(
        last=Max("authorised_on"))["last"]
    return rules.episode_closure_problem(
        closed_on=closed_on, in_progress_started_on=getattr(in_progress, "started_on", None),
        last_authorised_on=last_authorised)


def assessment_status(assessment: Assessment, *, today: dt.date,
                      calendar: WorkingDayCalendar) -> str:
    if assessment.authorised_on is not None:
        return AUTHORISED_LATE if assessment.was_late else AUTHORISED_IN_TIME
    return task_status(assessment.due_on, today=today, calendar=calendar).value


def assessment_list_for_child(child, *, today: dt.date,
                              calendar: WorkingDayCalendar) -> list[AssessmentRow]:
    """The child's assessments, newest first, each with its status today (two queries)."""
    assessments = (Assessment.objects.filter(child=child)
                   .select_related("referral", "authorised_by", "recorded_by")
                   .prefetch_related("contributions"))
    return [AssessmentRow(a, assessment_status(a, today=today, calendar=calendar))
            for a in assessments]


def referrals_open_for_assessment(child) -> QuerySet[Referral]:
    """The child's referrals that may take a new assessment: open and not ended in NFA."""
    return child.referrals.filter(closed_on__isnull=True, no_further_action=False)
