"""Every write of figures and commentary: checked, saved and audited in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.db import transaction

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.performance import periods as p
from hearth.performance.holders import Holders
from hearth.performance.indicators import LIBRARY, Indicator, indicator
from hearth.performance.models import ChildPopulation, ExceptionCommentary, Snapshot
from hearth.performance.selectors import population_lookup

# A figure's numerator and denominator are stored with 14 digits, 4 after the point.
_FIELD = Snapshot._meta.get_field("numerator")
AMOUNT_LIMIT = Decimal(10) ** (_FIELD.max_digits - _FIELD.decimal_places)


@transaction.atomic
def population_record(*, year: int, children: int, source: str, actor=None,
                      system_job: str = "") -> ChildPopulation:
    if not 1990 <= year <= clock.today().year + 1:
        raise DomainError("Enter the year of the estimate, for example 2024", field="year")
    if children <= 0:
        raise DomainError("Enter the number of children aged 0 to 17", field="children")
    if not source.strip():
        raise DomainError("Enter where the figure comes from, for example ONS mid-year "
                          "estimates", field="source")
    row, _ = ChildPopulation.objects.update_or_create(year=year, defaults={
        "children": children, "source": source.strip(), "recorded_at": clock.now(),
        "recorded_by": actor if actor is not None and actor.is_authenticated else None})
    Auditor(actor, system_job=system_job).record(
        "CHILD_POPULATION_RECORDED", row, detail={"year": year, "children": children})
    return row


def reporting_periods(*, years: int, today: dt.date) -> list[p.Period]:
    """Every month and quarter of the last `years` financial years, to today."""
    first = p.quarter(p.quarter_containing(today).financial_year - years + 1, 1).start
    return p.months_between(first, today) + p.quarters_between(first, today)


def figures_compute(*, periods: list[p.Period], actor=None, system_job: str = "",
                    codes: list[str] | None = None,
                    progress: Callable[[Indicator, int, int], None] | None = None) -> int:
    """Recompute the working figure of every computed indicator for `periods`. Frozen figures
    are never touched. One transaction per indicator, so a long run shows progress and a
    failure keeps what was done."""
    auditor = Auditor(actor, system_job=system_job)
    chosen = [indicator(c) for c in codes] if codes else list(LIBRARY.values())
    computed = [i for i in chosen if i.is_computed]
    population = population_lookup()
    if not periods:
        raise DomainError("Choose at least one period to compute", field="period")
    holders = Holders.between(min(period.start for period in periods),
                              max(period.end for period in periods))
    written = 0
    for number, item in enumerate(computed, start=1):
        wanted = _periods_for(item, periods)
        if wanted:
            figures = item.calculation.figures(wanted, population=population)
            by_team = (item.calculation.by_group(wanted, holders.team_of)
                       if item.by_team else {})
            with transaction.atomic():
                written += _save_working(item, figures)
                _replace_team_figures(item, wanted, by_team)
        if progress:
            progress(item, number, len(computed))
    auditor.record("FIGURES_COMPUTED", detail={
        "indicators": len(computed), "periods": len(periods), "figures": written})
    return written


def _periods_for(item: Indicator, periods: list[p.Period]) -> list[p.Period]:
    """A monthly indicator is computed for months and quarters; a quarterly one for quarters
    only (the workforce figures, rates on the population, plans open two years)."""
    return [period for period in periods
            if period.kind == p.QUARTER or item.frequency == p.MONTH]


def _save_working(item: Indicator, figures) -> int:
    now = clock.now()
    existing = {(s.period_kind, s.period_start): s for s in Snapshot.objects.filter(
        indicator=item.code, frozen=False, team__isnull=True,
        period_start__in=[period.start for period in figures])}
    changed, new = [], []
    for period, figure in figures.items():
        snap = existing.get((period.kind, period.start))
        values = {"numerator": figure.numerator, "denominator": figure.denominator,
                  "gap": figure.gap, "source": Snapshot.Source.COMPUTED, "worked_out_at": now}
        if snap is None:
            new.append(Snapshot(indicator=item.code, period_kind=period.kind,
                                period_start=period.start, frozen=False, **values))
        else:
            for name, value in values.items():
                setattr(snap, name, value)
            changed.append(snap)
    Snapshot.objects.bulk_create(new, batch_size=1000)
    Snapshot.objects.bulk_update(changed, ["numerator", "denominator", "gap", "source",
                                           "worked_out_at"], batch_size=1000)
    return len(new) + len(changed)


def _replace_team_figures(item: Indicator, periods, by_team) -> None:
    """Teams' figures are working figures only (managers' dashboards, never frozen): each
    compute replaces them for the periods it covers."""
    for kind in {period.kind for period in periods}:
        Snapshot.objects.filter(indicator=item.code, team__isnull=False, period_kind=kind,
                                period_start__in=[period.start for period in periods
                                                  if period.kind == kind]).delete()
    now = clock.now()
    Snapshot.objects.bulk_create([
        Snapshot(indicator=item.code, period_kind=period.kind, period_start=period.start,
                 team_id=team_id, frozen=False, numerator=figure.numerator,
                 denominator=figure.denominator, source=Snapshot.Source.COMPUTED,
                 worked_out_at=now)
        for (period, team_id), figure in by_team.items()], batch_size=2000)


def _amount(value, field: str, what: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise DomainError(f"Enter the {what} as a number, like 25.27", field=field) from None
    if not number.is_finite() or number < 0 or number >= AMOUNT_LIMIT:
        raise DomainError(f"Enter the {what} as a number from 0, less than {AMOUNT_LIMIT:,}",
                          field=field)
    if number != round(number, 4):
        raise DomainError(f"Enter the {what} with at most 4 decimal places", field=field)
    return number


@transaction.atomic
def figure_enter(*, code: str, period: p.Period, numerator, denominator, note: str,
                 actor=None, system_job: str = "") -> Snapshot:
    """A figure Hearth cannot compute (another service holds it), for one period."""
    item = indicator(code)
    if item.is_computed:
        raise DomainError(f"{item.code} is computed from the records: it cannot be entered "
                          "by hand", field="indicator")
    if period.start > clock.today():
        raise DomainError("Choose a period that has started", field="period")
    numerator = _amount(numerator, "numerator", "numerator")
    denominator = _amount(denominator, "denominator", "denominator")
    if denominator == 0:
        raise DomainError("The denominator cannot be 0", field="denominator")
    if item.unit == "percent" and numerator > denominator:
        raise DomainError("The numerator cannot be more than the denominator for a "
                          "percentage", field="numerator")
    if not note.strip():
        raise DomainError("Enter where the figure comes from", field="note")
    snap, _ = Snapshot.objects.update_or_create(
        indicator=item.code, period_kind=period.kind, period_start=period.start, frozen=False,
        team=None, defaults={"numerator": numerator, "denominator": denominator, "gap": "",
                  "source": Snapshot.Source.ENTERED, "note": note.strip(),
                  "entered_by": actor if actor is not None and actor.is_authenticated else None,
                  "worked_out_at": clock.now()})
    Auditor(actor, system_job=system_job).record("FIGURE_ENTERED", snap, detail={
        "indicator": item.code, "period": period.slug, "numerator": str(numerator),
        "denominator": str(denominator)})
    return snap


@transaction.atomic
def quarter_freeze(*, quarter: p.Period, actor) -> int:
    """Keep this quarter's figures as the committee is sent them. Recomputing later changes
    only the working figures, so the difference shows."""
    if quarter.kind != p.QUARTER:
        raise DomainError("Only a quarter's figures are frozen", field="period")
    if quarter.end >= clock.today():
        raise DomainError("A quarter can be frozen once it has ended", field="period")
    authority_wide = Snapshot.objects.filter(team__isnull=True, period_kind=p.QUARTER,
                                             period_start=quarter.start)
    if authority_wide.filter(frozen=True).exists():
        raise DomainError(f"{quarter.label} was frozen already", field="period")
    working = list(authority_wide.filter(frozen=False))
    if not working:
        raise DomainError(f"There are no figures for {quarter.label} yet: compute them first",
                          field="period")
    now = clock.now()
    frozen = []
    for snap in working:
        snap.pk = None
        snap.frozen, snap.frozen_at, snap.frozen_by = True, now, actor
        frozen.append(snap)
    Snapshot.objects.bulk_create(frozen)
    Auditor(actor).record("QUARTER_FROZEN", detail={"quarter": quarter.slug,
                                                    "figures": len(frozen)})
    return len(frozen)


@transaction.atomic
def commentary_save(*, code: str, quarter: p.Period, performance: str, assurance: str,
                    impact: str, actor) -> ExceptionCommentary:
    """Draft or change the commentary. Changing approved commentary sends it back to draft:
    the director approves what the committee will read."""
    item = indicator(code)
    texts = {"performance": performance.strip(), "assurance": assurance.strip(),
             "impact": impact.strip()}
    headings = {"performance": "what the data is telling us",
                "assurance": "the evidence that actions are in place",
                "impact": "the issues and risks for service delivery"}
    for name, text in texts.items():
        if not text:
            raise DomainError(f"Enter {headings[name]}", field=name)
    row = (ExceptionCommentary.objects.select_for_update()
           .filter(indicator=item.code, quarter_start=quarter.start).first())
    if row is None:
        row = ExceptionCommentary(indicator=item.code, quarter_start=quarter.start)
    for name, text in texts.items():
        setattr(row, name, text)
    row.status = ExceptionCommentary.Status.DRAFT
    row.drafted_by, row.drafted_at = actor, clock.now()
    row.approved_by = row.approved_at = None
    row.save()
    Auditor(actor).record("EXCEPTION_COMMENTARY_SAVED", row,
                          detail={"indicator": item.code, "quarter": quarter.slug})
    return row


@transaction.atomic
def commentary_approve(*, commentary: ExceptionCommentary, actor) -> ExceptionCommentary:
    commentary = ExceptionCommentary.objects.select_for_update().get(pk=commentary.pk)
    if commentary.status == ExceptionCommentary.Status.APPROVED:
        raise DomainError("This commentary is approved already")
    if commentary.drafted_by_id == actor.pk:
        raise DomainError("Commentary is approved by someone other than the officer who "
                          "drafted it")
    commentary.status = ExceptionCommentary.Status.APPROVED
    commentary.approved_by, commentary.approved_at = actor, clock.now()
    commentary.save(update_fields=["status", "approved_by", "approved_at"])
    Auditor(actor).record("EXCEPTION_COMMENTARY_APPROVED", commentary,
                          detail={"indicator": commentary.indicator,
                                  "quarter": str(commentary.quarter_start)})
    return commentary
