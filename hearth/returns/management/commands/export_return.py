"""Writes a statutory return from Hearth's records.

    manage.py export_return cin --year 2025 --output cin-2025-26.xml [--validate]
    manage.py export_return 903 --year 2025 --out DIR [--validate]
    manage.py export_return annex_a --as-at 2026-03-27 --out annex-a.xlsx

The 903 is a set of CSV files: DIR/2025-26/*.csv for the year and DIR/2024-25/*.csv for the
year before (the validator checks a return against last year's).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.returns import services
from hearth.returns.annex_a import build as annex_a_build
from hearth.returns.management.commands import _common
from hearth.returns.management.commands.validate_return import print_outcome

SYSTEM_JOB = "export_return"


class Command(BaseCommand):
    help = ("Export a statutory return: the children in need census XML or the SSDA903 CSV "
            "files for a collection year, or Ofsted's Annex A workbook as at a date.")

    def add_arguments(self, parser):
        _common.add_arguments(parser)
        parser.add_argument("--output", "--out", required=True, type=Path,
                            help="cin: the XML file to write; 903: the folder to write the "
                                 "CSV files in; annex_a: the workbook to write")
        parser.add_argument("--validate", action="store_true",
                            help="Also run the DfE rules on what was written (cin and 903)")

    def handle(self, *args, return_name: str, year: int | None, output: Path, validate: bool,
               as_at=None, **options):
        _common.check_arguments(return_name, year=year, as_at=as_at)
        if validate and return_name not in _common.VALIDATED:
            raise CommandError(f"--validate is for {' and '.join(_common.VALIDATED)} only")
        if return_name == "annex_a":
            return self._annex_a(as_at, output)
        if validate and not services.validator_installed(return_name):
            raise CommandError("--validate needs the validator: pip install -e '.[returns]'")
        if return_name == "903":
            return self._ssda903(year, output, validate)
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
                start_year=year, system_job=SYSTEM_JOB, tables=tables, build=build,
                rule_progress=_common.rule_printer(self))
            print_outcome(self, build, outcome)

    def _ssda903(self, year: int, out: Path, validate: bool) -> None:
        try:
            build, files = services.ssda903_export(
                start_year=year, system_job=SYSTEM_JOB,
                progress=_common.progress_printer(self, "Built", "were looked after"))
        except services.ReturnNotReady as error:
            raise CommandError(str(error)) from None
        for name, data in files.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(data)
            partial.replace(path)
        self.stdout.write(self.style.SUCCESS(
            f"Wrote the SSDA903 return {build.year.LABEL} for {build.children:,} children "
            f"({build.previous_children:,} in last year's files) to {out}: {len(files)} files "
            f"in {build.seconds['build']:.1f} s"))
        if validate:
            try:
                build, outcome = services.ssda903_validate(
                    start_year=year, system_job=SYSTEM_JOB, build=build,
                    rule_progress=_common.rule_printer(self))
            except services.ReturnNotReady as error:
                raise CommandError(str(error)) from None
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
