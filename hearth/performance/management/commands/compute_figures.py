"""Recompute every computed indicator for each month and quarter of the last few financial
years (run after each day's work by the platform's scheduler: ADR 7). Frozen figures are never
changed."""

import time

from django.core.management.base import BaseCommand, CommandError

from hearth.core import clock
from hearth.performance import services
from hearth.performance.indicators import LIBRARY

JOB = "compute_figures"


class Command(BaseCommand):
    help = "Compute indicator figures from the records for the last few financial years."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=3,
                            help="Financial years to compute, this one included (default 3)")
        parser.add_argument("--indicator", action="append", dest="codes", default=None,
                            help="Only this indicator (repeat for more)")

    def handle(self, *args, years: int, codes, **options):
        if not 1 <= years <= 20:
            raise CommandError("--years is from 1 to 20")
        unknown = [c for c in codes or [] if c not in LIBRARY]
        if unknown:
            raise CommandError(f"No such indicator: {', '.join(unknown)}")
        periods = services.reporting_periods(years=years, today=clock.today())
        started = time.perf_counter()

        def progress(indicator, done, total):
            self.stdout.write(f"  {done}/{total} {indicator.code} "
                              f"({time.perf_counter() - started:.1f} s)")

        written = services.figures_compute(periods=periods, system_job=JOB, codes=codes,
                                           progress=progress)
        self.stdout.write(self.style.SUCCESS(
            f"{written:,} figures for {len(periods)} periods in "
            f"{time.perf_counter() - started:.1f} s"))
