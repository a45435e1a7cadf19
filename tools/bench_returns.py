"""Benchmark the children in need census on a synthetic authority: build it from the records
(the XML and the validator's tables in one pass), validate it through Hearth (the validator's
rules in-process on those tables), then time the validator's own command-line run on the same
exported file, compare the findings and print the ratio.

    .venv/bin/python tools/bench_returns.py [--database-url URL] [--year 2025]

By default it measures the `large` authority tools/bench.py leaves on PostgreSQL
(hearth_bench_large); `--database-url sqlite:///hearth.sqlite3` measures the demo one.
With --with-903 it also runs tools/bench_903.py on the same database and prints the two
returns together. Writes bench-results/returns.json. Targets (issue 5): the census and the 903
built and validated in under 60 s in all, at least 10 times faster than the validators' own
runs, with identical findings.
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/hearth_bench_large"
RULESETS = {2025: "cin2025_26"}


def main() -> int:
    args = parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_DEBUG": "0"}
    if args.measure:
        print(json.dumps(measure(year=args.year, xml_path=Path(args.xml))))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        xml = Path(scratch) / "cin.xml"
        command = [sys.executable, str(Path(__file__).resolve()), "--measure", "--year",
                   str(args.year), "--xml", str(xml), "--database-url", args.database_url]
        done = subprocess.run(command, cwd=ROOT, env=env, check=True,  # noqa: S603 - this script
                              stdout=subprocess.PIPE, text=True)
        run = json.loads(done.stdout.strip().splitlines()[-1])
        run |= validator_cli(xml, RULESETS[args.year])
    ours = run["build_seconds"] + run["validate_seconds"]
    run["ratio"] = round(run["cli_seconds"] / ours, 1) if ours else None
    run["same_findings"] = run["cli_findings"] == run["findings"]
    print_table(run)
    if args.with_903:
        run["ssda903"] = ssda903(args, env)
        print_both(run)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "returns.json").write_text(json.dumps(
        {"measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
         "database": args.database_url.split("@")[-1], **run}, indent=2) + "\n")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_RETURNS_URL",
                                                                 DEFAULT_URL))
    parser.add_argument("--year", type=int, default=2025, choices=sorted(RULESETS))
    parser.add_argument("--with-903", action="store_true",
                        help="also benchmark the SSDA903 return (tools/bench_903.py) and print "
                             "the two returns' total")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--xml", help=argparse.SUPPRESS)
    return parser.parse_args()


def ssda903(args: argparse.Namespace, env: dict) -> dict:
    done = subprocess.run(  # noqa: S603 - our own benchmark
        [sys.executable, str(ROOT / "tools" / "bench_903.py"), "--database-url",
         args.database_url, "--year", str(args.year), "--json"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_both(run: dict) -> None:
    other = run["ssda903"]
    cin = run["build_seconds"] + run["validate_seconds"]
    lac = other["build_seconds"] + other["validate_seconds"]
    theirs = run["cli_seconds"] + other["api_seconds"]
    print(f"\nSSDA903, {other['children']:,} children (and {other['previous_year_children']:,} "
          "last year)")
    print(f"  build (both years' tables) {other['build_seconds']:8.2f} s")
    print(f"  validate through Hearth    {other['validate_seconds']:8.2f} s (cold "
          f"{other['validate_cold_seconds']:.2f} s)")
    print(f"  validator reading our CSVs {other['api_seconds']:8.2f} s; its command line "
          f"{other['cli_seconds']:.2f} s")
    print(f"  findings: {other['errors']} errors; the same as the validator's own reading: "
          f"{'yes' if other['same_findings'] else 'NO'}")
    print(f"\nCensus and 903 through Hearth: {cin + lac:.2f} s  [target < 60 s: "
          f"{'ok' if cin + lac < 60 else 'OVER TARGET'}]; the validators' own runs "
          f"{theirs:.2f} s, {theirs / (cin + lac):.1f}x  [target >= 10x: "
          f"{'ok' if theirs / (cin + lac) >= 10 else 'UNDER TARGET'}]")


def measure(*, year: int, xml_path: Path) -> dict:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from hearth.returns import services

    started = time.perf_counter()
    with xml_path.open("wb") as out:
        build, tables = services.cin_census_export(start_year=year, out=out,
                                                   system_job="bench_returns", with_tables=True)
    built = time.perf_counter() - started
    build, outcome = services.cin_census_validate(start_year=year, system_job="bench_returns",
                                                  tables=tables, build=build)
    validated = time.perf_counter() - started - built
    return {"children": build.children, "xml_mb": round(xml_path.stat().st_size / 1e6, 1),
            "build_seconds": round(built, 2), "validate_seconds": round(validated, 2),
            "errors": len(outcome.errors), "queries": len(outcome.queries),
            # The validator's own report (user_report.csv) lists the children's failures only;
            # the whole-return (LA level) ones are counted beside them, not compared.
            "findings": _summary((f.rule_code, f.child_id) for f in outcome.failures
                                 if f.child_id),
            "whole_return": sorted({f.rule_code for f in outcome.failures if not f.child_id})}


def validator_cli(xml: Path, ruleset: str) -> dict:
    """The validator's own run on the exported file, as a council would run it."""
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603 - the installed validator
            [sys.executable, "-m", "cin_validator", "run", str(xml), "-r", ruleset, "-o"],
            cwd=scratch, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, check=False)
        seconds = time.perf_counter() - started
        findings = _cli_findings(Path(scratch))
    return {"cli_seconds": round(seconds, 2), "cli_exit": done.returncode,
            "cli_findings": findings}


def _cli_findings(folder: Path) -> dict:
    """Children per rule code from the validator's user_report.csv (rule_code, LAchildID)."""
    import csv

    rows = []
    for path in folder.rglob("*.csv"):
        with path.open(newline="") as handle:
            rows.extend(csv.DictReader(handle))
    pairs = []
    for row in rows:
        code, child = row.get("rule_code", "").strip(), row.get("LAchildID", "").strip()
        if code:
            pairs.append((str(code), child))
    return _summary(pairs)


def _summary(pairs) -> dict:
    counts: dict[str, int] = {}
    for code, _child in set(pairs):
        counts[str(code)] = counts.get(str(code), 0) + 1
    return dict(sorted(counts.items()))


def print_table(run: dict) -> None:
    ours = run["build_seconds"] + run["validate_seconds"]
    print(f"\nChildren in need census, {run['children']:,} children ({run['xml_mb']} MB of XML)")
    print(f"  build (XML + tables)     {run['build_seconds']:8.2f} s")
    print(f"  validate through Hearth  {run['validate_seconds']:8.2f} s")
    print(f"  Hearth in all            {ours:8.2f} s  [target < 60 s: "
          f"{'ok' if ours < 60 else 'OVER TARGET'}]")
    print(f"  validator's own CLI      {run['cli_seconds']:8.2f} s (exit {run['cli_exit']})")
    print(f"  ratio                    {run['ratio']}x  [target >= 10x: "
          f"{'ok' if (run['ratio'] or 0) >= 10 else 'UNDER TARGET'}]")
    print(f"  findings: {run['errors']} errors, {run['queries']} queries; the children's the "
          f"same as the validator's own run: {'yes' if run['same_findings'] else 'NO'}")
    if run["whole_return"]:
        print(f"  whole-return findings (not in the validator's user_report.csv): "
              f"{', '.join(run['whole_return'])}")
    if not run["same_findings"]:
        print(f"    Hearth:    {run['findings']}")
        print(f"    validator: {run['cli_findings']}")


if __name__ == "__main__":
    sys.exit(main())
