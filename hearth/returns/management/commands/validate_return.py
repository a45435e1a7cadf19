"""Runs the DfE's rules (Data to Insight's validator) on a return built from Hearth's records and
prints every failure: rule code, error or query, child and message.

    manage.py validate_return cin --year 2025 [--fail-on-errors]
    manage.py validate_return 903 --year 2025 [--fail-on-errors]
"""

from django.core.management.base import BaseCommand, CommandError

from hearth.returns import services
from hearth.returns.management.commands import _common

SYSTEM_JOB = "validate_return"


def print_outcome(command, build, outcome) -> None:
    out = command.stdout
    for failure in outcome.failures:
        where = f" {failure.table}.{','.join(failure.columns)}" if failure.table else ""
        value = f" = {' / '.join(failure.values)}" if any(failure.values) else ""
        child = failure.child_id or "(whole return)"
        out.write(f"{failure.rule_code:>6} {failure.kind:<5} {child:<20} {failure.message}"
                  f"{where}{value}")
    for code, reason in sorted(outcome.crashed.items()):
        out.write(command.style.WARNING(f"Rule {code} crashed inside the validator: {reason}"))
    summary = (f"{build.children:,} children, {outcome.rules_run} rules "
               f"({build.year.RULESET} ruleset): {len(outcome.errors):,} errors, "
               f"{len(outcome.queries):,} queries; built in {build.seconds['build']:.1f} s, "
               f"validated in {build.seconds['validate']:.1f} s")
    style = command.style.SUCCESS if not outcome.errors else command.style.ERROR
    out.write(style(summary))
    caveat = getattr(build.year, "caveat", None)  # the census year's, when it has one
    if caveat and (text := caveat()):
        out.write(command.style.WARNING(f"Caveat: {text}"))


class Command(BaseCommand):
    help = "Validate a statutory return built from the records with the DfE rules."

    def add_arguments(self, parser):
        _common.add_arguments(parser, returns=_common.VALIDATED)
        parser.add_argument("--fail-on-errors", action="store_true",
                            help="Exit with status 1 when any rule reports an error")

    def handle(self, *args, return_name: str, year: int | None, fail_on_errors: bool,
               **options):
        _common.check_arguments(return_name, year=year)
        if not services.validator_installed(return_name):
            raise CommandError("The validator is not installed: pip install -e '.[returns]'")
        try:
            if return_name == "903":
                build, outcome = services.ssda903_validate(
                    start_year=year, system_job=SYSTEM_JOB,
                    progress=_common.progress_printer(self, "Built", "were looked after"),
                    rule_progress=_common.rule_printer(self))
            else:
                build, outcome = services.cin_census_validate(
                    start_year=year, system_job=SYSTEM_JOB,
                    progress=_common.progress_printer(self, "Built"),
                    rule_progress=_common.rule_printer(self))
        except services.ReturnNotReady as error:
            raise CommandError(str(error)) from None
        print_outcome(self, build, outcome)
        if fail_on_errors and outcome.errors:
            raise CommandError(f"{len(outcome.errors)} errors")
