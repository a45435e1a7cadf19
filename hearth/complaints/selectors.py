"""Reads for complaints: the work list of stage responses, a complaint's record, the reminders
due, the year's report, and compliments and comments."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet

from hearth.accounts.models import Team
from hearth.accounts.roles import PERMISSIONS, Role
from hearth.cases.rules import TaskStatus, status_date_range, task_status
from hearth.complaints import querysets, rules
from hearth.complaints.models import Complaint, ComplaintStage, Feedback, LearningForm
from hearth.workingdays.rules import WorkingDayCalendar

TAG_COLOURS = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
               TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "blue"}
OPEN, RESPONDED = "open", "responded"
STATUS_CHOICES = [(OPEN, "Waiting for a response"),
                  *[(s.value, s.label) for s in TaskStatus],
                  (RESPONDED, "Responded")]
SORTS = {
    "due": ("response_due_on", "id"),
    "-due": ("-response_due_on", "-id"),
    "received": ("-complaint__received_on", "-id"),
    "reference": ("complaint_id", "stage"),
    "responded": (F("responded_on").desc(nulls_last=True), "-id"),
}
SORT_CHOICES = [("due", "Due date, earliest first"), ("-due", "Due date, latest first"),
                ("received", "Newest complaint first"), ("reference", "Reference"),
                ("responded", "Most recently responded")]


def responding_managers() -> QuerySet:
    """Staff who may answer a complaint: active users whose role may respond."""
    roles = PERMISSIONS["complaints.respond_to_complaint"][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).order_by(
        "last_name", "first_name", "username")


def service_managers() -> QuerySet:
    return get_user_model().objects.filter(is_active=True, role=Role.SERVICE_MANAGER).order_by(
        "last_name", "first_name", "username")


def receiving_officers() -> QuerySet:
    roles = PERMISSIONS["complaints.record_complaint"][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).order_by(
        "last_name", "first_name", "username")


def teams() -> QuerySet:
    return Team.objects.order_by("name")


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


def due(stage: ComplaintStage, *, today: dt.date, calendar: WorkingDayCalendar) -> Due | None:
    if not stage.is_open:
        return None
    return Due(stage.response_due_on, task_status(stage.response_due_on, today=today,
                                                  calendar=calendar))


@dataclass(frozen=True)
class WorkFilters:
    stage: int | None = None
    status: str = OPEN
    team_id: int | None = None
    manager_id: int | None = None  # responding manager or the service manager copied in
    sort: str = "due"


def _due_range(status: TaskStatus, *, today: dt.date, calendar: WorkingDayCalendar) -> dict:
    """cases.rules.status_date_range on the stage's response_due_on."""
    return {key.replace("due_on", "response_due_on", 1): value for key, value in
            status_date_range(status, today=today, calendar=calendar).items()}


def _status_filter(status: str, *, today: dt.date, calendar: WorkingDayCalendar) -> Q:
    if status == RESPONDED:
        return Q(responded_on__isnull=False)
    if status in TaskStatus.__members__.values():
        return Q(responded_on__isnull=True, **_due_range(TaskStatus(status), today=today,
                                                         calendar=calendar))
    if status == OPEN:
        return Q(responded_on__isnull=True)
    return Q()


def work_list(filters: WorkFilters, *, user, today: dt.date,
              calendar: WorkingDayCalendar) -> QuerySet[ComplaintStage]:
    """Stage responses matching the filters, among complaints the user may see."""
    stages = querysets.visible_to(ComplaintStage.objects.all(), user, path="complaint__")
    stages = stages.filter(_status_filter(filters.status, today=today, calendar=calendar))
    if filters.stage:
        stages = stages.filter(stage=filters.stage)
    if filters.team_id:
        stages = stages.filter(complaint__team_id=filters.team_id)
    if filters.manager_id:
        stages = stages.filter(Q(complaint__responding_manager_id=filters.manager_id)
                               | Q(complaint__service_manager_id=filters.manager_id))
    return (stages.select_related("complaint__team", "complaint__responding_manager",
                                  "complaint__service_manager")
            .order_by(*SORTS.get(filters.sort, SORTS["due"])))


def work_counts(*, user, manager_id: int | None, today: dt.date,
                calendar: WorkingDayCalendar) -> dict[TaskStatus, int]:
    """How many responses are overdue, due today, due soon and on track (one query)."""
    stages = querysets.visible_to(ComplaintStage.objects.filter(responded_on__isnull=True),
                                  user, path="complaint__")
    if manager_id:
        stages = stages.filter(Q(complaint__responding_manager_id=manager_id)
                               | Q(complaint__service_manager_id=manager_id))
    counts = stages.aggregate(**{
        s.value: Count("id", filter=Q(**_due_range(s, today=today, calendar=calendar)))
        for s in TaskStatus})
    return {s: counts[s.value] for s in TaskStatus}


def complaints_for_child(child, *, user) -> list[Complaint]:
    """The complaints naming the child (less any that also name a child hidden from the user),
    newest first, each with its stages (two queries)."""
    return list(querysets.visible_to(Complaint.objects.filter(children=child), user)
                .select_related("team", "responding_manager").prefetch_related("stages")
                .order_by("-received_on", "-id"))


def feedback_for_child(child, *, user) -> list[Feedback]:
    return list(querysets.visible_to(Feedback.objects.filter(children=child), user)
                .select_related("team").order_by("-received_on", "-id"))


def current_stage(complaint: Complaint) -> ComplaintStage:
    return list(complaint.stages.all())[-1]


# ---- Reminders -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderDue:
    stage: ComplaintStage
    point: int
    recipients: tuple


def reminders_due(*, today: dt.date, calendar: WorkingDayCalendar) -> list[ReminderDue]:
    """Each unanswered stage whose reminder point has come, with the people to remind: the
    responding manager and the service manager copied in (active staff only)."""
    earliest_due = today - dt.timedelta(days=7 * 5)  # 10 WD after: never more than 5 weeks
    stages = (ComplaintStage.objects.filter(responded_on__isnull=True,
                                            response_due_on__gte=earliest_due)
              .select_related("complaint__responding_manager", "complaint__service_manager")
              .order_by("response_due_on", "id"))
    due_now = []
    for stage in stages:
        point = rules.reminder_point_due(due_on=stage.response_due_on, today=today,
                                         calendar=calendar)
        if point is None:
            continue
        people = [stage.complaint.responding_manager, stage.complaint.service_manager]
        recipients = tuple({p.pk: p for p in people if p is not None and p.is_active}.values())
        due_now.append(ReminderDue(stage, point, recipients))
    return due_now


# ---- The report ----------------------------------------------------------------------------


def stage_facts(*, year: int) -> list[rules.StageFacts]:
    """Every stage that can count in the financial year: started or answered in it."""
    first, last = rules.quarters_of_year(year)[0].start, rules.quarters_of_year(year)[3].end
    stages = (ComplaintStage.objects.filter(Q(requested_on__range=(first, last))
                                            | Q(responded_on__range=(first, last)))
              .select_related("complaint"))
    return [rules.StageFacts(stage=s.stage, requested_on=s.requested_on,
                             standard_due_on=s.standard_due_on, due_on=s.response_due_on,
                             responded_on=s.responded_on, outcome=s.outcome,
                             themes=tuple(s.complaint.themes)) for s in stages]


def year_figures(*, year: int) -> rules.YearFigures:
    return rules.year_figures(stage_facts(year=year), year=year)


def learning_list(*, year: int, user) -> QuerySet[LearningForm]:
    """The learning forms of responses given in the year, newest first, among complaints the
    user may see."""
    first, last = rules.quarters_of_year(year)[0].start, rules.quarters_of_year(year)[3].end
    forms = querysets.visible_to(LearningForm.objects.filter(
        stage__responded_on__range=(first, last)), user, path="stage__complaint__")
    return forms.select_related("stage__complaint__team", "completed_by").order_by(
        "-stage__responded_on", "-id")


def late_reasons(*, year: int, user) -> QuerySet[ComplaintStage]:
    """Late responses given in the year with the manager's reason, for quality checking."""
    first, last = rules.quarters_of_year(year)[0].start, rules.quarters_of_year(year)[3].end
    stages = querysets.visible_to(ComplaintStage.objects.filter(
        responded_on__range=(first, last), responded_on__gt=F("response_due_on"))
        .exclude(outcome="withdrawn"), user, path="complaint__")
    return stages.select_related("complaint__team", "responded_by",
                                 "reason_checked_by").order_by(
        "-responded_on", "-id")


# ---- Compliments and comments --------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackFilters:
    kind: str = ""
    team_id: int | None = None


def feedback_list(filters: FeedbackFilters, *, user) -> QuerySet[Feedback]:
    feedback = querysets.visible_to(Feedback.objects.all(), user)
    if filters.kind:
        feedback = feedback.filter(kind=filters.kind)
    if filters.team_id:
        feedback = feedback.filter(team_id=filters.team_id)
    return feedback.select_related("team", "recorded_by").order_by("-received_on", "-id")
