"""Who held a child on a day (team or worker), from the case spine's dated allocation rows, so
figures can be split by team and by worker for managers' dashboards. Allocation rows are
half-open: a child is held from `start_date` until the day before `end_date`."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict


class Holders:
    def __init__(self, rows):
        """rows: (child_id, team_id, worker_id, start_date, end_date or None)."""
        self._by_child: dict[int, list] = defaultdict(list)
        for child_id, team_id, worker_id, start, end in rows:
            self._by_child[child_id].append((start, end, team_id, worker_id))
        self._starts = {}
        for child_id, spans in self._by_child.items():
            spans.sort(key=lambda span: span[0])
            self._starts[child_id] = [span[0] for span in spans]

    @classmethod
    def between(cls, first: dt.date, last: dt.date, *, team_id: int | None = None) -> Holders:
        from django.db.models import Q

        from hearth.cases.models import Allocation
        rows = (Allocation.objects.filter(start_date__lte=last)
                .filter(Q(end_date__isnull=True) | Q(end_date__gt=first)))
        if team_id is not None:
            rows = rows.filter(team_id=team_id)
        return cls(rows.values_list("child_id", "team_id", "worker_id", "start_date",
                                    "end_date").iterator(chunk_size=5000))

    def _span(self, child_id: int, day: dt.date):
        spans = self._by_child.get(child_id)
        if not spans:
            return None
        index = bisect_right(self._starts[child_id], day) - 1
        if index < 0:
            return None
        start, end, team_id, worker_id = spans[index]
        return spans[index] if end is None or day < end else None

    def team_of(self, child_id: int, day: dt.date) -> int | None:
        span = self._span(child_id, day)
        return span[2] if span else None

    def worker_of(self, child_id: int, day: dt.date) -> int | None:
        span = self._span(child_id, day)
        return span[3] if span else None
