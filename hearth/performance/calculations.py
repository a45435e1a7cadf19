"""How a computed indicator counts: a handful of shapes, each fed by one query over the records.

Every shape loads the rows it needs for the whole span of the periods asked for, once, and
counts each period in Python, so computing three years of months and quarters is one query per
indicator rather than one per period (the issue's 10-second target). Each row carries the
child's id, so the same rows give the drill-down list of children behind a figure.

- `Events`: things that happened in the period (contacts decided, reviews held); the
  denominator counts them, the numerator those that met the standard.
- `EventAverage`: the average of an amount over the events (days to complete an assessment).
- `EventRate`: events per 10,000 of the child population (referrals).
- `OpenRate`: records open on the period's last day per 10,000 of the child population
  (children looked after, children on a plan).
- `OpenShare`: of the records open on the period's last day, the share meeting a condition that
  depends on that day (plans open two years or more).
- `AsAt`: people who count on the period's last day by their facts then (care leavers in
  touch, in suitable accommodation).
- `AtDate`: a figure another app works out for a day (the workforce's agency share).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from hearth.performance.periods import Period


@dataclass
class Figure:
    numerator: Decimal
    denominator: Decimal
    # The children counted, for the drill-down (only filled when asked for).
    numerator_children: set[int] = field(default_factory=set)
    denominator_children: set[int] = field(default_factory=set)
    gap: str = ""  # why there is no figure, when there is none


def _span(periods: Iterable[Period]) -> tuple[dt.date, dt.date]:
    periods = list(periods)
    return min(p.start for p in periods), max(p.end for p in periods)


def _month_key(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


@dataclass
class Events:
    """rows(start, end) yields (child_id, event_date, met) for events in [start, end]."""

    rows: Callable[[dt.date, dt.date], Iterable[tuple[int, dt.date, bool]]]

    def figures(self, periods: list[Period], *, population=None,
                with_children: bool = False) -> dict[Period, Figure]:
        by_month = defaultdict(list)
        for child_id, day, met in self.rows(*_span(periods)):
            by_month[_month_key(day)].append((child_id, met))
        result = {}
        for period in periods:
            figure = Figure(Decimal(0), Decimal(0))
            for month in period.months():
                for child_id, met in by_month.get(_month_key(month.start), ()):
                    figure.denominator += 1
                    figure.numerator += 1 if met else 0
                    if with_children:
                        figure.denominator_children.add(child_id)
                        if met:
                            figure.numerator_children.add(child_id)
            result[period] = figure
        return result

    def by_group(self, periods, group_of) -> dict[tuple[Period, int], Figure]:
        """The same figures split by who held each child when the event happened (a team or a
        worker: `group_of(child_id, day)`, None for no one)."""
        by_month = defaultdict(list)
        for child_id, day, met in self.rows(*_span(periods)):
            group = group_of(child_id, day)
            if group is not None:
                by_month[_month_key(day)].append((group, 1 if met else 0))
        return _split(periods, by_month)


def _split(periods, by_month) -> dict[tuple[Period, int], Figure]:
    result: dict[tuple[Period, int], Figure] = {}
    for period in periods:
        for month in period.months():
            for group, amount in by_month.get(_month_key(month.start), ()):
                figure = result.setdefault((period, group), Figure(Decimal(0), Decimal(0)))
                figure.numerator += Decimal(amount)
                figure.denominator += 1
    return result


@dataclass
class EventAverage:
    """rows(start, end) yields (child_id, event_date, amount)."""

    rows: Callable[[dt.date, dt.date], Iterable[tuple[int, dt.date, Decimal]]]

    def figures(self, periods, *, population=None, with_children=False):
        by_month = defaultdict(list)
        for child_id, day, value in self.rows(*_span(periods)):
            by_month[_month_key(day)].append((child_id, value))
        result = {}
        for period in periods:
            figure = Figure(Decimal(0), Decimal(0))
            for month in period.months():
                for child_id, value in by_month.get(_month_key(month.start), ()):
                    figure.numerator += Decimal(value)
                    figure.denominator += 1
                    if with_children:
                        figure.numerator_children.add(child_id)
                        figure.denominator_children.add(child_id)
            result[period] = figure
        return result

    def by_group(self, periods, group_of):
        by_month = defaultdict(list)
        for child_id, day, value in self.rows(*_span(periods)):
            group = group_of(child_id, day)
            if group is not None:
                by_month[_month_key(day)].append((group, value))
        return _split(periods, by_month)


def _with_population(result: dict[Period, Figure], population) -> dict[Period, Figure]:
    for period, figure in result.items():
        people = population(period.end) if population else None
        if people is None:
            figure.gap = "No child population is recorded for this period"
            figure.denominator = Decimal(0)
        else:
            figure.denominator = Decimal(people)
    return result


@dataclass
class EventRate:
    """rows(start, end) yields (child_id, event_date); the denominator is the population."""

    rows: Callable[[dt.date, dt.date], Iterable[tuple[int, dt.date]]]

    def figures(self, periods, *, population=None, with_children=False):
        counted = Events(lambda s, e: ((c, d, True) for c, d in self.rows(s, e)))
        result = counted.figures(periods, with_children=with_children)
        for figure in result.values():
            figure.denominator_children = set()
        return _with_population(result, population)


class _Intervals:
    """Counts of intervals open on a day, by two sorted lists (open on d: started on or
    before d, and not ended before d)."""

    def __init__(self, intervals: list[tuple[int, dt.date, dt.date | None]]):
        self.intervals = intervals
        self.starts = sorted(start for _, start, _ in intervals)
        self.ends = sorted(end for _, _, end in intervals if end is not None)

    def open_on(self, day: dt.date) -> int:
        ended_before = bisect_right(self.ends, day - dt.timedelta(days=1))
        return bisect_right(self.starts, day) - ended_before

    def children_open_on(self, day: dt.date) -> set[int]:
        return {child_id for child_id, start, end in self.intervals
                if start <= day and (end is None or end >= day)}


@dataclass
class OpenRate:
    """intervals(first, last) yields (child_id, start, end or None) overlapping the span."""

    intervals: Callable[[dt.date, dt.date], Iterable[tuple[int, dt.date, dt.date | None]]]

    def figures(self, periods, *, population=None, with_children=False):
        counted = _Intervals(list(self.intervals(*_span(periods))))
        result = {}
        for period in periods:
            figure = Figure(Decimal(counted.open_on(period.end)), Decimal(0))
            if with_children:
                figure.numerator_children = counted.children_open_on(period.end)
            result[period] = figure
        return _with_population(result, population)


@dataclass
class OpenShare:
    """intervals as for OpenRate; `meets(start, day)` says whether a record open on `day`
    counts in the numerator (for example: open two years or more by then)."""

    intervals: Callable[[dt.date, dt.date], Iterable[tuple[int, dt.date, dt.date | None]]]
    meets: Callable[[dt.date, dt.date], bool]

    def figures(self, periods, *, population=None, with_children=False):
        rows = list(self.intervals(*_span(periods)))
        result = {}
        for period in periods:
            day = period.end
            figure = Figure(Decimal(0), Decimal(0))
            for child_id, start, end in rows:
                if start <= day and (end is None or end >= day):
                    figure.denominator += 1
                    if with_children:
                        figure.denominator_children.add(child_id)
                    if self.meets(start, day):
                        figure.numerator += 1
                        if with_children:
                            figure.numerator_children.add(child_id)
            result[period] = figure
        return result

    def by_group(self, periods, group_of):
        rows = list(self.intervals(*_span(periods)))
        result: dict[tuple[Period, int], Figure] = {}
        for period in periods:
            day = period.end
            for child_id, start, end in rows:
                if start <= day and (end is None or end >= day):
                    group = group_of(child_id, day)
                    if group is None:
                        continue
                    figure = result.setdefault((period, group), Figure(Decimal(0), Decimal(0)))
                    figure.denominator += 1
                    figure.numerator += 1 if self.meets(start, day) else 0
        return result


@dataclass
class AsAt:
    """rows(first, last) yields (child_id, facts) for everyone who might count on some day;
    `counts(facts, day)` says, on a period's last day, None (not counted), False (in the
    denominator only) or True (in both): "care leavers aged 19 to 21, and those of them in
    education, employment or training"."""

    rows: Callable[[dt.date, dt.date], Iterable[tuple[int, object]]]
    counts: Callable[[object, dt.date], bool | None]

    def figures(self, periods, *, population=None, with_children=False):
        rows = list(self.rows(*_span(periods)))
        result = {}
        for period in periods:
            figure = Figure(Decimal(0), Decimal(0))
            for child_id, facts in rows:
                counted = self.counts(facts, period.end)
                if counted is None:
                    continue
                figure.denominator += 1
                figure.numerator += 1 if counted else 0
                if with_children:
                    figure.denominator_children.add(child_id)
                    if counted:
                        figure.numerator_children.add(child_id)
            result[period] = figure
        return result

    def by_group(self, periods, group_of):
        rows = list(self.rows(*_span(periods)))
        result: dict[tuple[Period, int], Figure] = {}
        for period in periods:
            for child_id, facts in rows:
                counted = self.counts(facts, period.end)
                group = None if counted is None else group_of(child_id, period.end)
                if group is None:
                    continue
                figure = result.setdefault((period, group), Figure(Decimal(0), Decimal(0)))
                figure.denominator += 1
                figure.numerator += 1 if counted else 0
        return result


@dataclass
class AtDate:
    """figure(day) gives (numerator, denominator, value) for one day: an indicator another
    app computes from its own records (the workforce's agency share and caseloads). Counted
    on each period's last day; it lists no children."""

    figure: Callable[[dt.date], tuple]

    def figures(self, periods, *, population=None, with_children=False):
        result = {}
        for period in periods:
            numerator, denominator, _value = self.figure(period.end)
            result[period] = Figure(Decimal(str(numerator)), Decimal(str(denominator)))
        return result
