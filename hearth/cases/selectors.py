"""Reads for allocation, caseloads and the chronology."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from hearth.accounts.models import Team, User
from hearth.cases.models import Allocation


def current_allocation(child) -> Allocation | None:
    return (Allocation.objects.current().filter(child=child)
            .select_related("team", "worker").first())


TEAM_CASELOAD_SORTS = {
    "name": ("child__last_name", "child__first_name", "child_id"),
    "-name": ("-child__last_name", "-child__first_name", "-child_id"),
    "dob": ("child__date_of_birth", "child_id"),
    "-dob": ("-child__date_of_birth", "-child_id"),
    "worker": ("worker__last_name", "worker__first_name", "child__last_name", "child_id"),
    "-worker": ("-worker__last_name", "-worker__first_name", "child__last_name", "child_id"),
    "since": ("start_date", "child_id"),
    "-since": ("-start_date", "-child_id"),
}


def team_caseload(*, team: Team, visible_children: QuerySet, worker_id: int | None = None,
                  unallocated_only: bool = False, sort: str = "name") -> QuerySet:
    """The children a team holds now, one row per allocation, ready for paging."""
    rows = (Allocation.objects.current().for_team(team)
            .filter(child__in=visible_children)
            .select_related("child", "worker"))
    if worker_id:
        rows = rows.filter(worker_id=worker_id)
    if unallocated_only:
        rows = rows.filter(worker__isnull=True)
    return rows.order_by(*TEAM_CASELOAD_SORTS.get(sort, TEAM_CASELOAD_SORTS["name"]))


@dataclass(frozen=True)
class WorkerCaseload:
    worker: User
    children: int


@dataclass(frozen=True)
class TeamFigures:
    team: Team
    children: int
    unallocated: int
    workers: int

    @property
    def average_caseload(self) -> float | None:
        if not self.workers:
            return None
        return round((self.children - self.unallocated) / self.workers, 1)


CASE_HOLDING_ROLES = ("social_worker", "senior_practitioner")


def team_figures_list() -> list[TeamFigures]:
    """Caseload counts per team: aggregates only, safe for analysts (no names)."""
    teams = Team.objects.filter(holds_cases=True).annotate(
        children=Count("allocations", filter=Q(allocations__end_date__isnull=True)),
        unallocated=Count("allocations", filter=Q(allocations__end_date__isnull=True,
                                                  allocations__worker__isnull=True)),
    ).order_by("name")
    workers = dict(
        User.objects.filter(is_active=True, role__in=CASE_HOLDING_ROLES)
        .values_list("team_id").annotate(n=Count("id")).values_list("team_id", "n"))
    return [TeamFigures(team=t, children=t.children, unallocated=t.unallocated,
                        workers=workers.get(t.pk, 0)) for t in teams]


def worker_caseloads(*, team: Team) -> list[WorkerCaseload]:
    workers = (User.objects.filter(team=team, is_active=True, role__in=CASE_HOLDING_ROLES)
               .annotate(children=Count("allocations",
                                        filter=Q(allocations__end_date__isnull=True)))
               .order_by("last_name", "first_name"))
    return [WorkerCaseload(worker=w, children=w.children) for w in workers]


def my_caseload(*, user) -> QuerySet:
    """The children allocated to `user` that they may see, for their home page."""
    from hearth.people.models import Person

    return (Allocation.objects.current().filter(worker=user,
                                                child__in=Person.objects.visible_to(user))
            .select_related("child").order_by("child__last_name", "child__first_name", "id"))
