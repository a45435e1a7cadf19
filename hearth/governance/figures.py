"""An indicator's latest figure on a date, from the performance app's snapshots (ADR 19):
the authority's figure for the latest period that had ended by the date, the frozen figure
where the committee was sent one. Used beside improvement-plan targets and to pre-fill the
self-evaluation's headline numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from hearth.performance import periods
from hearth.performance import scorecard as sc
from hearth.performance.indicators import LIBRARY
from hearth.performance.models import Snapshot
from hearth.performance.selectors import figure_value

NO_FIGURE = "no figure"


@dataclass(frozen=True)
class Figure:
    code: str
    title: str
    value: Decimal | None
    text: str  # "82.1%" or "no figure"
    period: str  # "2025-26 Q4", "March 2026" or ""
    unit: str = ""

    def as_dict(self) -> dict:
        return {"code": self.code, "title": self.title, "figure": self.text,
                "period": self.period}


def latest_figure(code: str, as_at: dt.date) -> Figure | None:
    """None for a code that is not in the library; otherwise the figure, or 'no figure'."""
    indicator = LIBRARY.get(code)
    if indicator is None:
        return None
    rows = Snapshot.objects.filter(indicator=code, team__isnull=True, period_start__lte=as_at)
    best = None
    for snap in rows:
        period = periods.Period(snap.period_start, snap.period_kind)
        if period.end > as_at:
            continue
        # Latest period end first; the indicator's own frequency, then the frozen figure.
        key = (period.end, snap.period_kind == indicator.frequency, snap.frozen)
        if best is None or key > best[0]:
            best = (key, snap, period)
    if best is None:
        return Figure(code, indicator.title, None, NO_FIGURE, "", indicator.unit)
    _key, snap, period = best
    value = figure_value(snap, indicator)
    if value is None:
        return Figure(code, indicator.title, None, NO_FIGURE, period.label, indicator.unit)
    return Figure(code, indicator.title, value, sc.shown(value, indicator.unit, indicator.places),
                  period.label, indicator.unit)


def shown_target(code: str, value: Decimal) -> str:
    indicator = LIBRARY.get(code)
    unit = indicator.unit if indicator else sc.COUNT
    places = 0 if value == value.to_integral_value() else 1
    if unit == sc.COUNT:
        return f"{value.normalize():f}"
    return sc.shown(value, unit, places)


def indicator_choices() -> list[tuple[str, str]]:
    return [(i.code, f"{i.code} {i.title}") for i in sorted(LIBRARY.values(),
                                                            key=lambda i: (i.area, i.code))]
