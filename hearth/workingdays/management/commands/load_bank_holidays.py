"""Load the bank holidays in England and Wales into the BankHoliday table. Safe to run again."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.workingdays.models import BankHoliday
from hearth.workingdays.services import DEFAULT_YEARS, bank_holidays_load
from hearth.workingdays.sources import bank_holidays_from_gov_uk_json


class Command(BaseCommand):
    help = (
        "Add any missing bank holidays in England and Wales (from the holidays package, or from "
        "a downloaded copy of https://www.gov.uk/bank-holidays.json). Existing rows are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from-year", type=int, default=DEFAULT_YEARS.start)
        parser.add_argument("--to-year", type=int, default=DEFAULT_YEARS.stop - 1)
        parser.add_argument(
            "--gov-uk-json",
            type=Path,
            help="A downloaded copy of the GOV.UK list to load instead of the holidays package.",
        )

    def handle(self, *args, from_year: int, to_year: int, gov_uk_json: Path | None, **options):
        if from_year > to_year:
            raise CommandError("--from-year must not be after --to-year.")
        years = range(from_year, to_year + 1)
        if gov_uk_json is None:
            added = bank_holidays_load(years=years)
        else:
            added = bank_holidays_load(
                years=years,
                published=_read_gov_uk_list(gov_uk_json),
                source=BankHoliday.Source.GOV_UK_LIST,
            )
        self.stdout.write(
            f"Added {len(added)} bank holiday{'' if len(added) == 1 else 's'} "
            f"for {from_year} to {to_year}."
        )


def _read_gov_uk_list(path: Path) -> dict:
    try:
        return bank_holidays_from_gov_uk_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        raise CommandError(f"Could not read {path}: {error}") from error
