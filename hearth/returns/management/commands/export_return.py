"""Writes a statutory return from Hearth's records.

    manage.py export_return cin --year 2025 --output cin-2025-26.xml [--validate]
    manage.py export_return annex_a --as-at 2026-03-27 --out annex-a.xlsx
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.returns import services
from hearth.returns.annex_a import build as annex_a_build
from hearth.returns.management.commands import _common
from hearth.returns.management.commands.validate_return import print_outcome

SYSTEM_JOB = "export_return"


class Command(BaseCommand):
    help = ("Export a statutory return: the children in need census XML for a collection year, "
            "or Ofsted's Annex A workbook as at a date.")

    def add_arguments(self, parser):
        _common.add_arguments(parser)
        parser.add_argument("--output", "--out", required=True, type=Path,
                            help="The file to write")
        parser.add_argument("--validate", action="store_true",
                            help="Also run the DfE rules on what was written (cin only)")

    def handle(self, *args, return_name: str, year: int | None, output: Path, validate: bool,
               as_at=None, **options):
        _common.check_arguments(return_name, year=year, as_at=as_at)
        if validate and return_name not in _common.VALIDATED:
            raise CommandError(f"--validate is for {', '.join(_common.VALIDATED)} only")
        if return_name == "annex_a":
            return self._annex_a(as_at, output)
        if validate and not services.validator_installed():
            raise CommandError("--validate needs the validator: pip install -e '.[returns]'")
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("wb") as out:
                build, tables = services.cin_census_export(
                    start_year=year, out=out, system_job=SYSTEM_JOB, with_tables=validate,
                    progress=_common.progress_printer(self, "Built"))
        except services.ReturnNotReady as error:
            partial.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        partial.replace(output)
        self.stdout.write(self.style.SUCCESS(
            f"Wrote the children in need census {build.year.LABEL} for {build.children:,} "
            f"children to {output} in {build.seconds['build']:.1f} s"))
        if validate:
            build, outcome = services.cin_census_validate(
                start_year=year, system_job=SYSTEM_JOB, tables=tables, build=build)
            print_outcome(self, build, outcome)

    def _annex_a(self, as_at, output: Path) -> None:
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("wb") as out:
                build = annex_a_build.annex_a_export(as_at=as_at, out=out,
                                                     system_job=SYSTEM_JOB)
        except annex_a_build.AnnexANotReady as error:
            partial.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        partial.replace(output)
        for item, window, count, _note in build.summary():
            self.stdout.write(f"{item.title}: {count:,} rows ({window.start} to {window.end}, "
                              f"{build.seconds[item.number]:.2f} s)")
        self.stdout.write(self.style.SUCCESS(
            f"Wrote Ofsted Annex A as at {as_at} ({sum(build.counts.values()):,} rows) to "
            f"{output} in {build.seconds['build'] + build.seconds['write']:.1f} s"))
