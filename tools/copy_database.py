"""Copy a whole Hearth database into a new PostgreSQL database, row for row, for benchmarks.

    .venv/bin/python tools/copy_database.py --source sqlite:///bench-results/bench-large.sqlite3 \
        --target postgres://postgres@127.0.0.1:5432/hearth_bench_large

Building the `large` synthetic authority takes the better part of an hour on SQLite and far
longer on PostgreSQL (every one of its millions of rows is written through the services, one
round trip at a time). The benchmarks want the same authority on both, so this builds it once
and copies it: the target database is dropped and created, migrated, emptied of what the
migrations wrote (content types, permissions), then every model's table is copied with
PostgreSQL's COPY in dependency-free order (foreign keys are not checked during the load:
`session_replication_role = replica`, then the sequences are moved past the copied ids and the
planner's statistics gathered). The copy is of the same records, so every figure measured on
it is a figure of the same authority. Synthetic databases only: it refuses a target that is not
a bench database (its name must start hearth_bench_) and any run with HEARTH_ENV=production.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 5_000


def main() -> int:
    args = parse_args()
    if os.environ.get("HEARTH_ENV") == "production":
        print("Refusing to copy databases with HEARTH_ENV=production.", file=sys.stderr)
        return 2
    server, name = args.target.rsplit("/", 1)
    if not name.startswith("hearth_bench_"):
        print(f"Refusing: the target database must be a bench database (hearth_bench_...), "
              f"not {name!r}.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    recreate(server + "/postgres", name)
    env = {**os.environ, "DATABASE_URL": args.target, "DJANGO_DEBUG": "0"}
    migrate = [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own command
    print(f"Migrated {name} in {time.perf_counter() - started:.1f} s", flush=True)
    os.environ.update(DATABASE_URL=args.target, DJANGO_DEBUG="0")
    rows = copy_rows(args.source)
    print(f"Copied {rows:,} rows in {time.perf_counter() - started:.1f} s in all")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, help="the database to copy (any Django URL)")
    parser.add_argument("--target", required=True,
                        help="the PostgreSQL database to create, postgres://.../hearth_bench_x")
    return parser.parse_args()


def recreate(maintenance_url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def copy_rows(source_url: str) -> int:
    import dj_database_url
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connections, transaction

    source = dj_database_url.parse(source_url)
    connections.settings["source"] = {**connections.settings["default"], **source,
                                      "OPTIONS": {}, "CONN_MAX_AGE": 0}
    models = [m for m in apps.get_models(include_auto_created=True)
              if m._meta.managed and not m._meta.proxy]
    target = connections["default"]
    total = 0
    with transaction.atomic(using="default"), target.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        tables = ", ".join(target.ops.quote_name(m._meta.db_table) for m in models)
        cursor.execute(f"TRUNCATE {tables} CASCADE")
        for model in models:
            started = time.perf_counter()
            copied = copy_table(model, cursor.cursor, target)
            total += copied
            if copied:
                print(f"  {model._meta.db_table}: {copied:,} rows "
                      f"({time.perf_counter() - started:.1f} s)", flush=True)
        for statement in target.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        cursor.execute("SET session_replication_role = DEFAULT")
    with target.cursor() as cursor:
        cursor.execute("ANALYZE")
    return total


def copy_table(model, raw_cursor, target) -> int:
    """COPY every row of `model` from the source database, each value prepared for PostgreSQL
    by its own field (JSON, UUIDs, times with their zone)."""
    from psycopg import sql

    fields = model._meta.concrete_fields
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in fields))
    rows = model._base_manager.using("source").order_by().values_list(
        *[f.attname for f in fields]).iterator(chunk_size=BATCH)
    count = 0
    with raw_cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([field.get_db_prep_save(value, connection=target)
                            for field, value in zip(fields, row, strict=True)])
            count += 1
    return count


if __name__ == "__main__":
    sys.exit(main())
