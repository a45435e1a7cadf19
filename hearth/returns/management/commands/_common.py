"""What the two return commands share: the return's name, the year, and progress lines."""

from django.core.management.base import CommandError

from hearth.returns import cin, ssda903

# Each return's name on the command line, what it is, and its module of collection years.
RETURNS = {
    "cin": ("the children in need census", cin),
    "903": ("the SSDA903 children looked after return", ssda903),
}


def add_arguments(parser) -> None:
    parser.add_argument("return_name", choices=list(RETURNS), metavar="RETURN",
                        help="Which return: " + "; ".join(
                            f"{name} ({what})" for name, (what, _) in RETURNS.items()))
    parser.add_argument("--year", type=int, required=True,
                        help="The collection year's start year: 2025 for 1 April 2025 to "
                             "31 March 2026")


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
