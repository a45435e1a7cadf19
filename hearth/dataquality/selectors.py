"""Reads for the data-quality pages: the worklist per team (issues of the children the team
holds now, through hearth.cases allocations), a child's issues, the runs, and the issues on a
worker's My work. Which issues a user may see is `visible_issues`."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from hearth.accounts.models import Team
from hearth.cases.models import Allocation
from hearth.dataquality.models import DataQualityIssue, DataQualityRun
from hearth.people.models import Person

SORTS = {
    "newest": ("-first_seen", "rule_code", "id"),
    "oldest": ("first_seen", "rule_code", "id"),
    "rule": ("rule_code", "la_child_id", "id"),
    "child": ("child__last_name", "child__first_name", "la_child_id", "rule_code", "id"),
    "child_id": ("la_child_id", "rule_code", "id"),
    "kind": ("kind", "rule_code", "id"),
}
SORT_CHOICES = [("newest", "Newest found first"), ("oldest", "Oldest found first"),
                ("rule", "Rule"), ("child", "Child's surname"), ("child_id", "Child ID"),
                ("kind", "Errors before queries")]
STATUS_CHOICES = [("open", "Open"), ("resolved", "Resolved"), ("all", "All")]


def sees_every_team(user) -> bool:
    return user.has_perm("dataquality.view_all_issues")


def shows_names(user) -> bool:
    return user.has_perm("people.view_child")


def _current():
    return Allocation.objects.filter(child=OuterRef("child"), end_date__isnull=True)


def visible_issues(user) -> QuerySet[DataQualityIssue]:
    """Workers: their own team's children they may see. Every team's (and the whole return's)
    for those who see all; without people.view_child (analysts), no restricted child's."""
    issues = DataQualityIssue.objects.all()
    if shows_names(user):
        child_visible = Q(child__in=Person.objects.visible_to(user))
    else:
        child_visible = Q(child__is_restricted=False)
    if sees_every_team(user):
        return issues.filter(child_visible | Q(child__isnull=True))
    if not user.has_perm("dataquality.view_team_issues") or not user.team_id:
        return issues.none()
    return issues.filter(child_visible).filter(Exists(_current().filter(team_id=user.team_id)))


@dataclass(frozen=True)
class IssueFilters:
    team_id: int | None = None
    check_code: str = ""
    rule_code: str = ""
    kind: str = ""
    status: str = "open"
    la_child_id: str = ""
    sort: str = "newest"


def issue_list(filters: IssueFilters, *, user) -> QuerySet[DataQualityIssue]:
    issues = visible_issues(user)
    if filters.team_id:
        issues = issues.filter(Exists(_current().filter(team_id=filters.team_id)))
    if filters.check_code:
        issues = issues.filter(check_code=filters.check_code)
    if filters.rule_code:
        issues = issues.filter(rule_code__iexact=filters.rule_code)
    if filters.kind:
        issues = issues.filter(kind=filters.kind)
    if filters.status == "open":
        issues = issues.filter(resolved_at__isnull=True)
    elif filters.status == "resolved":
        issues = issues.filter(resolved_at__isnull=False)
    if filters.la_child_id:
        issues = issues.filter(la_child_id=filters.la_child_id)
    current = _current()
    return (issues.select_related("child")
            .annotate(team_name=Subquery(current.values("team__name")[:1]),
                      worker_first=Subquery(current.values("worker__first_name")[:1]),
                      worker_last=Subquery(current.values("worker__last_name")[:1]),
                      explained=Count("explanations"))
            .order_by(*SORTS.get(filters.sort, SORTS["newest"])))


def issues_for_child(child: Person) -> list[DataQualityIssue]:
    """Every issue about the child, open ones first (the record section)."""
    return list(DataQualityIssue.objects.filter(child=child)
                .prefetch_related("explanations__explained_by")
                .order_by(F("resolved_at").desc(nulls_first=True), "-first_seen", "rule_code"))


def open_issues_for_worker(user) -> QuerySet[DataQualityIssue]:
    """Open issues of the children allocated to `user` now (their My work)."""
    mine = Allocation.objects.filter(child=OuterRef("child"), end_date__isnull=True,
                                     worker=user)
    return (visible_issues(user).filter(resolved_at__isnull=True).filter(Exists(mine))
            .select_related("child").order_by("first_seen", "rule_code", "id"))


def rule_codes() -> list[str]:
    return list(DataQualityIssue.objects.order_by("rule_code").values_list(
        "rule_code", flat=True).distinct())


def teams() -> QuerySet[Team]:
    return Team.objects.filter(holds_cases=True).order_by("name")


def runs() -> QuerySet[DataQualityRun]:
    return DataQualityRun.objects.select_related("started_by").order_by("-started_at", "-id")


def last_runs(limit: int = 5) -> list[DataQualityRun]:
    return list(runs()[:limit])
