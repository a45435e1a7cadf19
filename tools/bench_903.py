"""Benchmark the SSDA903 return on a synthetic authority: build it from the records (both
years' rows in one pass each), validate it through Hearth (the validator's rules in-process on
those tables; timed cold, with the validator's one-off load of its postcode directory, and
warm), then time the validator reading the exported CSV files itself (its Python API,
`LacValidator(files=...)`, this year and last year) and its command line (`run-offline`) on
this year's files, and print the ratios.

    .venv/bin/python tools/bench_903.py [--database-url sqlite:////tmp/903tiny.sqlite3]

Measure the tiny authority only on a shared machine:
    DATABASE_URL=sqlite:////tmp/903tiny.sqlite3 manage.py synthesise --profile tiny --seed 1

The command line's `run-offline` reads fixed file names (placed_for_adoption_errors.csv, ...)
and hard-codes collectionYear 2023 and one LA, and reads no last year's files: its time is
comparable, its findings are not. The API run reads exactly our files with our metadata, so
its findings must equal Hearth's (`same_findings`).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "sqlite:////tmp/903tiny.sqlite3"
CLI_NAMES = {"placed_for_adoption.csv": "placed_for_adoption_errors.csv"}
RULESETS = {2025: "lac2025_26", 2026: "lac2026_27"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--year", type=int, default=2025, choices=sorted(RULESETS))
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true",
                        help="print the figures as one JSON object (for tools/bench_returns.py)")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_DEBUG": "0"}
    if args.measure:
        print(json.dumps(measure(args.year, Path(args.measure))))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run(  # noqa: S603 - this script, in a fresh process
            [sys.executable, str(Path(__file__).resolve()), "--year", str(args.year),
             "--measure", scratch], cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE,
            text=True)
        run = json.loads(done.stdout.strip().splitlines()[-1])
        run["cli_seconds"] = cli(Path(scratch), args.year, RULESETS[args.year])
    ours = run["build_seconds"] + run["validate_seconds"]
    run["api_ratio"] = round(run["api_seconds"] / ours, 2) if ours else None
    run["cli_ratio"] = round(run["cli_seconds"] / ours, 2) if ours else None
    if args.json:
        print(json.dumps(run))
        return 0
    for key, value in run.items():
        print(f"{key:>20}: {value}")
    return 0


def measure(year: int, scratch: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from hearth.returns import services
    from hearth.returns.ssda903 import validation

    started = time.perf_counter()
    build = services.ssda903_build(start_year=year)
    build_seconds = time.perf_counter() - started
    files = build.files()
    build, outcome = services.ssda903_validate(start_year=year, system_job="bench", build=build)
    cold_seconds = build.seconds["validate"]  # includes loading the ONS postcode directory
    build, outcome = services.ssda903_validate(start_year=year, system_job="bench", build=build)
    validate_seconds = build.seconds["validate"]
    for name, data in files.items():
        (scratch / name).parent.mkdir(parents=True, exist_ok=True)
        (scratch / name).write_bytes(data)
    this_year = build.folder(year)
    api_seconds, api_findings = validator_api(files, this_year, build.year.RULESET,
                                              services.ssda903_la_code(), validation)
    ours = sorted({(f.rule_code, f.child_id) for f in outcome.failures})
    return {"children": build.children, "previous_year_children": build.previous_children,
            "build_seconds": round(build_seconds, 3),
            "validate_cold_seconds": round(cold_seconds, 3),
            "validate_seconds": round(validate_seconds, 3),
            "errors": len(outcome.errors), "api_seconds": round(api_seconds, 3),
            "same_findings": api_findings == ours}


def validator_api(files: dict[str, bytes], this_year: str, ruleset: str, la_code: str,
                  validation) -> tuple[float, list]:
    """The validator reading our CSV files itself, with our metadata."""
    import contextlib
    import io

    from lac_validator.lac_validator import LacValidator

    registry = validation.ruleset(ruleset)
    uploads = [{"name": Path(path).name, "file_content": data,
                "description": "This year" if path.startswith(this_year) else "Prev year"}
               for path, data in files.items()]
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), validation._logging_off():
        validator = LacValidator(metadata={"collectionYear": ruleset,
                                           "localAuthority": la_code},
                                 files=uploads, registry=registry)
    seconds = time.perf_counter() - started
    found = validation._failures(validator.ds_results, registry, validator.dfs)
    return seconds, sorted({(f.rule_code, f.child_id) for f in found})


def cli(scratch: Path, year: int, ruleset: str) -> float:
    """`python -m lac_validator run-offline DIR` on this year's files, under its names."""
    folder = scratch / f"{year}-{str(year + 1)[2:]}"
    offline = scratch / "offline"
    offline.mkdir()
    for path in folder.glob("*.csv"):
        (offline / CLI_NAMES.get(path.name, path.name)).write_bytes(path.read_bytes())
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lac_validator", "run-offline",  # noqa: S603
                    str(offline), "-r", ruleset], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 3)


if __name__ == "__main__":
    raise SystemExit(main())
