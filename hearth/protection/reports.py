"""Reads for managers: open plans by duration, and partner agencies' attendance."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from hearth.cases.models import Allocation
from hearth.protection import rules
from hearth.protection.codes import Agency, ConferenceKind
from hearth.protection.models import ChildProtectionPlan, Conference, CoreGroup, Participant
from hearth.protection.querysets import held_by_team_on_the_day
from hearth.protection.rules import DurationBand

PLAN_SORTS = {
    "longest": ("start_date", "id"),
    "shortest": ("-start_date", "-id"),
    "name": ("child__last_name", "child__first_name", "id"),
    "-name": ("-child__last_name", "-child__first_name", "-id"),
    "team": ("team_name", "start_date", "id"),
    "-team": ("-team_name", "start_date", "id"),
}


@dataclass(frozen=True)
class PlanRow:
    plan: ChildProtectionPlan
    allocation: Allocation | None
    today: dt.date

    @property
    def days_open(self) -> int:
        return (self.today - self.plan.start_date).days

    @property
    def band(self) -> DurationBand:
        return rules.duration_band(self.plan.start_date, on=self.today)

    @property
    def due_for_progress_panel(self) -> bool:
        return rules.due_for_progress_panel(self.plan.start_date, on=self.today)

    @property
    def over_two_years(self) -> bool:
        return rules.lasting_over_two_years(self.plan.start_date, on=self.today)


def open_plans_by_duration(*, visible_children: QuerySet, today: dt.date,
                           team_id: int | None = None, band: DurationBand | None = None,
                           sort: str = "longest") -> QuerySet[ChildProtectionPlan]:
    """Open plans of children the user may see, ready for paging; `plan_rows` dresses a page."""
    plans = _open_plans(visible_children, team_id)
    if band is not None:
        plans = plans.started_between(*rules.band_start_dates(band, on=today))
    team_name = (Allocation.objects.current().filter(child=OuterRef("child_id"))
                 .values("team__name")[:1])
    current = Allocation.objects.current().select_related("team", "worker")
    return (plans.select_related("child")
            .prefetch_related(Prefetch("child__allocations", queryset=current,
                                       to_attr="current_allocations"))
            .annotate(team_name=Subquery(team_name))
            .order_by(*PLAN_SORTS.get(sort, PLAN_SORTS["longest"])))


def plan_rows(plans, *, today: dt.date) -> list[PlanRow]:
    return [PlanRow(plan=p, allocation=next(iter(p.child.current_allocations), None),
                    today=today) for p in plans]


def band_counts(*, visible_children: QuerySet, today: dt.date,
                team_id: int | None = None) -> dict[DurationBand, int]:
    """How many open plans in each band, in one query."""
    filters = {}
    for band in DurationBand:
        start_from, start_before = rules.band_start_dates(band, on=today)
        condition = Q()
        if start_from is not None:
            condition &= Q(start_date__gte=start_from)
        if start_before is not None:
            condition &= Q(start_date__lt=start_before)
        filters[band.key] = Count("id", filter=condition)
    counts = _open_plans(visible_children, team_id).order_by().aggregate(**filters)
    return {band: counts[band.key] for band in DurationBand}


def _open_plans(visible_children: QuerySet, team_id: int | None):
    plans = ChildProtectionPlan.objects.open().filter(child__in=visible_children)
    return plans.held_by_team(team_id) if team_id else plans


# ---- Partner attendance (KPIS.md H-CP-07) --------------------------------------------------------


@dataclass(frozen=True)
class AgencyAttendance:
    agency: str
    label: str
    held: int
    invited: int
    attended: int
    contributed: int

    @property
    def attended_percent(self) -> float | None:
        """Of the meetings held, the share an agency attended (H-CP-07's measure)."""
        return round(100 * self.attended / self.held, 1) if self.held else None

    @property
    def invited_attended_percent(self) -> float | None:
        return round(100 * self.attended / self.invited, 1) if self.invited else None


@dataclass(frozen=True)
class MeetingAttendance:
    title: str
    held: int
    agencies: list[AgencyAttendance]


def partner_attendance(*, start: dt.date, end: dt.date,
                       team_id: int | None = None) -> list[MeetingAttendance]:
    """For core groups, initial and review conferences held from `start` to `end` (by the
    team that held the child that day): how many each agency was invited to, attended and
    sent a report to. Counts only, no names."""
    in_range = {"held_on__gte": start, "held_on__lte": end}
    core_groups = CoreGroup.objects.filter(**in_range)
    conferences = Conference.objects.filter(**in_range)
    if team_id:
        core_groups = core_groups.filter(held_by_team_on_the_day(team_id))
        conferences = conferences.filter(held_by_team_on_the_day(team_id))
    return [
        _attendance("Core groups", core_groups, "core_group"),
        _attendance("Initial conferences", conferences.filter(kind=ConferenceKind.INITIAL),
                    "conference"),
        _attendance("Review conferences", conferences.filter(kind=ConferenceKind.REVIEW),
                    "conference"),
    ]


def _attendance(title: str, meetings: QuerySet, link: str) -> MeetingAttendance:
    held = meetings.count()
    per_agency = (Participant.objects.filter(**{f"{link}__in": meetings.values("pk")})
                  .values("agency").order_by()
                  .annotate(invited=Count(link, filter=Q(invited=True), distinct=True),
                            attended=Count(link, filter=Q(attended=True), distinct=True),
                            contributed=Count(link, filter=Q(contributed=True), distinct=True)))
    found = {row.pop("agency"): row for row in per_agency}
    none = {"invited": 0, "attended": 0, "contributed": 0}
    return MeetingAttendance(title=title, held=held, agencies=[
        AgencyAttendance(agency=code, label=label, held=held, **found.get(code, none))
        for code, label in Agency.choices])
