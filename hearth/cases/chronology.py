"""The child's chronology: significant events read from the records that hold them.

It is a read model, not a second source of truth. Each domain app registers a provider (a
function from a child to its items) when it starts, so the chronology grows with each
capability without the case spine importing the apps above it.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hearth.people.codes import WarningKind


@dataclass(frozen=True)
class ChronologyItem:
    occurred_on: dt.date
    title: str
    detail: str = ""
    recorded_by: str = ""
    kind: str = "event"


Provider = Callable[[object], Iterable[ChronologyItem]]
_PROVIDERS: list[Provider] = []


def register_provider(provider: Provider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def chronology_for(child) -> list[ChronologyItem]:
    """Newest first; items on the same day keep the order their providers gave."""
    items: list[ChronologyItem] = []
    for provider in _PROVIDERS:
        items.extend(provider(child))
    return sorted(items, key=lambda i: i.occurred_on, reverse=True)


def record_and_people_events(child) -> Iterable[ChronologyItem]:
    yield ChronologyItem(child.created_at.date(), "Record opened in Hearth", kind="record")
    if child.date_of_birth:
        yield ChronologyItem(child.date_of_birth, "Born", kind="record")
    for address in child.addresses.all():
        yield ChronologyItem(address.start_date, "Moved to a new address", str(address),
                             kind="address")
    for warning in child.warnings.all():
        hidden = warning.kind == WarningKind.DO_NOT_DISCLOSE_ADDRESS
        yield ChronologyItem(warning.start_date, f"Warning added: {warning.get_kind_display()}",
                             "" if hidden else warning.detail, str(warning.raised_by),
                             kind="warning")


def allocation_events(child) -> Iterable[ChronologyItem]:
    for allocation in child.allocations.select_related("team", "worker", "allocated_by"):
        who = (f"{allocation.worker}, {allocation.team}" if allocation.worker
               else str(allocation.team))
        yield ChronologyItem(allocation.start_date, f"Allocated to {who}", allocation.reason,
                             str(allocation.allocated_by), kind="allocation")


def hand_written_entries(child) -> Iterable[ChronologyItem]:
    for entry in child.chronology_entries.select_related("recorded_by"):
        yield ChronologyItem(entry.occurred_on, entry.title, entry.detail,
                             str(entry.recorded_by), kind="entry")


for _provider in (record_and_people_events, allocation_events, hand_written_entries):
    register_provider(_provider)
