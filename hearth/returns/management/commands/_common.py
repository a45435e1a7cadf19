"""What the return commands share: the return's name, its date arguments, progress lines."""

import datetime as dt
from argparse import ArgumentTypeError

from django.core.management.base import CommandError

from hearth.returns import cin, ssda903

# Each return the commands know: what it is, and its module of collection years (None for
# Annex A, which is built as at a date rather than for a collection year).
RETURNS = {
    "cin": ("the children in need census", cin),
    "903": ("the SSDA903 children looked after return", ssda903),
    "annex_a": ("Ofsted's Annex A lists, an Excel workbook", None),
}
VALIDATED = ("cin", "903")  # returns with a validator of the DfE's rules


def as_at_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a date like 2026-03-27") from None


def add_arguments(parser, returns=tuple(RETURNS)) -> None:
    parser.add_argument("return_name", choices=returns, metavar="RETURN",
                        help="Which return: " + "; ".join(
                            f"{name} ({RETURNS[name][0]})" for name in returns))
    parser.add_argument("--year", type=int,
                        help="cin and 903: the collection year's start year: 2025 for 1 April "
                             "2025 to 31 March 2026; 2026 for 1 April 2026 to 31 March 2027 "
                             "(with the census's pre-proceedings module and the 903's DoLo)")
    if "annex_a" in returns:
        parser.add_argument("--as-at", type=as_at_date, dest="as_at",
                            help="annex_a: the as-at date (YYYY-MM-DD); the lists look back "
                                 "6 months from it, 12 for adoption")


def check_arguments(return_name: str, *, year: int | None = None,
                    as_at: dt.date | None = None) -> None:
    """Each return's own required argument, since one command serves them all."""
    what, years = RETURNS[return_name]
    if years is not None:
        if year is None:
            raise CommandError(f"{what[0].upper()}{what[1:]} needs --year, the collection "
                               "year's start year (2025 for 2025 to 2026)")
        check_year(year, return_name)
    elif as_at is None:
        raise CommandError("Annex A needs --as-at, the as-at date as YYYY-MM-DD")


def check_year(year: int, return_name: str = "cin") -> None:
    _, module = RETURNS[return_name]
    try:
        module.for_year(year)
    except cin.UnsupportedYear as error:
        raise CommandError(str(error)) from None


def progress_printer(command, verb: str, what: str = "have an episode of need"):
    def progress(done: int, total: int) -> None:
        if total == 0:
            command.stdout.write(f"{verb}: no children {what} in the year")
        else:
            command.stdout.write(f"{verb}: {done:,} of {total:,} children")

    return progress


def rule_printer(command, every: int = 50):
    """Progress of the validator's rules, on stderr (the outcome is what stdout is for)."""

    def progress(done: int, total: int) -> None:
        if done == total or done % every == 0:
            command.stderr.write(f"Validating: {done:,} of {total:,} rules")

    return progress
