"""Work on My work that is not a child's statutory task: a complaint response is due from a
manager, an audit action from a worker. Apps above `cases` register a source in their
`AppConfig.ready()`; a source gives a person's open items, already limited to what they may
see. (The same registry pattern as record tabs and chronology providers.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class OtherWork:
    due_on: dt.date
    what: str  # "Complaint C00012: stage 1 response"
    url: str
    source: str  # the kind of work, for the column: "Complaint"


Source = Callable[[object, dt.date], list[OtherWork]]
_SOURCES: list[Source] = []


def register_work_source(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def other_work_for(user, *, today: dt.date) -> list[OtherWork]:
    items = [item for source in _SOURCES for item in source(user, today)]
    return sorted(items, key=lambda item: (item.due_on, item.what))
