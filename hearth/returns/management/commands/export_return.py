"""Writes a statutory return for a collection year from Hearth's records.

    manage.py export_return cin --year 2025 --output cin-2025-26.xml [--validate]
    manage.py export_return 903 --year 2025 --out DIR [--validate]

The 903 is a set of CSV files: DIR/2025-26/*.csv for the year and DIR/2024-25/*.csv for the
year before (the validator checks a return against last year's).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.returns import services
from hearth.returns.management.commands import _common
from hearth.returns.management.commands.validate_return import print_outcome

SYSTEM_JOB = "export_return"


class Command(BaseCommand):
    help = "Export a statutory return (the CIN census XML, or the SSDA903 CSV files)."

    def add_arguments(self, parser):
        _common.add_arguments(parser)
        parser.add_argument("--output", type=Path, help="cin: the XML file to write")
        parser.add_argument("--out", type=Path, help="903: the folder to write the CSVs in")
        parser.add_argument("--validate", action="store_true",
                            help="Also run the DfE rules on what was written")

    def handle(self, *args, return_name: str, year: int, output: Path | None,
               out: Path | None, validate: bool, **options):
        _common.check_year(year, return_name)
        if validate and not services.validator_installed(return_name):
            raise CommandError("--validate needs the validator: pip install -e '.[returns]'")
        if return_name == "903":
            if out is None:
                raise CommandError("Give the folder to write the 903 files in: --out DIR")
            return self._ssda903(year, out, validate)
        if output is None:
            raise CommandError("Give the file to write the census to: --output FILE")
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("wb") as out_file:
                build, tables = services.cin_census_export(
                    start_year=year, out=out_file, system_job=SYSTEM_JOB, with_tables=validate,
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

    def _ssda903(self, year: int, out: Path, validate: bool) -> None:
        build, files = services.ssda903_export(
            start_year=year, system_job=SYSTEM_JOB,
            progress=_common.progress_printer(self, "Built", "were looked after"))
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
                build, outcome = services.ssda903_validate(start_year=year,
                                                           system_job=SYSTEM_JOB, build=build)
            except services.ReturnNotReady as error:
                raise CommandError(str(error)) from None
            print_outcome(self, build, outcome)
