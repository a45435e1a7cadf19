"""Reads: meetings and their minutes, the Progress Tracker with each action's age and next
chase, and the improvement plan with each action's RAG and the board's progress report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from hearth.governance import figures, rules
from hearth.governance.codes import RAG_TAG_COLOURS, ActionStatus, Rag, TrackerStatus
from hearth.governance.models import (
    Committee,
    ImprovementAction,
    ImprovementPlan,
    Measure,
    Meeting,
    Minute,
    Priority,
    SelfEvaluation,
    TrackerAction,
)

OPEN, OVERDUE, TO_CHASE, CLOSED, ALL = "open", "overdue", "chase", "closed", "all"


def committees():
    return Committee.objects.all()


def meeting_list(*, committee_id: int | None = None, year: int | None = None,
                 sort: str = "newest"):
    rows = Meeting.objects.select_related("committee")
    if committee_id:
        rows = rows.filter(committee_id=committee_id)
    if year:
        start = dt.date(year, rules.MUNICIPAL_YEAR_STARTS_MONTH, 1)
        rows = rows.filter(held_on__gte=start, held_on__lt=start.replace(year=year + 1))
    return rows.order_by("held_on", "id") if sort == "oldest" else rows.order_by("-held_on",
                                                                                 "-id")


def minutes_of(meeting: Meeting):
    return (Minute.objects.filter(meeting=meeting).select_related("agenda_item")
            .prefetch_related("resolutions__tracker_action__owner"))


def owners():
    """Staff who can own an action: active accounts whose role sees governance work."""
    from hearth.accounts.roles import PERMISSIONS

    roles = [role.value for role in PERMISSIONS["governance.view_governance"][0]]
    return (get_user_model().objects.filter(is_active=True, role__in=roles)
            .order_by("last_name", "first_name"))


@dataclass
class TrackerFilters:
    committee_id: int | None = None
    owner_id: int | None = None
    status: str = OPEN
    sort: str = "due"


@dataclass
class TrackerRow:
    action: TrackerAction
    reference: str
    meeting: Meeting
    days_open: int
    age: str
    overdue: bool
    chase_on: dt.date | None
    needs_chasing: bool


def tracker_actions(filters: TrackerFilters, *, today: dt.date, calendar=None):
    """The actions the filters choose. 'To chase' depends on the working-day calendar, so it
    is worked out on the open, overdue rows (a list, not a queryset)."""
    rows = TrackerAction.objects.select_related("owner", "resolution__minute__meeting__committee")
    if filters.committee_id:
        rows = rows.filter(resolution__minute__committee_id=filters.committee_id)
    if filters.owner_id:
        rows = rows.filter(owner_id=filters.owner_id)
    if filters.status == OPEN:
        rows = rows.exclude(status=TrackerStatus.CLOSED)
    elif filters.status in (OVERDUE, TO_CHASE):
        rows = rows.exclude(status=TrackerStatus.CLOSED).filter(due_on__lt=today)
    elif filters.status == CLOSED:
        rows = rows.filter(status=TrackerStatus.CLOSED)
    order = {"due": ["due_on", "id"],
             "oldest": ["resolution__minute__meeting__held_on", "id"],
             "newest": ["-resolution__minute__meeting__held_on", "-id"]}
    rows = rows.order_by(*order.get(filters.sort, order["due"]))
    if filters.status == TO_CHASE:
        return [a for a in rows if rules.needs_chasing(
            status=a.status, due_on=a.due_on, last_chased_on=a.last_chased_on, today=today,
            calendar=calendar)]
    return rows


def tracker_row(action: TrackerAction, *, today: dt.date, calendar) -> TrackerRow:
    minute = action.resolution.minute
    days = rules.days_open(raised_on=minute.meeting.held_on, closed_on=action.closed_on,
                           today=today)
    chase_on = (rules.next_chase_on(due_on=action.due_on, last_chased_on=action.last_chased_on,
                                    calendar=calendar) if action.is_open else None)
    return TrackerRow(
        action, rules.tracker_reference(minute.number, action.resolution.number),
        minute.meeting, days, rules.age_text(days),
        rules.is_overdue(status=action.status, due_on=action.due_on, today=today), chase_on,
        chase_on is not None and today >= chase_on)


def tracker_counts(*, today: dt.date) -> dict[str, int]:
    rows = TrackerAction.objects.exclude(status=TrackerStatus.CLOSED)
    return {"open": rows.count(), "overdue": rows.filter(due_on__lt=today).count()}


def overdue_for(user, *, today: dt.date):
    return (TrackerAction.objects.exclude(status=TrackerStatus.CLOSED)
            .filter(owner=user, due_on__lt=today)
            .select_related("resolution__minute__meeting__committee").order_by("due_on"))


# The improvement plan ----------------------------------------------------------------------

def plans():
    return ImprovementPlan.objects.all()


def current_plan(today: dt.date) -> ImprovementPlan | None:
    return (ImprovementPlan.objects.filter(starts_on__lte=today).order_by("-starts_on").first()
            or ImprovementPlan.objects.order_by("starts_on").first())


@dataclass
class ActionFilters:
    priority_id: int | None = None
    status: str = ""
    rag: str = ""
    owner_id: int | None = None
    sort: str = "due"


@dataclass
class ActionRow:
    action: ImprovementAction
    rag: str

    @property
    def rag_label(self) -> str:
        return Rag(self.rag).label

    @property
    def tag(self) -> str:
        return RAG_TAG_COLOURS[Rag(self.rag)]


def action_rows(plan: ImprovementPlan, filters: ActionFilters, *, today: dt.date,
                calendar) -> list[ActionRow]:
    """The RAG is worked out, not stored, so the filter on it runs on the rows."""
    rows = ImprovementAction.objects.filter(priority__plan=plan).select_related("priority",
                                                                                "owner")
    if filters.priority_id:
        rows = rows.filter(priority_id=filters.priority_id)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.owner_id:
        rows = rows.filter(owner_id=filters.owner_id)
    order = {"due": ["due_on", "id"], "priority": ["priority__number", "due_on", "id"],
             "updated": ["-updated_on", "id"]}
    result = [ActionRow(a, rules.rag(status=a.status, due_on=a.due_on, today=today,
                                     calendar=calendar))
              for a in rows.order_by(*order.get(filters.sort, order["due"]))]
    if filters.rag:
        result = [row for row in result if row.rag == filters.rag]
    return result


@dataclass
class MeasureRow:
    measure: Measure
    steps: list[tuple[dt.date, str]]
    target_now: str
    figure: figures.Figure | None


def measure_rows(priority: Priority, *, today: dt.date) -> list[MeasureRow]:
    result = []
    for measure in priority.measures.prefetch_related("steps"):
        code = measure.indicator_code
        steps = [(s.by_date, figures.shown_target(code, s.value)) for s in measure.steps.all()]
        now = rules.target_on(steps, today)
        result.append(MeasureRow(
            measure, steps, f"{now[1]} by {rules.day(now[0])}" if now else "",
            figures.latest_figure(code, today) if code else None))
    return result


@dataclass
class PriorityLine:
    priority: Priority
    counts: Counter
    total: int


@dataclass
class ProgressReport:
    plan: ImprovementPlan
    today: dt.date
    lines: list[PriorityLine] = field(default_factory=list)
    totals: Counter = field(default_factory=Counter)
    overdue: list[ActionRow] = field(default_factory=list)
    measures: list[tuple[Priority, list[MeasureRow]]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.totals.values())


def progress_report(plan: ImprovementPlan, *, today: dt.date, calendar) -> ProgressReport:
    """For the improvement board: actions by RAG for each priority and in all, the overdue
    actions (past their due date and not complete), and each measure beside its target."""
    report = ProgressReport(plan, today)
    rows = action_rows(plan, ActionFilters(sort="priority"), today=today, calendar=calendar)
    by_priority: dict[int, Counter] = {}
    for row in rows:
        by_priority.setdefault(row.action.priority_id, Counter())[row.rag] += 1
        report.totals[row.rag] += 1
        if row.action.status != ActionStatus.COMPLETE and row.action.due_on < today:
            report.overdue.append(row)
    report.overdue.sort(key=lambda row: (row.action.due_on, row.action.pk))
    for priority in plan.priorities.prefetch_related(Prefetch("measures")):
        counts = by_priority.get(priority.pk, Counter())
        report.lines.append(PriorityLine(priority, counts, sum(counts.values())))
        measures = measure_rows(priority, today=today)
        if measures:
            report.measures.append((priority, measures))
    return report


def self_evaluations():
    return SelfEvaluation.objects.select_related("started_by")
