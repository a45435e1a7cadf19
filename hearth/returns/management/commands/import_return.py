"""Builds Hearth records from a council's previous statutory return (migration).

    manage.py import_return cin FILE.xml --team NAME --chair USERNAME --authoriser USERNAME
                            [--dry-run]

The whole file is checked first; any problem refuses it, listed with its XML line, and nothing
is written. A dry run checks and records everything, reports the counts, and rolls it back.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.returns.cin import importer


class Command(BaseCommand):
    help = ("Import a children in need census XML file from a previous system into Hearth, "
            "all or nothing (hearth/returns/cin/importer.py).")

    def add_arguments(self, parser):
        parser.add_argument("return_name", choices=("cin",), metavar="RETURN",
                            help="Which return: cin (the children in need census)")
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true",
                            help="Check and record everything, then roll it all back.")
        parser.add_argument("--team", default="",
                            help="The team that will hold the children with an open episode")
        parser.add_argument("--chair", default="",
                            help="Username of the chair recorded for the file's child "
                                 "protection conferences (an independent reviewing officer)")
        parser.add_argument("--authoriser", default="",
                            help="Username of the manager recorded as authorising the file's "
                                 "assessments")

    def handle(self, *args, return_name: str, file: Path, dry_run: bool, team: str, chair: str,
               authoriser: str, **options):
        if not file.is_file():
            raise CommandError(f"There is no file {file}.")
        result = importer.import_file(
            file, dry_run=dry_run,
            defaults=importer.Defaults(team=team, chair=chair, authoriser=authoriser))
        if not result.ok:
            count = len(result.problems)
            self.stderr.write(f"{file.name}: {count} problem{'s' if count != 1 else ''}; "
                              "nothing was imported.")
            for problem in result.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{file.name} was not imported.")
        verb = "checked (dry run: nothing was written)" if dry_run else "imported"
        self.stdout.write(self.style.SUCCESS(
            f"{file.name} ({result.year_label} census, {result.children:,} children) {verb}:"))
        for name, count in sorted(result.counts.items()):
            self.stdout.write(f"  {name:<24} {count:>8,}")
        for note in result.notes:
            self.stdout.write(f"  Note: {note}")
