import datetime as dt

from django.db import transaction

from hearth.cases.models import Allocation, ChronologyEntry
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
    auditor.record("CHILD_ALLOCATED", allocation, child_id=child.pk,
                   detail={"team": team.name, "worker": getattr(worker, "username", None)})
    return allocation


@transaction.atomic
def child_deallocate(*, child, end_date: dt.date, actor) -> None:
    for allocation in Allocation.objects.select_for_update().filter(child=child,
                                                                   end_date__isnull=True):
        if end_date < allocation.start_date:
            raise DomainError("The allocation cannot end before it started", field="end_date")
        allocation.end_date = end_date
        allocation.save(update_fields=["end_date"])
        Auditor(actor).record("CHILD_DEALLOCATED", allocation, child_id=child.pk)


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
