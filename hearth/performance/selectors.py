"""Reads for the scorecard, the figures and the commentary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from hearth.performance import periods as p
from hearth.performance import scorecard as sc
from hearth.performance.indicators import LIBRARY, Indicator
from hearth.performance.models import ChildPopulation, ExceptionCommentary, Snapshot


def population_list() -> list[ChildPopulation]:
    return sorted(population_rows(), key=lambda row: row.year, reverse=True)


def population_on(day: dt.date, populations: list[ChildPopulation] | None = None) -> int | None:
    """The latest estimate whose year has begun by `day` (a year's figure applies from 1 April:
    the financial years the scorecard counts)."""
    financial_year = day.year if day.month >= 4 else day.year - 1
    rows = populations if populations is not None else population_rows()
    applying = [row for row in rows if row.year <= financial_year]
    return max(applying, key=lambda row: row.year).children if applying else None


def population_rows() -> list[ChildPopulation]:
    """The recorded estimates, and the authority's own current figure (set with its LA
    number, hearth.core) for its year when no estimate is recorded for that year."""
    from hearth.core.models import LocalAuthority

    rows = list(ChildPopulation.objects.all())
    authority = LocalAuthority.current()
    if authority and authority.population_year not in {row.year for row in rows}:
        rows.append(ChildPopulation(year=authority.population_year,
                                    children=authority.population_0_17,
                                    source=f"{authority.name}'s figure"))
    return rows


def population_lookup():
    rows = population_rows()
    return lambda day: population_on(day, rows)


@dataclass
class Cell:
    """One figure on the scorecard."""

    period: p.Period
    snapshot: Snapshot | None
    value: Decimal | None
    text: str
    gap: str = ""
    changed_since_frozen: bool = False
    small: bool = False


@dataclass
class Row:
    indicator: Indicator
    cells: list[Cell]
    current: Cell
    target: Decimal | None
    target_text: str
    score: str | None
    short_trend: str | None
    annual_trend: str | None
    commentary: ExceptionCommentary | None = None
    group: str = ""  # the council priority (or area) label, on a group's first row only

    @property
    def score_symbol(self):
        return sc.SCORE_SYMBOLS.get(self.score, "")

    @property
    def score_words(self):
        return sc.SCORE_WORDS.get(self.score, "Not scored")

    @property
    def short_symbol(self):
        return sc.TREND_SYMBOLS.get(self.short_trend, "")

    @property
    def annual_symbol(self):
        return sc.TREND_SYMBOLS.get(self.annual_trend, "")

    @property
    def short_words(self) -> str:
        return _trend_words(self.short_trend, "last quarter")

    @property
    def annual_words(self) -> str:
        return _trend_words(self.annual_trend, "a year before")

    @property
    def below_target(self) -> bool:
        return self.score in (sc.CLOSE, sc.MISSED)


def _trend_words(trend: str | None, against: str) -> str:
    if trend is None:
        return ""
    return f"the same as {against}" if trend == sc.SAME else f"{trend} than {against}"


@dataclass
class Scorecard:
    quarter: p.Period
    quarters: list[p.Period]
    rows: list[Row] = field(default_factory=list)

    @property
    def years(self) -> list[str]:
        return [p.year_label(self.quarters[0].financial_year),
                p.year_label(self.quarters[-1].financial_year)]

    @property
    def exceptions(self) -> list[Row]:
        return [row for row in self.rows if row.below_target]


def snapshots_for(codes, kind: str, starts, *, team=None) -> dict[tuple, dict[bool, Snapshot]]:
    """{(indicator, period start): {frozen: snapshot}}: the authority's, or one team's."""
    found: dict[tuple, dict[bool, Snapshot]] = {}
    rows = Snapshot.objects.filter(indicator__in=codes, period_kind=kind,
                                   period_start__in=list(starts))
    rows = rows.filter(team=team) if team is not None else rows.filter(team__isnull=True)
    for snap in rows:
        found.setdefault((snap.indicator, snap.period_start), {})[snap.frozen] = snap
    return found


def figure_value(snap: Snapshot | None, indicator: Indicator) -> Decimal | None:
    if snap is None or snap.gap:
        return None
    return sc.value_of(snap.numerator, snap.denominator, indicator.unit)


def _cell(indicator, period, versions, *, with_counts: bool) -> Cell:
    frozen, working = versions.get(True), versions.get(False)
    snap = frozen or working
    value = figure_value(snap, indicator)
    if snap is None:
        text, gap = "", "Not yet computed" if indicator.is_computed else "Not entered"
    elif value is None:
        text, gap = "", snap.gap or "Nothing to count in this period"
    else:
        gap = ""
        text = (sc.shown_with_counts(value, snap.numerator, snap.denominator, indicator.unit,
                                     indicator.places)
                if with_counts else sc.shown(value, indicator.unit, indicator.places))
    changed = bool(frozen and working and (frozen.numerator, frozen.denominator)
                   != (working.numerator, working.denominator))
    small = bool(snap and indicator.unit != sc.COUNT and not snap.gap
                 and snap.denominator < indicator.small_number)
    return Cell(period, snap, value, text, gap, changed, small)


def scorecard(quarter: p.Period, indicators: list[Indicator], *,
              group_by: str = "priority", team=None) -> Scorecard:
    """The seed's layout: eight quarters (last year's and this year's), the latest two with
    numerator and denominator, then target, score and the two trends."""
    quarters = p.scorecard_quarters(quarter)
    shown_counts = {quarter, quarter.previous()}
    wanted = set(quarters) | {quarter.previous(), quarter.a_year_before()}
    found = snapshots_for([i.code for i in indicators], p.QUARTER, [q.start for q in wanted],
                          team=team)
    commentary = {(c.indicator, c.quarter_start): c for c in ExceptionCommentary.objects.filter(
        quarter_start=quarter.start, indicator__in=[i.code for i in indicators])
        .select_related("drafted_by", "approved_by")}
    card = Scorecard(quarter, quarters)
    last_group = None
    for indicator in indicators:
        cells = []
        for q in quarters:
            versions = found.get((indicator.code, q.start), {}) if q <= quarter else {}
            cells.append(_cell(indicator, q, versions, with_counts=q in shown_counts))
        current = next(c for c in cells if c.period == quarter)

        def value_for(period, indicator=indicator):
            versions = found.get((indicator.code, period.start), {})
            return figure_value(versions.get(True) or versions.get(False), indicator)

        target = indicator.target_on(quarter.end)
        card.rows.append(Row(
            indicator, cells, current, target,
            sc.shown(target, indicator.unit, 0 if target is not None and target % 1 == 0
                     else 1) if target is not None else "None set",
            sc.score(current.value, target, indicator.polarity, indicator.tolerance,
                     indicator.places),
            sc.trend(value_for(quarter.previous()), current.value, indicator.polarity,
                     indicator.places),
            sc.trend(value_for(quarter.a_year_before()), current.value, indicator.polarity,
                     indicator.places),
            commentary.get((indicator.code, quarter.start)),
            group=getattr(indicator, group_by) if getattr(indicator, group_by) != last_group
            else ""))
        last_group = getattr(indicator, group_by)
    return card


def latest_complete_quarter(today: dt.date) -> p.Period:
    return p.quarter_containing(today).previous()


def quarter_choices(today: dt.date, years: int = 3) -> list[p.Period]:
    last = latest_complete_quarter(today)
    first = p.quarter(last.financial_year - years + 1, 1)
    return list(reversed(p.quarters_between(first.start, last.end)))


def frozen_quarter(quarter: p.Period) -> bool:
    return Snapshot.objects.filter(team__isnull=True, period_kind=p.QUARTER,
                                   period_start=quarter.start,
                                   frozen=True).exists()


def commentary_for(code: str, quarter: p.Period) -> ExceptionCommentary | None:
    return (ExceptionCommentary.objects.filter(indicator=code, quarter_start=quarter.start)
            .select_related("drafted_by", "approved_by").first())


def indicators_for(selection: str) -> list[Indicator]:
    """'corporate' (the committee's scorecard) or 'all' (every indicator, by area)."""
    if selection == "all":
        return sorted(LIBRARY.values(), key=lambda i: (i.area, i.code))
    return [i for i in LIBRARY.values() if i.corporate]


def team_indicators() -> list[Indicator]:
    return sorted((i for i in LIBRARY.values() if i.by_team), key=lambda i: (i.area, i.code))


@dataclass
class WorkerFigures:
    worker: object
    cells: dict[str, str]


def worker_figures(team, quarter: p.Period) -> list[WorkerFigures]:
    """Each indicator that splits by team, for one quarter, by the worker who held each child
    then (worked out now from the records: only the team's children are read)."""
    from django.contrib.auth import get_user_model

    from hearth.performance.holders import Holders

    holders = Holders.between(quarter.start, quarter.end, team_id=team.pk)
    by_worker: dict[int, dict[str, str]] = {}
    for indicator in team_indicators():
        split = indicator.calculation.by_group([quarter], holders.worker_of)
        for (_period, worker_id), figure in split.items():
            value = sc.value_of(figure.numerator, figure.denominator, indicator.unit)
            by_worker.setdefault(worker_id, {})[indicator.code] = sc.shown_with_counts(
                value, figure.numerator, figure.denominator, indicator.unit, indicator.places)
    workers = get_user_model().objects.in_bulk(list(by_worker))
    return sorted((WorkerFigures(workers[w], cells) for w, cells in by_worker.items()
                   if w in workers),
                  key=lambda row: (row.worker.last_name, row.worker.first_name))
