"""Restore drill: build a synthetic authority, back it up, restore it into a new empty database
and prove every table's rows and content came back.

    .venv/bin/python tools/restore_drill.py [--databases sqlite postgres] [--profile tiny]

For each database: a fresh source database (a SQLite file under bench-results/drill/, or a new
PostgreSQL database hearth_drill_source on the server of --postgres-url or BENCH_POSTGRES_URL),
`migrate`, `load_bank_holidays`, `synthesise --profile <profile>` (with its casework),
`manage.py backup`, then a new empty target database and `manage.py restore`, which compares
every table's row count and checksum with the backup's manifest and fails on any difference.
Prints the figures.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench-results" / "drill"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"],
                        default=["sqlite", "postgres"])
    parser.add_argument("--profile", default="tiny")
    parser.add_argument("--postgres-url",
                        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    args = parser.parse_args()
    failed = False
    for database in args.databases:
        result = drill(database, profile=args.profile, postgres_url=args.postgres_url)
        print(json.dumps(result))
        failed |= result.get("restored_whole") is False
    return 1 if failed else 0


def drill(database: str, *, profile: str = "tiny", postgres_url: str = DEFAULT_POSTGRES,
          label: str = "drill") -> dict:
    """Runs the drill on `database` ("sqlite" or "postgres"); its figures as a dict. `label`
    names its files and databases, so that two drills can run at once."""
    work = WORK / label
    subprocess.run(["rm", "-rf", str(work)], check=True)  # noqa: S603, S607 - our own folder
    work.mkdir(parents=True)
    backups = work / "backups"
    source, target = (_sqlite_urls(work) if database == "sqlite"
                      else _postgres_urls(postgres_url, label))
    if source is None:
        return {"database": database, "skipped": target}
    env = {**os.environ, "HEARTH_BACKUP_DIR": str(backups), "DJANGO_DEBUG": "0"}
    started = time.perf_counter()
    _manage(env, source, "migrate", "--noinput", "-v0")
    _manage(env, source, "load_bank_holidays", "-v0")
    _manage(env, source, "synthesise", "--profile", profile, "--seed", "1")
    built = time.perf_counter()
    backed_up = _manage(env, source, "backup", "--name", "drill")
    after_backup = time.perf_counter()
    restored = _manage(env, target, "restore", "drill", check=False)
    after_restore = time.perf_counter()
    manifest = json.loads((backups / "drill" / "manifest.json").read_text())
    size = sum(f.stat().st_size for f in (backups / "drill").iterdir())
    subprocess.run(["rm", "-rf", str(work)], check=True)  # noqa: S603, S607 - our own folder
    if database == "postgres":
        _postgres_drop(postgres_url, label)
    return {
        "database": database, "profile": profile,
        "tables": len(manifest["tables"]),
        "rows": sum(t["rows"] for t in manifest["tables"].values()),
        "backup_mb": round(size / 1e6, 2),
        "build_seconds": round(built - started, 1),
        "backup_seconds": round(after_backup - built, 1),
        "restore_seconds": round(after_restore - after_backup, 1),
        "restored_whole": restored.returncode == 0,
        "backup_said": backed_up.stdout.strip().splitlines()[-1:],
        "restore_said": (restored.stdout + restored.stderr).strip().splitlines()[-8:],
    }


def _manage(env: dict, url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT,
        env={**env, "DATABASE_URL": url}, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def _postgres_drop(server_url: str, label: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True, connect_timeout=3) as connection:
        for name in (f"hearth_{label}_source", f"hearth_{label}_target"):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sqlite_urls(work: Path) -> tuple[str, str]:
    return f"sqlite:///{work / 'source.sqlite3'}", f"sqlite:///{work / 'target.sqlite3'}"


def _postgres_urls(server_url: str, label: str) -> tuple[str | None, str]:
    names = [f"hearth_{label}_source", f"hearth_{label}_target"]
    try:
        import psycopg

        with psycopg.connect(server_url, autocommit=True, connect_timeout=3) as connection:
            for name in names:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 - any failure to reach the server means skip
        return None, f"PostgreSQL not reachable at {server_url}: {str(error).strip()}"
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/{names[0]}", f"{base}/{names[1]}"


if __name__ == "__main__":
    sys.exit(main())
