"""Benchmark Hearth's busiest pages on a synthetic authority, on SQLite and PostgreSQL.

    .venv/bin/python tools/bench.py [--profiles dudley large] [--databases sqlite postgres]
                                    [--requests 60] [--seed 1] [--reuse]

For each profile and database: build a fresh authority (migrate + `manage.py synthesise`, in a
subprocess with DATABASE_URL pointing at a new SQLite file under bench-results/ or a new
PostgreSQL database hearth_bench_<profile>), then, in another subprocess, drive Django in-process
with django.test.Client and time the child record page, people search and team lists as a
social worker of a busy team; My work as that worker, the team worklist (plain and filtered to
overdue tasks) as the manager of the team with the most open tasks and the service worklist as
a service manager; the MASH queue (plain, and filtered to red contacts) as a front door worker;
and the teams overview as a performance analyst; the permanence and PLO trackers, the IRO
caseload, the care leavers list and the missing children report (casework_ii_pages). With
--browser, also the time to usable of the child record, My work and the MASH queue in headless
Chromium (tools/browser_timings.py).
Prints a table and writes bench-results/bench.json. Target: p95 under 100 ms on the large
profile with PostgreSQL.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
TARGET_P95_MS = 100.0
WARM_UP = 2


# ---- The parent: build each authority, then measure it in a fresh process -----------------


def main() -> int:
    args = parse_args()
    if args.measure:
        print(json.dumps(measure(requests=args.requests, seed=args.seed)))
        return 0
    RESULTS.mkdir(exist_ok=True)
    runs = [run_one(profile, database, args) for profile in args.profiles
            for database in args.databases]
    print_table(runs)
    report = {"measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "requests_per_page": args.requests, "seed": args.seed,
              "target": f"p95 < {TARGET_P95_MS:.0f} ms on large/postgres", "runs": runs}
    (RESULTS / "bench.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nWritten to {RESULTS / 'bench.json'}")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", nargs="+", default=["dudley", "large"])
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"],
                        default=["sqlite", "postgres"])
    parser.add_argument("--requests", type=int, default=60, help="requests per page measured")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL",
                                                                 DEFAULT_POSTGRES),
                        help="a server to create the bench databases on (default %(default)s)")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the database left by an earlier run instead of rebuilding")
    parser.add_argument("--browser", action="store_true",
                        help="also time the child record, My work and the MASH queue in "
                             "headless Chromium (tools/browser_timings.py)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_one(profile: str, database: str, args: argparse.Namespace) -> dict:
    run: dict = {"profile": profile, "database": database}
    print(f"\n=== {profile} on {database} ===", flush=True)
    url, problem = database_url(profile, database, args)
    if url is None:
        print(f"Skipped: {problem}")
        return run | {"skipped": problem}
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0"}
    try:
        if not args.reuse:
            run |= build(env, profile=profile, seed=args.seed)
        print(f"Measuring {args.requests} requests per page...", flush=True)
        run |= measure_in_subprocess(env, requests=args.requests, seed=args.seed)
        if args.browser:
            run["browser"] = browser_timings(url)
        return run
    except subprocess.CalledProcessError as error:
        print(f"Failed: {error}")
        return run | {"failed": f"{' '.join(error.cmd[1:])} exited with {error.returncode}"}


def database_url(profile: str, database: str,
                 args: argparse.Namespace) -> tuple[str | None, str]:
    if database == "sqlite":
        path = RESULTS / f"bench-{profile}.sqlite3"
        if not args.reuse:
            for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                stale.unlink(missing_ok=True)
        return f"sqlite:///{path}", ""
    return postgres_database(f"hearth_bench_{profile}", args.postgres_url, fresh=not args.reuse)


def postgres_database(name: str, server_url: str, *, fresh: bool) -> tuple[str | None, str]:
    """A new, empty PostgreSQL database called `name`, or None and why not."""
    try:
        import psycopg
        from psycopg import sql
    except ImportError:
        return None, "psycopg is not installed"
    try:
        with psycopg.connect(server_url, autocommit=True, connect_timeout=3) as connection:
            if fresh:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)))
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        return None, f"PostgreSQL not reachable at {server_url}: {str(error).strip()}"
    return server_url.rsplit("/", 1)[0] + f"/{name}", ""


def manage(env: dict, *args: str) -> None:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own command


def build(env: dict, *, profile: str, seed: int) -> dict:
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v0")
    migrated = time.perf_counter()
    manage(env, "synthesise", "--profile", profile, "--seed", str(seed))
    finished = time.perf_counter()
    print(f"Generation took {finished - migrated:,.1f} s (migrate {migrated - started:,.1f} s)")
    return {"migrate_seconds": round(migrated - started, 1),
            "generation_seconds": round(finished - migrated, 1)}


def browser_timings(url: str) -> dict:
    """Time to usable in Chromium, or why it was not measured."""
    command = [sys.executable, str(ROOT / "tools" / "browser_timings.py"), url]
    done = subprocess.run(command, cwd=ROOT, check=False,  # noqa: S603 - our own script
                          stdout=subprocess.PIPE, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"skipped": lines[-1] if lines else f"exit {done.returncode}"}
    print("\n".join(lines[:-1]), flush=True)
    return json.loads(lines[-1])


def measure_in_subprocess(env: dict, *, requests: int, seed: int) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--measure",
               "--requests", str(requests), "--seed", str(seed)]
    done = subprocess.run(command, cwd=ROOT, env=env, check=True,  # noqa: S603 - this script
                          stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- The child: Django in-process ------------------------------------------------------------


def measure(*, requests: int, seed: int) -> dict:
    import logging
    import random
    import warnings

    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic needed
    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the expected 403 is logged
    rng = random.Random(seed)
    worker, analyst = bench_users()
    pages = [
        *worker_pages(worker, rng, requests),
        *worklist_pages(worker, requests),
        timed("teams overview", analyst, [("/teams/", None)] * requests),
        *casework_ii_pages(requests),
    ]
    return {"database_counts": database_counts(), "worker": worker.username,
            "worker_team": str(worker.team), "analyst": analyst.username,
            "pages": pages, "checks": checks(worker, analyst)}


def bench_users():
    from django.db.models import Count, Q

    from hearth.accounts.models import User

    current = Q(allocations__end_date__isnull=True)
    worker = (User.objects.filter(role="social_worker", team__holds_cases=True)
              .annotate(children=Count("allocations", filter=current))
              .order_by("-children", "username").first())
    analyst = User.objects.filter(role="performance_analyst").order_by("username").first()
    return worker, analyst


def worker_pages(worker, rng, requests: int) -> list[dict]:
    from hearth.accounts.models import Team
    from hearth.people.models import Person
    from hearth.synthetic.names import misspelt

    children = list(Person.objects.filter(is_child=True, is_restricted=False)
                    .order_by("pk").values_list("uuid", "first_name", "last_name"))
    sample = rng.sample(children, min(requests, len(children)))
    names = [rng.choice(children) for _ in range(requests)]
    teams = list(Team.objects.filter(holds_cases=True).order_by("pk").values_list("pk",
                                                                                  flat=True))
    return [
        timed("child record", worker, [(f"/people/{uuid}/", None) for uuid, _f, _l in sample]),
        timed("search: surname", worker, [("/people/", {"q": last}) for _u, _f, last in names]),
        timed("search: full name", worker,
              [("/people/", {"q": f"{first} {last}"}) for _u, first, last in names]),
        timed("search: misspelt name", worker,
              [("/people/", {"q": f"{first} {misspelt(rng, last)}"})
               for _u, first, last in names]),
        timed("team list", worker,
              [(f"/teams/{teams[i % len(teams)]}/", None) for i in range(requests)]),
    ]


def worklist_pages(worker, requests: int) -> list[dict]:
    """My work, the busiest team's worklist, the service's, and the MASH queue: each list's
    first page, sorted by due date (or RAG and time left), with its counts."""
    from django.db.models import Count, Q

    from hearth.accounts.models import Team, User

    open_tasks = Q(statutory_tasks__closed_on__isnull=True,
                   statutory_tasks__cancelled=False)
    busiest = (Team.objects.filter(holds_cases=True)
               .annotate(tasks=Count("statutory_tasks", filter=open_tasks))
               .order_by("-tasks", "pk").first())
    manager = User.objects.filter(team=busiest, role="team_manager").order_by("username").first()
    head = User.objects.filter(role="service_manager").order_by("username").first()
    front_door = (User.objects.filter(team__service=Team.Service.FRONT_DOOR,
                                      role="social_worker").order_by("username").first()
                  or worker)
    pages = [
        timed("My work", worker, [("/work/", None)] * requests),
        timed("team worklist", manager, [("/work/team/", None)] * requests),
        timed("team worklist: overdue", manager,
              [("/work/team/", {"status": "overdue"})] * requests),
        timed("service worklist", head, [("/work/service/", None)] * requests),
        timed("MASH queue", front_door, [("/front-door/", None)] * requests),
        timed("MASH queue: red", front_door, [("/front-door/", {"rag": "red"})] * requests),
    ]
    return pages


def casework_ii_pages(requests: int) -> list[dict]:
    """The children in care trackers (issue 4): the permanence and PLO trackers as a service
    manager, the IRO view as the IRO with the most looked-after children, the care leavers list
    as a personal adviser and the missing children report."""
    from django.db.models import Count, Q

    from hearth.accounts.models import Team, User

    head = User.objects.filter(role="service_manager").order_by("username").first()
    iro = (User.objects.filter(role="iro")
           .annotate(children=Count("iro_periods", filter=Q(iro_periods__ended_on__isnull=True)))
           .order_by("-children", "username").first())
    adviser = (User.objects.filter(team__service=Team.Service.CARE_LEAVERS,
                                   role="social_worker").order_by("username").first()
               or head)
    return [
        timed("permanence tracker", head, [("/permanence/tracker/", None)] * requests),
        timed("PLO tracker", head, [("/court/plo-tracker/", None)] * requests),
        timed("IRO caseload", iro, [("/care/iro-caseload/", None)] * requests),
        timed("care leavers", adviser, [("/leaving-care/", None)] * requests),
        timed("missing children report", head, [("/missing/report/", None)] * requests),
    ]


def timed(page: str, user, requests: list[tuple[str, dict | None]]) -> dict:
    """Times each request (server time, in-process) and counts its queries."""
    from collections import Counter

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)  # a 500 is reported, not raised
    client.force_login(user)
    for url, data in requests[:WARM_UP]:
        client.get(url, data)
    times, queries, statuses = [], [], Counter()
    for url, data in requests:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, data)
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
        statuses[str(response.status_code)] += 1
    return {"page": page, "user": user.get_role_display(), "requests": len(times),
            "median_ms": round(statistics.median(times), 1), "p95_ms": round(p95(times), 1),
            "max_ms": round(max(times), 1), "queries_median": statistics.median(queries),
            "queries_max": max(queries), "statuses": dict(statuses)}


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def checks(worker, analyst) -> dict:
    """Query counts must not grow with the rows a list shows; analysts see no child records."""
    from django.db.models import Count, Q

    from hearth.accounts.models import Team
    from hearth.people.models import Person

    teams = list(Team.objects.filter(holds_cases=True).annotate(
        held=Count("allocations", filter=Q(allocations__end_date__isnull=True),
                   distinct=True)).filter(held__gt=0).order_by("held", "pk"))
    small, large = teams[0], teams[-1]
    last_page = (small.held - 1) // 50 + 1
    small_rows = small.held - 50 * (last_page - 1)
    small_queries = queries_for(worker, f"/teams/{small.pk}/?page={last_page}")
    large_queries = queries_for(worker, f"/teams/{large.pk}/")
    child = Person.objects.filter(is_child=True, is_restricted=False).order_by("pk").first()
    return {
        "team_list_small": {"team": small.name, "rows_shown": small_rows,
                            "queries": small_queries},
        "team_list_large": {"team": large.name, "rows_shown": min(large.held, 50),
                            "queries": large_queries},
        "team_list_queries_constant": small_queries == large_queries,
        "analyst_child_record_status": status_for(analyst, f"/people/{child.uuid}/"),
    }


def queries_for(user, url: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)  # a 500 is reported, not raised
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def status_for(user, url: str) -> int:
    from django.test import Client

    client = Client(raise_request_exception=False)  # a 500 is reported, not raised
    client.force_login(user)
    return client.get(url).status_code


def database_counts() -> dict:
    from hearth.accounts.models import User
    from hearth.cases.models import Allocation, StatutoryTask
    from hearth.frontdoor.models import Contact
    from hearth.people.models import Person

    return {"children": Person.objects.filter(is_child=True).count(),
            "adults": Person.objects.filter(is_child=False).count(),
            "open allocations": Allocation.objects.filter(end_date__isnull=True).count(),
            "staff": User.objects.filter(is_active=True).count(),
            "contacts": Contact.objects.count(),
            "open contacts": Contact.objects.filter(decided_at__isnull=True).count(),
            "open statutory tasks": StatutoryTask.objects.open().count()}


# ---- The report --------------------------------------------------------------------------


def print_table(runs: list[dict]) -> None:
    header = ("profile", "database", "page", "user", "n", "median ms", "p95 ms", "max ms",
              "queries", "status")
    rows = [header]
    for run in runs:
        for page in run.get("pages", []):
            rows.append((run["profile"], run["database"], page["page"], page["user"],
                         str(page["requests"]), f"{page['median_ms']:.1f}",
                         flag(page["p95_ms"]), f"{page['max_ms']:.1f}",
                         f"{page['queries_median']:g}/{page['queries_max']}",
                         ",".join(f"{k}x{v}" for k, v in page["statuses"].items())))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    print()
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print()
    for run in runs:
        print(summary_line(run))
    for run in runs:
        if "browser" in run:
            print(browser_line(run))


def browser_line(run: dict) -> str:
    name = f"{run['profile']}/{run['database']}"
    browser = run["browser"]
    if "skipped" in browser:
        return f"{name} in Chromium: skipped ({browser['skipped']})"
    pages = "; ".join(f"{page} {marks['interactive']:.0f} ms to interactive, "
                      f"{marks['load']:.0f} ms to load"
                      for page, marks in browser["pages"].items())
    return f"{name} in Chromium (median of {browser['runs']}): {pages}"


def flag(p95_ms: float) -> str:
    return f"{p95_ms:.1f}" + ("" if p95_ms < TARGET_P95_MS else " !")


def summary_line(run: dict) -> str:
    name = f"{run['profile']}/{run['database']}"
    if "skipped" in run or "failed" in run:
        return f"{name}: {'skipped' if 'skipped' in run else 'FAILED'} " \
               f"({run.get('skipped') or run['failed']})"
    checks = run["checks"]
    built = (f"generated in {run['generation_seconds']:,.1f} s; "
             if "generation_seconds" in run else "")
    small, large = checks["team_list_small"], checks["team_list_large"]
    constant = "constant" if checks["team_list_queries_constant"] else "GROWS"
    return (f"{name}: {built}{run['database_counts']}; team-list queries {constant} "
            f"({small['rows_shown']} rows: {small['queries']}, {large['rows_shown']} rows: "
            f"{large['queries']}); analyst on a child record: "
            f"{checks['analyst_child_record_status']}")


if __name__ == "__main__":
    sys.exit(main())
