"""Reads for legal cases, each in a fixed number of queries: the child's cases with everything
recorded on them, the prompts to update legal status, the PLO tracker, the concluded
proceedings figures and the CIN census 2026/27 pre-proceedings module."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)

from hearth.care.models import CareEpisode
from hearth.cases.models import Allocation
from hearth.court import rules
from hearth.court.codes import FinalOrderKind, InterimOrderKind, Stage
from hearth.court.models import LegalCase, LegalCaseChild, LegalGatewayPanel
from hearth.people.models import Person

CHILDREN = Prefetch("memberships", queryset=LegalCaseChild.objects.select_related("child"))


@dataclass(frozen=True)
class Clock:
    name: str
    started_on: dt.date
    due_on: dt.date
    weeks_elapsed: int
    weeks_allowed: int
    status: rules.ClockStatus


def clock_for(legal_case: LegalCase, *, today: dt.date) -> Clock | None:
    """The clock running on an open case: 26 weeks (or as extended) in proceedings, the local
    timescale in pre-proceedings; none once it ended or while waiting to issue."""
    if legal_case.stage == Stage.PROCEEDINGS:
        start, due, name = legal_case.issued_on, legal_case.proceedings_due_on, "Proceedings"
    elif legal_case.stage == Stage.PRE_PROCEEDINGS:
        start, due, name = legal_case.pp_started_on, legal_case.pp_due_on, "Pre-proceedings"
    else:
        return None
    return Clock(name, start, due, rules.weeks_elapsed(start, today), (due - start).days // 7,
                 rules.clock_status(due, today=today))


def children_of(legal_case: LegalCase) -> list[Person]:
    return [m.child for m in legal_case.memberships.all()]


@dataclass(frozen=True)
class CaseSummary:
    legal_case: LegalCase
    children: list[Person]
    clock: Clock | None
    prompts: list[tuple[Person, rules.LegalStatusPrompt]]


def _latest_order(legal_case: LegalCase) -> tuple[str, str, dt.date] | None:
    if legal_case.final_order:
        return (legal_case.final_order, FinalOrderKind(legal_case.final_order).label,
                legal_case.final_order_on)
    orders = list(legal_case.interim_orders.all())
    if not orders:
        return None
    last = orders[-1]
    return last.kind, InterimOrderKind(last.kind).label, last.made_on


def _prompts(legal_case: LegalCase, children: list[Person],
             statuses: dict[int, str]) -> list[tuple[Person, rules.LegalStatusPrompt]]:
    latest = _latest_order(legal_case)
    if latest is None:
        return []
    kind, label, made_on = latest
    prompts = []
    for child in children:
        prompt = rules.legal_status_prompt(order_kind=kind, order_label=label, made_on=made_on,
                                           current_status=statuses.get(child.pk))
        if prompt is not None:
            prompts.append((child, prompt))
    return prompts


def current_legal_statuses(children_ids) -> dict[int, str]:
    """Each looked-after child's legal status now, from their open care episode (one query;
    read-only: this app never writes care records)."""
    return dict(CareEpisode.objects.filter(child_id__in=children_ids, ended_on__isnull=True,
                                           period__ended_on__isnull=True)
                .values_list("child_id", "legal_status"))


def cases_for_child(child, *, today: dt.date) -> list[CaseSummary]:
    """The child's cases, open ones first, with their children, panels, meetings, hearings,
    orders and extensions (eight queries, however many cases)."""
    cases = list(LegalCase.objects.filter(memberships__child=child)
                 .prefetch_related(CHILDREN, "meetings", "hearings", "interim_orders",
                                   "extensions",
                                   Prefetch("panels", queryset=LegalGatewayPanel.objects
                                            .select_related("chair"))))
    cases.sort(key=lambda c: (not c.is_open, -c.opened_on.toordinal(), -c.pk))
    members = {c.pk: children_of(c) for c in cases}
    statuses = current_legal_statuses({p.pk for kids in members.values() for p in kids})
    return [CaseSummary(c, members[c.pk], clock_for(c, today=today),
                        _prompts(c, members[c.pk], statuses)) for c in cases]


def panels_for_child(child) -> list[LegalGatewayPanel]:
    """Every panel that considered the child, newest first (two queries)."""
    return list(LegalGatewayPanel.objects.filter(children=child).select_related("chair")
                .prefetch_related("children"))


def siblings_of(child, *, visible: QuerySet) -> QuerySet:
    """The child's current brothers, sisters and half-siblings the user may see."""
    return (visible.filter(is_child=True, relationships__other=child,
                           relationships__kind__in=["sibling_of", "half_sibling_of"],
                           relationships__end_date__isnull=True)
            .distinct().order_by("last_name", "first_name"))


# The PLO tracker -----------------------------------------------------------------------------

TRACKER_SORTS = {
    "due": ("clock_due_on", "id"),
    "weeks": ("started", "id"),
    "hearing": ("next_hearing_on", "id"),
    "opened": ("-opened_on", "-id"),
}
RUNNING = [Stage.PRE_PROCEEDINGS, Stage.PROCEEDINGS]


def _lead_team_name():
    return Subquery(Allocation.objects.current().filter(child=OuterRef("lead_child"))
                    .values("team__name")[:1])


def tracker_cases(*, today: dt.date, stage: str = "", team=None, over_only: bool = False,
                  sort: str = "due") -> QuerySet:
    """Every open pre-proceedings and proceedings case, read in the order of its running
    clock's due date (`clock_due_on`, indexed with the stage), so filtering by "over" and the
    first page stay cheap however many cases there are. Children come in one more query per
    page."""
    cases = (LegalCase.objects.filter(stage__in=RUNNING)
             .annotate(started=Case(When(stage=Stage.PROCEEDINGS, then=F("issued_on")),
                                    default=F("pp_started_on")),
                       team_name=_lead_team_name())
             .prefetch_related(CHILDREN))
    if stage in RUNNING:
        cases = cases.filter(stage=stage)
    if team is not None:
        cases = cases.filter(Exists(Allocation.objects.current().filter(
            child_id=OuterRef("memberships__child"), team=team)))
    if over_only:
        cases = cases.filter(clock_due_on__lt=today)
    return cases.distinct().order_by(*TRACKER_SORTS.get(sort, TRACKER_SORTS["due"]))


@dataclass(frozen=True)
class TrackerCounts:
    pre_proceedings: int
    proceedings: int
    over: int


def tracker_counts(*, today: dt.date) -> TrackerCounts:
    """Sibling groups in each stage and over their timescale (one query)."""
    figures = LegalCase.objects.aggregate(
        pre=Count("id", filter=Q(stage=Stage.PRE_PROCEEDINGS)),
        proceedings=Count("id", filter=Q(stage=Stage.PROCEEDINGS)),
        over=Count("id", filter=Q(stage__in=RUNNING, clock_due_on__lt=today)))
    return TrackerCounts(figures["pre"], figures["proceedings"], figures["over"])


def concluded_figures(*, start: dt.date, end: dt.date) -> rules.ConcludedFigures:
    """H-PM-02 and H-PM-03 for proceedings whose final order was made in the period (one
    query)."""
    spans = LegalCase.objects.filter(final_order_on__range=(start, end)).values_list(
        "issued_on", "final_order_on")
    return rules.concluded_figures(list(spans))


# CIN census 2026/27 --------------------------------------------------------------------------

def census_pre_proceedings(child, *, year: int) -> list[dict]:
    """The child's `PreProceedingsandFGDM` blocks for the census year starting 1 April `year`:
    one for each pre-proceedings started in the year (rule 9005), oldest first (two queries)."""
    start, end = rules.census_year_bounds(year)
    cases = (LegalCase.objects.filter(memberships__child=child,
                                      pp_started_on__range=(start, end))
             .prefetch_related("meetings").order_by("pp_started_on", "id"))
    return [rules.census_module(rules.PreProceedingsFacts(
        started_on=c.pp_started_on, letter_sent_on=c.letter_sent_on,
        fgdm_offered=c.fgdm_offered,
        meetings=tuple((m.kind, m.held_on) for m in c.meetings.all()),
        outcome=c.pp_outcome, outcome_on=c.pp_outcome_on,
        issued_on=c.issued_on if c.pp_outcome == "issue" else None,
        parents_letter_on=c.parents_letter_on if c.pp_outcome == "issue" else None,
        applied_on=c.applied_on if c.pp_outcome == "issue" else None))
        for c in cases]
