"""Reads for case file audits: the lists (audits, programmes, actions), an audit with its
questions, a child's audits, the owner's actions for My work, the report and the deep-dive
schedule."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, Q, QuerySet

from hearth.accounts.models import Team
from hearth.accounts.roles import PERMISSIONS
from hearth.audits import rules
from hearth.audits.access import visible_audits
from hearth.audits.codes import ActionStatus, AuditStatus, Grade
from hearth.audits.models import (
    AuditAction,
    AuditAnswer,
    AuditProgramme,
    AuditToolVersion,
    CaseAudit,
    DeepDive,
    ToolSection,
)
from hearth.cases.rules import TaskStatus, due_soon_until, task_status
from hearth.workingdays.rules import WorkingDayCalendar

TAG_COLOURS = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
               TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "blue"}
GRADE_COLOURS = {Grade.OUTSTANDING: "green", Grade.GOOD: "turquoise",
                 Grade.REQUIRES_IMPROVEMENT: "yellow", Grade.INADEQUATE: "red"}


def _people_with(permission: str) -> QuerySet:
    roles = PERMISSIONS[permission][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).order_by(
        "last_name", "first_name", "username")


def action_owners() -> QuerySet:
    return _people_with("audits.complete_own_action")


def deep_dive_leads() -> QuerySet:
    return _people_with("audits.view_audit_reports").exclude(role="performance_analyst")


def teams() -> QuerySet:
    return Team.objects.filter(holds_cases=True).order_by("name")


def tool_versions() -> QuerySet:
    return AuditToolVersion.objects.select_related("tool").order_by("tool__name", "-number")


def current_tool_version() -> AuditToolVersion | None:
    return tool_versions().order_by("-created_at", "-pk").first()


def sections_of(version: AuditToolVersion) -> list[ToolSection]:
    return list(version.sections.prefetch_related("questions").order_by("order"))


# ---- Programmes ----------------------------------------------------------------------------


PROGRAMME_SORTS = {"starts": ("-starts_on", "-id"), "title": ("title", "id"),
                   "kind": ("kind", "-starts_on", "id")}
PROGRAMME_SORT_CHOICES = [("starts", "Newest first"), ("title", "Title"), ("kind", "Kind")]


def programme_list(*, kind: str = "", status: str = "", sort: str = "starts") -> QuerySet:
    programmes = AuditProgramme.objects.all()
    if kind:
        programmes = programmes.filter(kind=kind)
    if status:
        programmes = programmes.filter(status=status)
    return (programmes.select_related("tool_version__tool").prefetch_related("teams")
            .annotate(audit_count=Count("audits", distinct=True))
            .order_by(*PROGRAMME_SORTS.get(sort, PROGRAMME_SORTS["starts"])))


def open_programmes() -> QuerySet:
    return AuditProgramme.objects.exclude(status="complete").order_by("-starts_on", "title")


# ---- Audits --------------------------------------------------------------------------------


AUDIT_SORTS = {"date": ("-audited_on", "-id"), "-date": ("audited_on", "id"),
               "child": ("child__last_name", "child__first_name", "id"),
               "team": ("team__name", "-audited_on", "id")}
AUDIT_SORT_CHOICES = [("date", "Newest audit first"), ("-date", "Oldest audit first"),
                      ("child", "Child's surname"), ("team", "Team")]


@dataclass(frozen=True)
class AuditFilters:
    programme_id: int | None = None
    team_id: int | None = None
    status: str = ""
    grade: str = ""
    auditor_id: int | None = None
    sort: str = "date"


def audit_list(filters: AuditFilters, *, user) -> QuerySet[CaseAudit]:
    audits = visible_audits(user)
    if filters.programme_id:
        audits = audits.filter(programme_id=filters.programme_id)
    if filters.team_id:
        audits = audits.filter(team_id=filters.team_id)
    if filters.status:
        audits = audits.filter(status=filters.status)
    if filters.grade:
        audits = audits.filter(overall_grade=filters.grade)
    if filters.auditor_id:
        audits = audits.filter(auditor_id=filters.auditor_id)
    return (audits.select_related("programme", "child", "team", "worker", "auditor")
            .annotate(open_actions=Count("actions", filter=Q(actions__status="open")))
            .order_by(*AUDIT_SORTS.get(filters.sort, AUDIT_SORTS["date"])))


def audits_for_child(child, *, user) -> list[CaseAudit]:
    return list(visible_audits(user).filter(child=child)
                .select_related("programme", "team", "worker", "auditor")
                .annotate(open_actions=Count("actions", filter=Q(actions__status="open")))
                .order_by("-audited_on", "-id"))


@dataclass(frozen=True)
class SectionAnswers:
    section: ToolSection
    answers: list[AuditAnswer]


def answers_by_section(audit: CaseAudit) -> list[SectionAnswers]:
    answers = list(audit.answers.select_related("question__section"))
    found: dict[int, SectionAnswers] = {}
    for answer in answers:
        section = answer.question.section
        found.setdefault(section.pk, SectionAnswers(section, [])).answers.append(answer)
    return sorted(found.values(), key=lambda s: s.section.order)


def actions_of(audit: CaseAudit) -> list[AuditAction]:
    return list(audit.actions.select_related("owner", "finished_by").order_by("due_on", "id"))


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


def due(action: AuditAction, *, today: dt.date, calendar: WorkingDayCalendar) -> Due | None:
    if not action.is_open:
        return None
    return Due(action.due_on, task_status(action.due_on, today=today, calendar=calendar))


# ---- Actions -------------------------------------------------------------------------------


OPEN, OVERDUE, DONE, CANCELLED = "open", "overdue", "done", "cancelled"
ACTION_STATUS_CHOICES = [(OPEN, "Open"), (OVERDUE, "Overdue"), (DONE, "Done"),
                         (CANCELLED, "Cancelled")]
ACTION_SORTS = {"due": ("due_on", "id"), "-due": ("-due_on", "-id"),
                "owner": ("owner__last_name", "owner__first_name", "due_on", "id")}
ACTION_SORT_CHOICES = [("due", "Due date, earliest first"), ("-due", "Due date, latest first"),
                       ("owner", "Owner")]


@dataclass(frozen=True)
class ActionFilters:
    status: str = OPEN
    owner_id: int | None = None
    team_id: int | None = None
    sort: str = "due"


def action_list(filters: ActionFilters, *, user, today: dt.date) -> QuerySet[AuditAction]:
    actions = AuditAction.objects.filter(audit__in=visible_audits(user))
    if filters.status == OVERDUE:
        actions = actions.filter(status=ActionStatus.OPEN, due_on__lt=today)
    elif filters.status:
        actions = actions.filter(status=filters.status)
    if filters.owner_id:
        actions = actions.filter(owner_id=filters.owner_id)
    if filters.team_id:
        actions = actions.filter(audit__team_id=filters.team_id)
    return (actions.select_related("audit__child", "audit__team", "owner")
            .order_by(*ACTION_SORTS.get(filters.sort, ACTION_SORTS["due"])))


def actions_for_my_work(user, *, today: dt.date,
                        calendar: WorkingDayCalendar) -> QuerySet[AuditAction]:
    """The user's open actions that are overdue or due soon, among audits they may see."""
    return (AuditAction.objects.filter(owner=user, status=ActionStatus.OPEN,
                                       due_on__lte=due_soon_until(today, calendar),
                                       audit__in=visible_audits(user))
            .select_related("audit").order_by("due_on", "id"))


# ---- The report ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFilters:
    programme_id: int | None = None
    team_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _completed(filters: ReportFilters) -> QuerySet[CaseAudit]:
    audits = CaseAudit.objects.exclude(status=AuditStatus.DRAFT)
    if filters.programme_id:
        audits = audits.filter(programme_id=filters.programme_id)
    if filters.team_id:
        audits = audits.filter(team_id=filters.team_id)
    if filters.date_from:
        audits = audits.filter(audited_on__gte=filters.date_from)
    if filters.date_to:
        audits = audits.filter(audited_on__lte=filters.date_to)
    return audits


@dataclass
class Report:
    audits: int
    overall: rules.Distribution
    by_programme: dict[str, rules.Distribution]
    by_team: dict[str, rules.Distribution]
    by_section: dict[str, rules.Distribution]
    themes: list[rules.Theme]
    actions: rules.ActionFigures
    took_part: dict[str, int]


def report(filters: ReportFilters, *, today: dt.date) -> Report:
    """Completed and closed audits only: a draft's grades may still change. Figures only (no
    child is named), so it reads no child's record."""
    audits = _completed(filters)
    rows = list(audits.values_list("programme__title", "team__name", "overall_grade",
                                   "worker_took_part", "manager_took_part")
                .order_by("programme__starts_on", "programme__title", "team__name"))
    answers = (AuditAnswer.objects.filter(audit__in=audits).exclude(grade="")
               .values_list("question__section__title", "grade")
               .order_by("question__section__order", "question__section__title"))
    actions = AuditAction.objects.filter(audit__in=audits).values_list("status", "due_on",
                                                                       "done_on")
    return Report(
        audits=len(rows),
        overall=rules.distributions(("all", r[2]) for r in rows).get("all",
                                                                     rules.Distribution()),
        by_programme=rules.distributions((r[0], r[2]) for r in rows),
        by_team=rules.distributions((r[1] or "No team", r[2]) for r in rows),
        by_section=rules.distributions(answers),
        themes=rules.themes(answers),
        actions=rules.action_figures((rules.ActionFacts(*a) for a in actions), today=today),
        took_part={"worker": sum(1 for r in rows if r[3]),
                   "manager": sum(1 for r in rows if r[4])})


# ---- Deep dives ----------------------------------------------------------------------------


def services_to_cover() -> list[tuple[str, str]]:
    """The services that hold children's cases (those with case-holding teams)."""
    held = set(Team.objects.filter(holds_cases=True).values_list("service", flat=True))
    return [(code, label) for code, label in Team.Service.choices if code in held]


def deep_dive_schedule(*, today: dt.date) -> list[rules.ServiceDue]:
    last = dict(DeepDive.objects.values("service").annotate(last=Max("held_on"))
                .values_list("service", "last"))
    return rules.deep_dive_schedule(services_to_cover(), last, today=today)


def deep_dive_list() -> QuerySet[DeepDive]:
    return DeepDive.objects.select_related("lead").order_by(F("held_on").desc(), "-id")
