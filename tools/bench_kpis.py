"""Benchmark the indicator library: compute every indicator for every month and quarter of the
last three financial years, then time the scorecard page once the figures exist.

    .venv/bin/python tools/bench_kpis.py [--profile large] [--databases sqlite postgres]
                                         [--requests 30]

It measures the authorities tools/bench.py builds and leaves behind
(bench-results/bench-<profile>.sqlite3 and the PostgreSQL database hearth_bench_<profile>);
build one first with `tools/bench.py --profiles <profile> --databases <database>`. Each
database is measured in a fresh process. Prints a table and writes bench-results/kpis.json.
Targets (issue 6): everything computed in under 10 s; the scorecard page p95 under 300 ms.
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
TARGET_COMPUTE_S, TARGET_PAGE_MS = 10.0, 300.0


def main() -> int:
    args = parse_args()
    if args.measure:
        print(json.dumps(measure(requests=args.requests)))
        return 0
    runs = []
    for database in args.databases:
        url, problem = database_url(args.profile, database, args.postgres_url)
        print(f"\n=== {args.profile} on {database} ===", flush=True)
        if url is None:
            print(f"Skipped: {problem}")
            runs.append({"database": database, "skipped": problem})
            continue
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0"}
        command = [sys.executable, str(Path(__file__).resolve()), "--measure",
                   "--requests", str(args.requests)]
        done = subprocess.run(command, cwd=ROOT, env=env, check=True,  # noqa: S603 - this script
                              stdout=subprocess.PIPE, text=True)
        runs.append({"database": database} | json.loads(done.stdout.strip().splitlines()[-1]))
    print_table(args.profile, runs)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "kpis.json").write_text(json.dumps({
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile": args.profile, "runs": runs}, indent=2) + "\n")
    print(f"\nWritten to {RESULTS / 'kpis.json'}")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default="large")
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"],
                        default=["sqlite", "postgres"])
    parser.add_argument("--requests", type=int, default=30, help="scorecard requests timed")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL",
                                                                 DEFAULT_POSTGRES))
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def database_url(profile: str, database: str, server_url: str) -> tuple[str | None, str]:
    if database == "sqlite":
        path = RESULTS / f"bench-{profile}.sqlite3"
        if not path.exists():
            return None, f"{path} does not exist: build it with tools/bench.py first"
        return f"sqlite:///{path}", ""
    try:
        import psycopg
        with psycopg.connect(server_url.rsplit("/", 1)[0] + f"/hearth_bench_{profile}",
                             connect_timeout=3):
            pass
    except Exception as error:  # noqa: BLE001 - any reason to skip is reported
        return None, f"hearth_bench_{profile} is not reachable: {str(error).strip()[:200]}"
    return server_url.rsplit("/", 1)[0] + f"/hearth_bench_{profile}", ""


# ---- The child: Django in-process ------------------------------------------------------------


def measure(*, requests: int) -> dict:
    import logging
    import warnings

    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)

    from django.core.management import call_command

    from hearth.core import clock
    from hearth.performance import services
    from hearth.performance.indicators import LIBRARY

    call_command("migrate", "--noinput", verbosity=0)  # the performance tables, if new
    periods = services.reporting_periods(years=3, today=clock.today())
    per_indicator = {}
    last = [time.perf_counter()]

    def progress(indicator, done, total):
        now = time.perf_counter()
        per_indicator[indicator.code] = round(now - last[0], 3)
        last[0] = now

    started = time.perf_counter()
    written = services.figures_compute(periods=periods, system_job="bench_kpis",
                                       progress=progress)
    compute_seconds = time.perf_counter() - started
    return {"periods": len(periods), "indicators": sum(i.is_computed for i in LIBRARY.values()),
            "figures": written, "compute_seconds": round(compute_seconds, 2),
            "per_indicator_seconds": per_indicator,
            "scorecard": scorecard_timings(requests)}


def scorecard_timings(requests: int) -> dict:
    from django.test import Client

    from hearth.accounts.models import User

    user = User.objects.filter(role="team_manager", is_active=True).order_by("username").first()
    client = Client()
    client.force_login(user)
    timings = {}
    for label, url in [("corporate scorecard", "/performance/scorecard/"),
                       ("every indicator", "/performance/scorecard/?show=all")]:
        for _ in range(2):
            client.get(url)  # warm up
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code  # noqa: S101
        samples.sort()
        timings[label] = {"median_ms": round(samples[len(samples) // 2], 1),
                          "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 1)}
    return timings


def print_table(profile: str, runs: list[dict]) -> None:
    print(f"\nIndicators on {profile}: every computed indicator, every month and quarter of "
          "three financial years")
    for run in runs:
        if "skipped" in run:
            print(f"  {run['database']:<9} skipped: {run['skipped']}")
            continue
        flag = "ok" if run["compute_seconds"] < TARGET_COMPUTE_S else "OVER TARGET"
        print(f"  {run['database']:<9} {run['figures']:,} figures ({run['indicators']} "
              f"indicators x {run['periods']} periods) in {run['compute_seconds']:.2f} s "
              f"[target < {TARGET_COMPUTE_S:.0f} s: {flag}]")
        slowest = sorted(run["per_indicator_seconds"].items(), key=lambda kv: -kv[1])[:3]
        print("            slowest: " + ", ".join(f"{c} {s:.2f} s" for c, s in slowest))
        for label, figures in run["scorecard"].items():
            flag = "ok" if figures["p95_ms"] < TARGET_PAGE_MS else "OVER TARGET"
            print(f"            {label}: median {figures['median_ms']} ms, p95 "
                  f"{figures['p95_ms']} ms [target < {TARGET_PAGE_MS:.0f} ms: {flag}]")


if __name__ == "__main__":
    sys.exit(main())
