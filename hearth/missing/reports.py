"""Reads for the missing children report: episodes that started in a period, by the team that
held the child that day, with the return home interview figures (KPIS.md H-MX-01 to H-MX-04).
Figures come from the records; the sums and percentages are the pure rules'."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Min, OuterRef, Q, QuerySet, Subquery

from hearth.accounts.models import Team
from hearth.cases.models import Allocation
from hearth.missing import rules
from hearth.missing.models import MissingEpisode, ReturnInterviewOffer
from hearth.workingdays.rules import add_months

DEFAULT_MONTHS = 3

EPISODE_SORTS = {
    "newest": ("-started_at", "-id"),
    "oldest": ("started_at", "id"),
    "name": ("child__last_name", "child__first_name", "started_at", "id"),
}


@dataclass(frozen=True)
class ReportFilters:
    start: dt.date
    end: dt.date
    team_id: int | None = None
    kind: str = ""


def report_filters(*, today: dt.date, start: dt.date | None = None, end: dt.date | None = None,
                   team_id: int | None = None, kind: str = "") -> ReportFilters:
    """The period asked for; by default the last three months to today."""
    return ReportFilters(start=start or add_months(today, -DEFAULT_MONTHS), end=end or today,
                         team_id=team_id, kind=kind)


@dataclass(frozen=True)
class TeamRow:
    team_name: str
    figures: rules.Figures


def team_on_the_day() -> Subquery:
    """The team holding the child on the day the episode started (allocations end the day
    before their end_date, as everywhere in Hearth)."""
    held = Allocation.objects.filter(
        child=OuterRef("child"), start_date__lte=OuterRef("started_on")).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("started_on")))
    return Subquery(held.order_by("-start_date", "-id").values("team_id")[:1])


def episodes_in_period(filters: ReportFilters) -> QuerySet[MissingEpisode]:
    episodes = (MissingEpisode.objects
                .filter(started_on__gte=filters.start, started_on__lte=filters.end)
                .annotate(team_id=team_on_the_day()))
    if filters.kind:
        episodes = episodes.filter(kind=filters.kind)
    if filters.team_id:
        episodes = episodes.filter(team_id=filters.team_id)
    return episodes


def team_figures(filters: ReportFilters) -> tuple[list[TeamRow], rules.Figures]:
    """One row per team, by name ("Not allocated" last), and the total: two queries."""
    first_offer = (ReturnInterviewOffer.objects.filter(episode=OuterRef("pk"))
                   .order_by().values("episode").annotate(first=Min("offered_at"))
                   .values("first"))
    facts = [rules.EpisodeFacts(**row) for row in episodes_in_period(filters).annotate(
        first_offer_at=Subquery(first_offer), outcome=F("interview__outcome"),
        held_at=F("interview__held_at"), due_at=F("interview_due_at"),
    ).values("child_id", "team_id", "due_at", "first_offer_at", "outcome", "held_at")]
    by_team, total = rules.figures_by_team(facts)
    names = dict(Team.objects.filter(pk__in=[f.team_id for f in by_team if f.team_id])
                 .values_list("pk", "name"))
    rows = [TeamRow(names.get(f.team_id, "Not allocated"), f) for f in by_team]
    rows.sort(key=lambda r: (r.figures.team_id is None, r.team_name))
    return rows, total


def episode_list(filters: ReportFilters, *, visible_children: QuerySet,
                 sort: str = "newest") -> QuerySet[MissingEpisode]:
    """The episodes behind the figures, of children the user may see, ready for paging."""
    team_name = Team.objects.filter(pk=OuterRef("team_id")).values("name")[:1]
    return (episodes_in_period(filters).filter(child__in=visible_children)
            .annotate(team_name=Subquery(team_name))
            .select_related("child", "interview")
            .order_by(*EPISODE_SORTS.get(sort, EPISODE_SORTS["newest"])))
