"""Writes a statutory return for a collection year from Hearth's records.

    manage.py export_return cin --year 2025 --output cin-2025-26.xml [--validate]
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.returns import services
from hearth.returns.management.commands import _common
from hearth.returns.management.commands.validate_return import print_outcome

SYSTEM_JOB = "export_return"


class Command(BaseCommand):
    help = "Export a statutory return (the children in need census XML) for a collection year."

    def add_arguments(self, parser):
        _common.add_arguments(parser)
        parser.add_argument("--output", required=True, type=Path, help="The file to write")
        parser.add_argument("--validate", action="store_true",
                            help="Also run the DfE rules on what was written")

    def handle(self, *args, return_name: str, year: int, output: Path, validate: bool,
               **options):
        _common.check_year(year)
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
