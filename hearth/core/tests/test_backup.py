"""Backup and restore: the manifest notices any change, and the drill restores a whole
synthetic authority with every table's rows and checksum intact."""

import importlib.util
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hearth.core import backups
from hearth.people.models import Person

ROOT = Path(__file__).resolve().parents[3]


def drill_module():
    spec = importlib.util.spec_from_file_location("restore_drill",
                                                  ROOT / "tools" / "restore_drill.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_manifest_notices_a_changed_a_missing_and_an_added_row(personas):
    child = personas.child_for(personas.sw_alice)
    manifest = {"tables": {name: vars(t) for name, t in backups.content_summary().items()}}
    assert backups.differences(manifest) == []

    Person.objects.filter(pk=child.pk).update(first_name="Changed")
    changed = backups.differences(manifest)
    assert [str(d) for d in changed] == [
        f"people_person: {Person.objects.count():,} rows, but their content differs"]

    personas.child_for(personas.sw_alice)
    grown = [str(d) for d in backups.differences(manifest) if d.table == "people_person"]
    assert grown == [f"people_person: {Person.objects.count() - 1:,} rows backed up, "
                     f"{Person.objects.count():,} restored"]


def test_restore_refuses_a_database_that_is_not_empty(db, tmp_path, settings):
    settings.BACKUP_ROOT = tmp_path
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / backups.MANIFEST).write_text(json.dumps(
        {"database": connection.vendor, "files": ["database.x"], "tables": {},
         "migrations": {}}))
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", "set")


def test_restore_refuses_a_missing_backup_set(db, tmp_path, settings):
    settings.BACKUP_ROOT = tmp_path
    with pytest.raises(CommandError, match="No backup set at"):
        call_command("restore", "nothing-here")


@pytest.mark.slow
def test_the_restore_drill_brings_back_a_whole_authority():
    """On this run's own kind of database (the suite runs once on each)."""
    drill = drill_module()
    database = "postgres" if connection.vendor == "postgresql" else "sqlite"
    # The drill makes its own databases on this run's server, through its maintenance database.
    server = os.environ.get("DATABASE_URL", drill.DEFAULT_POSTGRES).rsplit("/", 1)[0] + "/postgres"
    result = drill.drill(database, postgres_url=server, label=f"drill_test_{os.getpid()}")
    if "skipped" in result:
        pytest.skip(result["skipped"])
    assert result["restored_whole"], result["restore_said"]
    assert result["tables"] >= 30 and result["rows"] > 1_000
