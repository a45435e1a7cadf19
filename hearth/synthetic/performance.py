"""The synthetic authority's performance figures: the ones Hearth cannot compute (another
service holds them) entered by hand for each of the last eight quarters, near the seeds'
(seeds/001_e8ea781e93d1811d.txt lines 437-441), then every computed indicator worked out from
the casework just built, so the demo scorecard has figures the moment it opens."""

from __future__ import annotations

import random

from hearth.performance import periods as p
from hearth.performance import services
from hearth.performance.selectors import latest_complete_quarter

SOURCE_NOTE = "Synthetic figure, entered by the synthetic authority generator"


def _quarters(today) -> list[p.Period]:
    last = latest_complete_quarter(today)
    quarters = [last]
    while len(quarters) < 8:
        quarters.append(quarters[-1].previous())
    return list(reversed(quarters))


def entered_figures(rng: random.Random, *, population: int, today,
                    system_job: str) -> int:
    """PI.120 (NEET 16 to 18: cohort about 11% of the 0 to 17 population, 1.3% to 3.2% NEET)
    and PI.2250 (early help closures not stepped up within 6 months: 92% to 96%). PI.1447 is
    computed from the workforce records."""
    cohort = max(50, round(population * 0.11))
    closures = max(40, round(population * 0.024))
    written = 0
    for quarter in _quarters(today):
        neet = round(cohort * rng.uniform(0.013, 0.032))
        stayed_out = round(closures * rng.uniform(0.92, 0.965))
        for code, numerator, denominator in [("PI.120", neet, cohort),
                                             ("PI.2250", stayed_out, closures)]:
            services.figure_enter(code=code, period=quarter, numerator=numerator,
                                  denominator=denominator, note=SOURCE_NOTE,
                                  system_job=system_job)
            written += 1
    return written


def build_figures(rng: random.Random, *, population: int, today, system_job: str) -> int:
    written = entered_figures(rng, population=population, today=today, system_job=system_job)
    return written + services.figures_compute(
        periods=services.reporting_periods(years=3, today=today), system_job=system_job)
