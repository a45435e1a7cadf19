"""What the two return commands share: the return's name, the year, and progress lines."""

from django.core.management.base import CommandError

from hearth.returns import cin

RETURNS = ("cin",)


def add_arguments(parser) -> None:
    parser.add_argument("return_name", choices=RETURNS, metavar="RETURN",
                        help="Which return: cin (the children in need census)")
    parser.add_argument("--year", type=int, required=True,
                        help="The collection year's start year: 2025 for 1 April 2025 to "
                             "31 March 2026; 2026 (with the pre-proceedings module) for 1 April "
                             "2026 to 31 March 2027")


def check_year(year: int) -> None:
    try:
        cin.for_year(year)
    except cin.UnsupportedYear as error:
        raise CommandError(str(error)) from None


def progress_printer(command, verb: str):
    def progress(done: int, total: int) -> None:
        if total == 0:
            command.stdout.write(f"{verb}: no children have an episode of need in the year")
        else:
            command.stdout.write(f"{verb}: {done:,} of {total:,} children")

    return progress
