"""Builds Hearth records from a council's previous statutory return (migration).

    manage.py import_return cin FILE.xml --team NAME --chair USERNAME --authoriser USERNAME
                            [--dry-run]
    manage.py import_return 903 DIR [--year 2025] --team NAME --chair USERNAME
                            [--workers FILE.csv] [--dry-run]

The whole return is checked first; any problem refuses it, listed with its line (the XML line,
or the CSV file and line), and nothing is written. A dry run checks and records everything,
reports the counts, and rolls it back.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.returns.cin import importer
from hearth.returns.ssda903 import importer as importer_903


class Command(BaseCommand):
    help = ("Import a previous system's return into Hearth, all or nothing: a children in need "
            "census XML file (cin, hearth/returns/cin/importer.py) or a folder of SSDA903 CSV "
            "files (903, hearth/returns/ssda903/importer.py).")

    def add_arguments(self, parser):
        parser.add_argument("return_name", choices=("cin", "903"), metavar="RETURN",
                            help="Which return: cin (the children in need census, a file) or "
                                 "903 (the SSDA903 children looked after return, a folder of "
                                 "its CSV files)")
        parser.add_argument("file", type=Path, metavar="PATH",
                            help="The census XML file (cin), or the folder of CSV files (903)")
        parser.add_argument("--dry-run", action="store_true",
                            help="Check and record everything, then roll it all back.")
        parser.add_argument("--year", type=int, default=2025,
                            help="903 only: the collection year's first year (2025 for 2025 "
                                 "to 2026)")
        parser.add_argument("--team", default="",
                            help="The team that will hold the children with an open episode "
                                 "(of need, or of care)")
        parser.add_argument("--chair", default="",
                            help="Username of the chair recorded for the file's child "
                                 "protection conferences (cin) or looked-after reviews (903): "
                                 "an independent reviewing officer")
        parser.add_argument("--workers", type=Path, default=None, metavar="FILE",
                            help="903 only: a CSV of SW_ID and USERNAME naming the social "
                                 "worker in Hearth for each SW_ID of the return's SWEpisodes, "
                                 "which then become the children's allocations (without it "
                                 "they are counted, not imported)")
        parser.add_argument("--authoriser", default="",
                            help="cin only: username of the manager recorded as authorising "
                                 "the file's assessments")

    def handle(self, *args, return_name: str, file: Path, dry_run: bool, team: str, chair: str,
               authoriser: str, year: int, workers: Path | None = None, **options):
        if return_name == "903":
            if not file.is_dir():
                raise CommandError(f"There is no folder {file}: give the folder holding the "
                                   "return's CSV files.")
            if authoriser:
                raise CommandError("--authoriser is for the children in need census only.")
            result = importer_903.import_folder(file, dry_run=dry_run, start_year=year,
                                                defaults=self._defaults_903(team, chair,
                                                                            workers))
            what = f"{result.year_label} SSDA903 return"
        else:
            if not file.is_file():
                raise CommandError(f"There is no file {file}.")
            result = importer.import_file(
                file, dry_run=dry_run,
                defaults=importer.Defaults(team=team, chair=chair, authoriser=authoriser))
            what = f"{result.year_label} census"
        if not result.ok:
            self._refused(file, result.problems)
        verb = "checked (dry run: nothing was written)" if dry_run else "imported"
        self.stdout.write(self.style.SUCCESS(
            f"{file.name} ({what}, {result.children:,} children) {verb}:"))
        for name, count in sorted(result.counts.items()):
            self.stdout.write(f"  {name:<24} {count:>8,}")
        for note in result.notes:
            self.stdout.write(f"  Note: {note}")

    def _refused(self, file: Path, problems) -> None:
        count = len(problems)
        self.stderr.write(f"{file.name}: {count} problem{'s' if count != 1 else ''}; "
                          "nothing was imported.")
        for problem in problems:
            self.stderr.write(f"  {problem}")
        raise CommandError(f"{file.name} was not imported.")

    def _defaults_903(self, team: str, chair: str, workers: Path | None):
        defaults = importer_903.Defaults(team=team, chair=chair)
        if workers is not None:
            if not workers.is_file():
                raise CommandError(f"There is no file {workers} (--workers).")
            defaults.workers, problems = importer_903.read_workers(workers)
            defaults.workers_file = workers.name
            if problems:
                self._refused(workers, problems)
        return defaults
