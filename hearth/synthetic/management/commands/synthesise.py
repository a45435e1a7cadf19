"""Fill an empty database with a synthetic authority, for demonstrations and benchmarks."""

import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from hearth.people.models import Person
from hearth.synthetic.casework import casework_figures
from hearth.synthetic.generator import DEFAULT_DEMO_PASSWORD, Authority, build_authority
from hearth.synthetic.profiles import PROFILES
from hearth.workingdays.models import BankHoliday


class Command(BaseCommand):
    help = (
        "Build a synthetic local authority (teams, staff, children, families, allocations) "
        "through Hearth's own services. Every person is invented. Refuses to run on a database "
        "that already holds people unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--profile", choices=sorted(PROFILES), default="tiny")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--demo-password",
            default=os.environ.get("HEARTH_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD),
            help="The password of every synthetic member of staff (default: the "
            "HEARTH_DEMO_PASSWORD environment variable, else %(default)s).",
        )
        parser.add_argument(
            "--no-casework", dest="casework", action="store_false",
            help="Build the staff, children and their allocations only: no years of contacts, "
            "referrals, assessments and plans (faster, for trying out a profile).",
        )
        parser.add_argument(
            "--casework-scale", type=float, default=None,
            help="The share of the seeds' yearly referral volume to synthesise (the profile's "
            "own by default: 0.25 for dudley and large, to build in minutes; 1.0 gives the "
            "seeds' rate of about 750 referrals per 10,000 children and takes about 3 times "
            "as long).",
        )
        parser.add_argument(
            "--show-logins", action="store_true",
            help="Build nothing: print one existing login per role (for bin/run on a database "
            "that already holds an authority).",
        )
        parser.add_argument(
            "--replace", action="store_true",
            help="EMPTY EVERY TABLE in the database first (as manage.py flush does: people, "
            "staff accounts, the audit trail, everything), then build.",
        )

    def handle(self, *args, profile: str, seed: int, demo_password: str, replace: bool,
               show_logins: bool = False, casework: bool = True,
               casework_scale: float | None = None, **options):
        if settings.PRODUCTION:
            raise CommandError("Refusing to put synthetic people in a production database.")
        if show_logins:
            self.print_logins(existing_logins(), demo_password)
            return
        if casework_scale is not None and not 0 < casework_scale <= 2:
            raise CommandError("--casework-scale is a share of the seeds' referral volume: "
                               "more than 0 and at most 2.")
        self.make_room(replace=replace)
        chosen = PROFILES[profile]
        self.stdout.write(f"Building the '{chosen.name}' synthetic authority with seed {seed} "
                          f"({chosen.case_holding_workers} case-holding workers)...")
        authority = build_authority(chosen, seed=seed, password=demo_password,
                                    progress=self.progress_printer(), casework=casework,
                                    casework_scale=casework_scale)
        self.summarise(authority, demo_password)
        if connection.vendor == "postgresql":
            # As autovacuum would in time: the planner's statistics for the rows just loaded.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def make_room(self, *, replace: bool) -> None:
        people = Person.objects.count()
        if people and not replace:
            raise CommandError(
                f"The database already holds {people:,} people. Run again with --replace to "
                "empty every table first (people, staff, audit trail: everything), or point "
                "DATABASE_URL at an empty database.")
        if replace:
            had_bank_holidays = BankHoliday.objects.exists()
            self.stdout.write("--replace: emptying every table in the database...")
            call_command("flush", interactive=False, verbosity=0)
            if had_bank_holidays:
                call_command("load_bank_holidays", verbosity=0)

    def progress_printer(self):
        shown: dict[str, int] = {}
        started = time.perf_counter()

        def report(label: str, done: int, total: int) -> None:
            tenth = done * 10 // max(total, 1)
            if shown.get(label) == tenth:
                return
            shown[label] = tenth
            self.stdout.write(f"  {label} {done:,}/{total:,} "
                              f"({time.perf_counter() - started:,.1f} s)")
            self.stdout.flush()

        return report

    def summarise(self, authority: Authority, password: str) -> None:
        self.stdout.write(self.style.SUCCESS(
            f"\nBuilt {authority.local_authority.name} (LA {authority.local_authority.la_code}) "
            f"in {authority.seconds:,.1f} s:"))
        for label, count in authority.counts().items():
            self.stdout.write(f"  {label:<40} {count:>8,}")
        if authority.casework:
            self.summarise_casework(authority)
        self.print_logins(authority.demo_logins, password)

    def summarise_casework(self, authority: Authority) -> None:
        result = authority.casework
        self.stdout.write(f"\nCasework for {result.children:,} children in "
                          f"{result.seconds:,.1f} s ({result.care_seconds:,.1f} s of it "
                          f"recording the care of {result.looked_after:,} children looked "
                          f"after and {result.left_care:,} who left care); over the last "
                          f"{result.years} years, in the seeds' terms:")
        figures = casework_figures(years=result.years,
                                   population=authority.local_authority.population_0_17)
        for label, value in figures.items():
            self.stdout.write(f"  {label:<40} {value:>8,}")

    def print_logins(self, users, password: str) -> None:
        self.stdout.write(f"\nDemo logins (every synthetic member of staff has the password "
                          f"'{password}'):")
        rows = [(u.username, u.get_role_display(), str(u.team)) for u in users]
        widths = [max(len(r[i]) for r in [("Username", "Role", "Team"), *rows])
                  for i in range(3)]
        for row in [("Username", "Role", "Team"), *rows]:
            cells = (v.ljust(w) for v, w in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())


def existing_logins() -> list:
    """One active member of staff per role, busiest team first, from the database."""
    from hearth.accounts.models import User
    from hearth.accounts.roles import Role

    chosen = []
    for role in Role.values:
        user = (User.objects.filter(role=role, is_active=True).select_related("team")
                .order_by("team__name", "username").first())
        if user is not None:
            chosen.append(user)
    return chosen
