"""Reliability figures, measured on this machine, printed as a table (issue 8).

    .venv/bin/python tools/reliability.py load DATABASE_URL [--users 50] [--spawn-rate 10]
                                               [--minutes 5] [--workers 4]

`load`: Hearth served by gunicorn on a free loopback port against DATABASE_URL (an authority
already built, e.g. by `tools/bench.py --profiles large --databases postgres`, which leaves
postgres://postgres@127.0.0.1:5432/hearth_bench_large), and Locust headless with `--users`
simulated staff (tools/loadtest/locustfile.py: social workers opening records, searching,
reading My work, writing case notes, recording child protection visits and starting
assessments; team managers on their worklists; front door workers on the MASH queue), spawned
at `--spawn-rate` a second, for `--minutes`, then stopped. Prints requests a second, the median,
95th and 99th percentiles and the failures, overall and for each kind of request, and writes
bench-results/load.json. Target on a 2-core machine: 50 users for 5 minutes, no failures, p95
under 300 ms. Every request goes to 127.0.0.1; the run ends by itself.

The load test migrates the database it is given and writes to it (case notes, visits,
assessments, audit events): use a benchmark authority, never a real one. It refuses
HEARTH_ENV=production.
"""

import argparse
import csv
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
BIN = Path(sys.executable).parent
TARGET_P95_MS = 300.0


def main() -> int:
    args = parse_args()
    if os.environ.get("HEARTH_ENV") == "production":
        print("The load test writes to its database: it does not run with HEARTH_ENV=production")
        return 2
    RESULTS.mkdir(exist_ok=True)
    result = load(args)
    print_load(result)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nWritten to {RESULTS / 'load.json'}")
    return 0 if result["verdict"] == "met" else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("load", help="Locust against gunicorn on loopback")
    run.add_argument("database_url")
    run.add_argument("--users", type=int, default=50)
    run.add_argument("--spawn-rate", type=float, default=10)
    run.add_argument("--minutes", type=float, default=5)
    run.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    run.add_argument("--password", default=os.environ.get("HEARTH_DEMO_PASSWORD",
                                                          "hearth-demo-2026"),
                     help="the synthetic staff's demo password")
    return parser.parse_args()


# ---- The load test -------------------------------------------------------------------------


def load(args: argparse.Namespace) -> dict:
    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_DEBUG": "0",
           "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONUNBUFFERED": "1"}
    # The authority may have been built before the latest migrations.
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],  # noqa: S603
                   cwd=ROOT, env=env, check=True)
    plan_file = RESULTS / "load-plan.json"
    plan = load_plan(env, password=args.password, staff=args.users)
    plan_file.write_text(json.dumps(plan))
    port = free_port()
    server_log = RESULTS / "load-server.log"
    with server_log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603 - gunicorn from our own venv
            [str(BIN / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.workers), "--timeout", "60", "--graceful-timeout", "10"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/sign-in/", server, server_log)
        seconds = int(args.minutes * 60)
        started = time.perf_counter()
        subprocess.run(  # noqa: S603 - locust from our own venv, on loopback only
            [str(BIN / "locust"), "-f", str(ROOT / "tools" / "loadtest" / "locustfile.py"),
             "--headless", "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
             "--run-time", f"{seconds}s", "--stop-timeout", "10",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(RESULTS / "load"),
             "--only-summary", "--exit-code-on-error", "0", "--loglevel", "WARNING"],
            cwd=ROOT, env={**env, "HEARTH_LOAD_PLAN": str(plan_file)}, check=True,
            timeout=seconds + 120)
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    rows = read_stats(RESULTS / "load_stats.csv")
    overall = rows.pop("Aggregated")
    met = overall["failures"] == 0 and overall["p95_ms"] < TARGET_P95_MS
    return {"measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": args.database_url.split("@")[-1], "users": args.users,
            "spawn_rate": args.spawn_rate, "seconds": round(elapsed, 1),
            "gunicorn_workers": args.workers, "staff_signed_in": len(plan["social_workers"])
            + len(plan["managers"]) + len(plan["front_door"]),
            "overall": overall, "requests": rows,
            "target": f"no failures and p95 < {TARGET_P95_MS:.0f} ms",
            "verdict": "met" if met else "missed"}


def load_plan(env: dict, *, password: str, staff: int) -> dict:
    """Who signs in and which of their children they open, visit and assess (synthetic)."""
    script = f"""
import json, django
django.setup()
from django.db.models import Count, Q
from hearth.accounts.models import Team, User
from hearth.cases.models import Allocation
from hearth.core import clock
from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.protection.models import ChildProtectionPlan

current = Q(allocations__end_date__isnull=True)
workers = list(User.objects.filter(role="social_worker", is_active=True, team__holds_cases=True)
               .annotate(children=Count("allocations", filter=current))
               .filter(children__gt=0).order_by("-children", "username")[:{staff}])
on_plans = set(ChildProtectionPlan.objects.filter(end_date__isnull=True)
               .values_list("child_id", flat=True))
waiting = set(Referral.objects.filter(closed_on__isnull=True, no_further_action=False)
              .annotate(n=Count("assessments")).filter(n=0).values_list("child_id", flat=True))
social_workers, assessable = [], []
for worker in workers:
    allocated = list(Allocation.objects.current().filter(worker=worker, child__is_restricted=False)
                     .values_list("child_id", "child__uuid"))
    social_workers.append({{"username": worker.username, "team": worker.team_id,
        "children": [str(u) for _, u in allocated],
        "cp_children": [str(u) for c, u in allocated if c in on_plans]}})
    assessable += [str(u) for c, u in allocated if c in waiting]
managers = [{{"username": u.username, "team": u.team_id}} for u in
            User.objects.filter(role="team_manager", is_active=True, team__holds_cases=True)
            .order_by("username")[:{staff}]]
door = [{{"username": u.username}} for u in
        User.objects.filter(role="social_worker", is_active=True,
                            team__service=Team.Service.FRONT_DOOR).order_by("username")] or \\
       [{{"username": w["username"]}} for w in social_workers[:3]]
surnames = sorted(set(Person.objects.filter(is_child=True, is_restricted=False)
                      .values_list("last_name", flat=True)[:400]))
print(json.dumps({{"password": {password!r}, "today": clock.today().isoformat(),
                  "social_workers": social_workers, "managers": managers, "front_door": door,
                  "surnames": surnames, "assessable_children": assessable}}))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,  # noqa: S603
                          check=True, stdout=subprocess.PIPE, text=True)
    plan = json.loads(done.stdout.strip().splitlines()[-1])
    if not plan["social_workers"] or not plan["managers"]:
        raise SystemExit("The database has no case-holding staff: build an authority first "
                         "(manage.py synthesise)")
    return plan


def read_stats(path: Path) -> dict:
    rows = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["Name"] if row["Type"] else "Aggregated"
            if row["Name"] == "Aggregated":
                name = "Aggregated"
            rows[name] = {
                "method": row["Type"], "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "per_second": round(float(row["Requests/s"]), 1),
                "median_ms": float(row["Median Response Time"] or 0),
                "p95_ms": float(row["95%"] or 0), "p99_ms": float(row["99%"] or 0),
                "max_ms": round(float(row["Max Response Time"] or 0), 1)}
    return rows


def print_load(result: dict) -> None:
    header = ("request", "n", "req/s", "median ms", "p95 ms", "p99 ms", "max ms", "failures")
    table = [header]
    for name, row in sorted(result["requests"].items()) + [("ALL", result["overall"])]:
        table.append((f"{row['method']} {name}".strip(), str(row["requests"]),
                      f"{row['per_second']:.1f}", f"{row['median_ms']:.0f}",
                      f"{row['p95_ms']:.0f}", f"{row['p99_ms']:.0f}", f"{row['max_ms']:.0f}",
                      str(row["failures"])))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print()
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    overall = result["overall"]
    print(f"\n{result['users']} users for {result['seconds']:.0f} s against gunicorn "
          f"({result['gunicorn_workers']} workers) on {result['database']}: "
          f"{overall['per_second']:.1f} requests/s, median {overall['median_ms']:.0f} ms, "
          f"p95 {overall['p95_ms']:.0f} ms, p99 {overall['p99_ms']:.0f} ms, "
          f"{overall['failures']} failures of {overall['requests']}. Target "
          f"({result['target']}): {result['verdict']}.")


# ---- Serving ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url: str, server: subprocess.Popen, log: Path,
                         timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"Hearth stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Hearth did not answer at {url} within {timeout} s")


if __name__ == "__main__":
    sys.exit(main())
