import datetime as dt

from django.db import transaction

from hearth.cases.models import Allocation, CaseNote, ChronologyEntry, Visit
from hearth.cases.tasks import tasks_follow_allocation
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError


@transaction.atomic
def child_allocate(*, child, team, worker=None, start_date: dt.date, actor=None,
                   system_job: str = "", reason: str = "") -> Allocation:
    """Allocates a child; a current allocation ends the day before (a transfer)."""
    if not child.is_child:
        raise DomainError("Only a child can be allocated", field="child")
    if not team.holds_cases:
        raise DomainError(f"{team} does not hold cases", field="team")
    if worker is not None and worker.team_id != team.pk:
        raise DomainError(f"{worker} is not in {team}", field="worker")
    if start_date > clock.today():
        raise DomainError("The allocation must start today or in the past", field="start_date")
    current = Allocation.objects.select_for_update().filter(child=child, end_date__isnull=True)
    for allocation in current:
        if allocation.start_date > start_date:
            raise DomainError("The child was allocated after that date: choose a later date",
                              field="start_date")
        if allocation.team_id == team.pk and allocation.worker_id == getattr(worker, "pk", None):
            raise DomainError("The child is already allocated to them", field="worker")
        allocation.end_date = start_date
        allocation.save(update_fields=["end_date"])
    auditor = Auditor(actor, system_job=system_job)
    allocation = Allocation.objects.create(
        child=child, team=team, worker=worker, start_date=start_date, reason=reason,
        allocated_by=actor or _system_user(), recorded_at=clock.now())
    tasks_follow_allocation(child=child, team_id=team.pk, worker_id=getattr(worker, "pk", None))
    auditor.record("CHILD_ALLOCATED", allocation, child_id=child.pk,
                   detail={"team": team.name, "worker": getattr(worker, "username", None)})
    return allocation


@transaction.atomic
def child_deallocate(*, child, end_date: dt.date, actor=None, system_job: str = "") -> None:
    for allocation in Allocation.objects.select_for_update().filter(child=child,
                                                                   end_date__isnull=True):
        if end_date < allocation.start_date:
            raise DomainError("The allocation cannot end before it started", field="end_date")
        allocation.end_date = end_date
        allocation.save(update_fields=["end_date"])
        tasks_follow_allocation(child=child, team_id=None, worker_id=None)
        Auditor(actor, system_job=system_job).record("CHILD_DEALLOCATED", allocation,
                                                     child_id=child.pk)


@transaction.atomic
def chronology_entry_add(*, child, actor, occurred_on: dt.date, title: str, detail: str = "",
                         source: str = "") -> ChronologyEntry:
    if occurred_on > clock.today():
        raise DomainError("The event must be today or in the past", field="occurred_on")
    entry = ChronologyEntry.objects.create(
        child=child, occurred_on=occurred_on, title=title, detail=detail, source=source,
        recorded_by=actor, recorded_at=clock.now())
    Auditor(actor).record("CHRONOLOGY_ENTRY_ADDED", entry, child_id=child.pk)
    return entry


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()


@transaction.atomic
def case_note_add(*, child, actor, kind: str, occurred_on: dt.date, subject: str, text: str,
                  is_decision: bool = False) -> CaseNote:
    if occurred_on > clock.today():
        raise DomainError("The note must be about today or the past", field="occurred_on")
    if is_decision and not actor.has_perm("cases.record_management_decision"):
        raise DomainError("Only a manager can record a decision", field="is_decision")
    note = CaseNote.objects.create(child=child, kind=kind, occurred_on=occurred_on,
                                   subject=subject, text=text, is_decision=is_decision,
                                   author=actor, recorded_at=clock.now())
    Auditor(actor).record("CASE_NOTE_ADDED", note, child_id=child.pk,
                          detail={"kind": kind, "is_decision": is_decision})
    return note


def visit_record(*, child, plan: str, plan_id: int | None, visited_on: dt.date,
                 child_seen: bool, seen_alone: bool, bedroom_seen: bool = False, note: str = "",
                 actor=None, system_job: str = "") -> Visit:
    """Saves a visit. Called inside the plan's own service, which reopens its visit clock."""
    if visited_on > clock.today():
        raise DomainError("The visit must be today or in the past", field="visited_on")
    if seen_alone and not child_seen:
        raise DomainError("A child seen alone must have been seen", field="seen_alone")
    visit = Visit.objects.create(child=child, plan=plan, plan_id=plan_id, visited_on=visited_on,
                                 child_seen=child_seen, seen_alone=seen_alone,
                                 bedroom_seen=bedroom_seen, note=note,
                                 visited_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record("VISIT_RECORDED", visit, child_id=child.pk,
                                                 detail={"plan": plan, "seen": child_seen})
    return visit
