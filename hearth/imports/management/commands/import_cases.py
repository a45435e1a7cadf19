"""Import case histories from a council's previous system (docs/import-format.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.imports.services import ImportResult, case_history_import
from hearth.imports.validation import MAX_BYTES, ImportRefused, Problem, read_file


class Command(BaseCommand):
    help = (
        "Import a case-history file (JSON, format 'hearth-case-history' version 1). The whole "
        "file is checked first and then recorded through Hearth's services in one transaction: "
        "if anything is wrong, every problem is listed with its place in the file and nothing "
        f"is written. Files over {MAX_BYTES // 1024 // 1024} MB are refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true",
                            help="Check and record everything, then roll it all back.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        if not file.is_file():
            raise CommandError(f"There is no file {file}.")
        try:
            data = read_file(file)
        except ImportRefused as refused:
            self.refuse(file, refused.problems)
        result = case_history_import(data, source_name=file.name, dry_run=dry_run)
        if not result.ok:
            self.refuse(file, result.problems, result)
        self.summarise(file, result)

    def refuse(self, file: Path, problems: list[Problem], result: ImportResult | None = None):
        self.stderr.write(f"{file.name}: {len(problems)} problem{'s' if len(problems) != 1 else ''}"
                          "; nothing was imported.")
        for problem in problems:
            self.stderr.write(f"  {problem}")
        if result and result.not_tried:
            self.stderr.write(f"  ({result.not_tried} more events were not tried because an "
                              "event they depend on was refused.)")
        raise CommandError(f"{file.name} was not imported.")

    def summarise(self, file: Path, result: ImportResult) -> None:
        verb = "checked (dry run: nothing was written)" if result.dry_run else "imported"
        self.stdout.write(self.style.SUCCESS(f"{file.name} {verb}:"))
        for name, count in sorted(result.counts.items()):
            self.stdout.write(f"  {name:<24} {count:>8,}")
