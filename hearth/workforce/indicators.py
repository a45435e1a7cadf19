"""The workforce indicators, computed from the records for a date, for the performance
scorecard to call: each returns (numerator, denominator, value) over social work posts, with
the value rounded as the council publishes it, or None when the denominator is nothing.

| Code | Indicator | Numerator / denominator |
|---|---|---|
| PI.1447 (H-WF-01) | % of agency social workers | agency FTE / FTE in post (2 dp) |
| H-WF-03 | Social work vacancy rate | vacant FTE / established FTE (1 dp) |
| H-WF-04 | Staff turnover, 12 months | permanent leavers / average headcount (1 dp) |
| WF02 (H-WF-05) | Average caseload | children allocated / case-holding FTE (1 dp) |
| H-WF-06 | Case supervision in time | open cases within their frequency / open cases (1 dp) |
"""

import datetime as dt
from decimal import Decimal

from hearth.workforce import rules, selectors

Figure = tuple[Decimal | int, Decimal | int, Decimal | None]


def agency_share(on_date: dt.date) -> Figure:
    """PI.1447 on `on_date`: (agency FTE, FTE in post, %)."""
    figures = selectors.post_figures(on_date)
    return figures.agency_fte, figures.in_post_fte, figures.agency_share


def vacancy_rate(on_date: dt.date) -> Figure:
    figures = selectors.post_figures(on_date)
    return figures.vacant_fte, figures.established_fte, figures.vacancy_rate


def turnover(on_date: dt.date) -> Figure:
    found = selectors.turnover(on_date)
    average = (Decimal(found.headcount_at_start) + Decimal(found.headcount_at_end)) / 2
    return found.leavers, average, found.rate


def average_caseload(on_date: dt.date) -> Figure:
    found = selectors.average_caseload(on_date)
    return found.children, found.fte, found.value


def case_supervision_in_time(on_date: dt.date) -> Figure:
    total = selectors.timeliness_total(selectors.supervision_timeliness(on_date))
    if total is None:
        return 0, 0, None
    return total.in_time, total.open_cases, rules.percent(total.in_time, total.open_cases,
                                                          rules.ONE_PLACE)
