"""Runs the data-quality checks and brings their issues up to date: the nightly job.

    manage.py run_data_quality [--check cin|all] [--as-at 2026-06-15]

Idempotent: a rerun updates the same issues (and resolves those no longer found), and a run of
a check while another is still running is refused. Exits 1 if a check could not run.
"""

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError

from hearth.dataquality import checks, services


class Command(BaseCommand):
    help = "Run the data-quality checks (statutory returns' DfE rules) and update the issues."

    def add_arguments(self, parser):
        parser.add_argument("--check", default="all",
                            help="A check's code (cin) or all (the default)")
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None,
                            help="Check the returns as they stand on this date (YYYY-MM-DD); "
                                 "default today")
        parser.add_argument("--job", default=services.NIGHTLY,
                            help="The name the audit trail and runs page give the run")

    def handle(self, *args, check: str, as_at, job: str, **options):
        if check == "all":
            codes = [c.code for c in checks.all_checks()]
        else:
            try:
                codes = [checks.get(check).code]
            except checks.UnknownCheck as error:
                raise CommandError(str(error)) from None
        failed = []
        started = time.perf_counter()
        for code in codes:
            try:
                run = services.refresh(code, as_at, system_job=job)
            except (checks.CheckUnavailable, services.RunInProgress) as error:
                failed.append(code)
                self.stderr.write(self.style.ERROR(f"{code}: {error}"))
                continue
            self.stdout.write(self.style.SUCCESS(
                f"{code} {run.collection_year}: {run.errors:,} errors, {run.queries:,} queries; "
                f"{run.opened:,} new, {run.reopened:,} found again, {run.still_open:,} still "
                f"open, {run.resolved:,} resolved in {run.seconds:.1f} s"))
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s")
        if failed:
            raise CommandError(f"Could not run: {', '.join(failed)}")
