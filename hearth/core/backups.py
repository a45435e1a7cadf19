"""Backups of the whole system (database and uploaded documents) and proof that a restore is
whole: a manifest of every table's row count and a checksum of its content.

`manage.py backup` writes a backup set, a folder under HEARTH_BACKUP_DIR:

    <name>/database.<psql.bin|sqlite3>   pg_dump's custom format, or SQLite's SQL dump
    <name>/media.tar                     the uploaded documents (MEDIA_ROOT)
    <name>/manifest.json                 what the restore must give back: see `content_summary`

`manage.py restore <name>` restores it into an empty database and compares the result with the
manifest, table by table. Dumping and restoring are django-dbbackup's (ADR 11); the manifest and
the checks are ours.

The manifest is taken just after the dump. On a system in use, rows written in between (the
audit trail above all) differ, so take drill backups with the service quiet; the restore reports
every table that differs.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
CHUNK = 2_000


@dataclass(frozen=True)
class TableSummary:
    rows: int
    checksum: str


def content_summary() -> dict[str, TableSummary]:
    """Every model's table: its row count and a SHA-256 over its rows in primary-key order,
    each value written as text, so the same content gives the same checksum on any machine."""
    summary = {}
    for model in sorted(apps.get_models(), key=lambda m: m._meta.db_table):
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        digest, rows = hashlib.sha256(), 0
        for row in (model._base_manager.order_by("pk").values_list(*columns)
                    .iterator(chunk_size=CHUNK)):
            digest.update(repr(tuple(_text(value) for value in row)).encode())
            rows += 1
        summary[model._meta.db_table] = TableSummary(rows, digest.hexdigest())
    return summary


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, float):
        return repr(round(value, 9))
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return str(value)


def manifest_write(folder: Path, *, files: list[str]) -> dict:
    manifest = {
        "format": FORMAT_VERSION,
        "taken_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "files": files,
        "migrations": applied_migrations(),
        "tables": {name: vars(t) for name, t in content_summary().items()},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return manifest


def manifest_read(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text())


def applied_migrations() -> dict[str, str]:
    """The latest migration applied in each app: a backup restores only into the same code."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = max(latest.get(app, ""), name)
    return latest


@dataclass(frozen=True)
class Difference:
    table: str
    expected: TableSummary | None
    found: TableSummary | None

    def __str__(self) -> str:
        if self.found is None:
            return f"{self.table}: missing after the restore"
        if self.expected is None:
            return f"{self.table}: not in the backup"
        if self.expected.rows != self.found.rows:
            return (f"{self.table}: {self.expected.rows:,} rows backed up, "
                    f"{self.found.rows:,} restored")
        return f"{self.table}: {self.found.rows:,} rows, but their content differs"


def differences(manifest: dict) -> list[Difference]:
    expected = {name: TableSummary(**t) for name, t in manifest["tables"].items()}
    found = content_summary()
    return [Difference(name, expected.get(name), found.get(name))
            for name in sorted(set(expected) | set(found))
            if expected.get(name) != found.get(name)]
