"""Pure rules for case file audits: who may audit a case, when an audit is complete, when its
loop may be closed, action due dates on the working-day calendar, the grade summaries and
themes of the report, and the deep-dive schedule. No database: the services and selectors pass
in plain values."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from hearth.audits.codes import WEAK_GRADES, ActionStatus, Grade
from hearth.cases.rules import due_soon_until
from hearth.core.errors import DomainError
from hearth.workingdays.rules import WorkingDayCalendar, add_months

# A local default (the seeds give none): the worker and manager have four working weeks to act
# on an audit's findings. The auditor may choose another date.
DEFAULT_ACTION_WORKING_DAYS = 20
# Actions may be set at most this many months ahead: an audit action is not a long-term plan.
LONGEST_ACTION_MONTHS = 6
# Every service has a deep dive at least once in 12 months (seeds/001 line 804).
DEEP_DIVE_MONTHS = 12
# A deep dive is "due soon" in the last quarter before it is due.
DEEP_DIVE_NOTICE_MONTHS = 3
MIN_REASON = 10
GRADE_ORDER = tuple(Grade)


def day(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


# ---- Starting and completing an audit ------------------------------------------------------


def ensure_can_start(*, audited_on: dt.date, today: dt.date, starts_on: dt.date,
                     auditor_id: int, worker_id: int | None, programme_open: bool) -> None:
    if audited_on > today:
        raise DomainError("The date of the audit cannot be in the future", field="audited_on")
    if audited_on < starts_on:
        raise DomainError(f"The programme starts on {day(starts_on)}: the audit cannot be "
                          "before it", field="audited_on")
    if not programme_open:
        raise DomainError("This programme is complete: reopen it to add audits",
                          field="programme")
    if worker_id is not None and worker_id == auditor_id:
        raise DomainError("You are this child's allocated worker: someone independent of the "
                          "case should audit it", field="child")


def missing_grades(grades: dict[int, str]) -> list[int]:
    """The question ids in `grades` with no grade yet."""
    return [qid for qid, grade in grades.items() if grade not in Grade.values]


def ensure_can_complete(*, grades: dict[int, str], overall_grade: str, findings: str) -> None:
    """An audit is complete when every question and the whole case are graded and the auditor
    has said what they found."""
    if missing_grades(grades):
        raise DomainError(f"Grade every question: {len(missing_grades(grades))} still to grade")
    if overall_grade not in Grade.values:
        raise DomainError("Choose the overall grade", field="overall_grade")
    if not findings.strip():
        raise DomainError("Summarise what the audit found", field="findings")


# ---- Actions and closing the loop ----------------------------------------------------------


def default_action_due_on(audited_on: dt.date, calendar: WorkingDayCalendar) -> dt.date:
    return calendar.add_working_days(audited_on, DEFAULT_ACTION_WORKING_DAYS)


def ensure_action_due(*, due_on: dt.date, audited_on: dt.date,
                      calendar: WorkingDayCalendar) -> None:
    """After the audit, within six months of it, on a working day. (An action set late may be
    due already: it is then overdue at once, which is the truth.)"""
    if due_on <= audited_on:
        raise DomainError(f"The due date must be after the audit ({day(audited_on)})",
                          field="due_on")
    if due_on > add_months(audited_on, LONGEST_ACTION_MONTHS):
        raise DomainError(f"An audit action is due within {LONGEST_ACTION_MONTHS} months of "
                          "the audit", field="due_on")
    if not calendar.is_working_day(due_on):
        raise DomainError(f"{day(due_on)} is not a working day: choose "
                          f"{day(calendar.working_day_on_or_after(due_on))} or another "
                          "working day", field="due_on")


def ensure_can_finish_action(*, status: str, done_on: dt.date, audited_on: dt.date,
                             today: dt.date, evidence: str) -> None:
    if status != ActionStatus.OPEN:
        raise DomainError("This action is already finished")
    if done_on > today:
        raise DomainError("The date it was done cannot be in the future", field="done_on")
    if done_on < audited_on:
        raise DomainError(f"The action cannot be done before the audit ({day(audited_on)})",
                          field="done_on")
    if len(evidence.strip()) < MIN_REASON:
        raise DomainError("Say what was done and where the evidence is (a case note, the "
                          "updated plan)", field="evidence")


def ensure_can_cancel_action(*, status: str, reason: str) -> None:
    if status != ActionStatus.OPEN:
        raise DomainError("This action is already finished")
    if len(reason.strip()) < MIN_REASON:
        raise DomainError("Give the reason the action is no longer needed", field="reason")


def open_actions(statuses: Iterable[str]) -> int:
    return sum(1 for s in statuses if s == ActionStatus.OPEN)


def ensure_date_between(value: dt.date, *, first: dt.date, today: dt.date, what: str,
                        field: str) -> None:
    if value > today:
        raise DomainError(f"The date {what} cannot be in the future", field=field)
    if value < first:
        raise DomainError(f"The date {what} cannot be before {day(first)}", field=field)


def ensure_can_close(*, audit_status: str, action_statuses: Iterable[str]) -> None:
    """Closing the loop: a completed audit whose actions are all done or cancelled."""
    if audit_status == "closed":
        raise DomainError("This audit's loop is already closed")
    if audit_status != "completed":
        raise DomainError("Complete the audit (every question graded) before closing it")
    still_open = open_actions(action_statuses)
    if still_open:
        raise DomainError(f"{still_open} action{'s' if still_open > 1 else ''} still open: "
                          "each must be done or cancelled before the loop is closed")


def action_on_my_work(*, due_on: dt.date, today: dt.date, calendar: WorkingDayCalendar) -> bool:
    """Open actions reach the owner's My work once overdue or due soon (cases' due-soon)."""
    return due_on <= due_soon_until(today, calendar)


# ---- The report ----------------------------------------------------------------------------


@dataclass
class Distribution:
    """How many of each grade, with each as a share of the graded."""

    counts: dict[str, int] = field(default_factory=lambda: {g.value: 0 for g in Grade})

    def add(self, grade: str) -> None:
        if grade in self.counts:
            self.counts[grade] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def percent(self, grade: str) -> int | None:
        return round(100 * self.counts[grade] / self.total) if self.total else None

    @property
    def weak(self) -> int:
        return sum(self.counts[g] for g in WEAK_GRADES)

    @property
    def weak_percent(self) -> int | None:
        return round(100 * self.weak / self.total) if self.total else None

    def cells(self) -> list[tuple[int, int | None]]:
        return [(self.counts[g.value], self.percent(g.value)) for g in Grade]


def distributions(pairs: Iterable[tuple[str, str]]) -> dict[str, Distribution]:
    """(key, grade) pairs to a Distribution per key, keys in first-seen order."""
    found: dict[str, Distribution] = {}
    for key, grade in pairs:
        found.setdefault(key, Distribution()).add(grade)
    return found


@dataclass(frozen=True)
class Theme:
    section: str
    weak: int
    graded: int

    @property
    def percent(self) -> int:
        return round(100 * self.weak / self.graded) if self.graded else 0


def themes(pairs: Iterable[tuple[str, str]]) -> list[Theme]:
    """Sections most often graded requires improvement or inadequate, across audits: by the
    number of weak grades, then the share, then the section's title."""
    graded, weak = Counter(), Counter()
    for section, grade in pairs:
        if grade in Grade.values:
            graded[section] += 1
            weak[section] += grade in WEAK_GRADES
    found = [Theme(s, weak[s], graded[s]) for s in graded if weak[s]]
    return sorted(found, key=lambda t: (-t.weak, -t.percent, t.section))


@dataclass(frozen=True)
class ActionFacts:
    status: str
    due_on: dt.date
    done_on: dt.date | None


@dataclass
class ActionFigures:
    open_on_track: int = 0
    overdue: int = 0
    done_in_time: int = 0
    done_late: int = 0
    cancelled: int = 0

    @property
    def done(self) -> int:
        return self.done_in_time + self.done_late

    @property
    def in_time_percent(self) -> int | None:
        return round(100 * self.done_in_time / self.done) if self.done else None

    @property
    def total(self) -> int:
        return self.open_on_track + self.overdue + self.done + self.cancelled


def action_figures(actions: Iterable[ActionFacts], *, today: dt.date) -> ActionFigures:
    figures = ActionFigures()
    for action in actions:
        if action.status == ActionStatus.CANCELLED:
            figures.cancelled += 1
        elif action.status == ActionStatus.DONE:
            if action.done_on <= action.due_on:
                figures.done_in_time += 1
            else:
                figures.done_late += 1
        elif action.due_on < today:
            figures.overdue += 1
        else:
            figures.open_on_track += 1
    return figures


# ---- Deep dives ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceDue:
    service: str
    label: str
    last_on: dt.date | None
    next_due_on: dt.date | None
    status: str  # "never", "overdue", "due_soon", "covered"

    @property
    def covered(self) -> bool:
        return self.status in ("covered", "due_soon")

    @property
    def status_label(self) -> str:
        return {"never": "No deep dive yet", "overdue": "Overdue",
                "due_soon": "Due this quarter", "covered": "Covered"}[self.status]

    @property
    def tag_colour(self) -> str:
        return {"never": "red", "overdue": "red", "due_soon": "yellow",
                "covered": "green"}[self.status]


def deep_dive_schedule(services: Iterable[tuple[str, str]], last_dives: dict[str, dt.date],
                       *, today: dt.date) -> list[ServiceDue]:
    """Each service with its last deep dive, the next due (12 months on) and whether it is
    covered: the services never reviewed first, then by the next due date."""
    rows = []
    for code, label in services:
        last = last_dives.get(code)
        if last is None:
            rows.append(ServiceDue(code, label, None, None, "never"))
            continue
        due = add_months(last, DEEP_DIVE_MONTHS)
        if due < today:
            status = "overdue"
        elif due <= add_months(today, DEEP_DIVE_NOTICE_MONTHS):
            status = "due_soon"
        else:
            status = "covered"
        rows.append(ServiceDue(code, label, last, due, status))
    return sorted(rows, key=lambda r: (r.next_due_on is not None,
                                       r.next_due_on or dt.date.min, r.label))


def ensure_can_record_deep_dive(*, held_on: dt.date, today: dt.date, findings: str) -> None:
    if held_on > today:
        raise DomainError("The date of the deep dive cannot be in the future", field="held_on")
    if len(findings.strip()) < MIN_REASON:
        raise DomainError("Say what the deep dive found", field="findings")


def ensure_programme_period(*, starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on < starts_on:
        raise DomainError("The period must end on or after the day it starts", field="ends_on")
    if add_months(starts_on, 12) < ends_on:
        raise DomainError("A programme covers at most 12 months: plan another for the next "
                          "period", field="ends_on")
