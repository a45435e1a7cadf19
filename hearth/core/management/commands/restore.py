"""Restore a backup set into an empty database, then prove it whole against its manifest."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from hearth.core import backups


class Command(BaseCommand):
    help = ("Restore a backup set made by `manage.py backup` into an EMPTY database (a new "
            "SQLite file or a new PostgreSQL database), with its uploaded documents, then "
            "compare every table's rows and checksum with the backup's manifest.")

    def add_arguments(self, parser):
        parser.add_argument("name", help="the backup set's folder name under HEARTH_BACKUP_DIR, "
                            "or a path to it")

    def handle(self, *args, name: str, **options):
        folder = self.backup_folder(name)
        manifest = backups.manifest_read(folder)
        if manifest["database"] != connection.vendor:
            raise CommandError(f"This backup is of a {manifest['database']} database; "
                               f"DATABASE_URL points at {connection.vendor}.")
        if connection.introspection.table_names():
            raise CommandError("The database is not empty. Restore into a new, empty database "
                               "(a new SQLite file, or `createdb` a new PostgreSQL database) and "
                               "point DATABASE_URL at it: nothing was changed.")
        started = time.perf_counter()
        database = next(f for f in manifest["files"] if f.startswith("database."))
        call_command("dbrestore", "--noinput", "-q", "-I", str(folder / database))
        if "media.tar" in manifest["files"]:
            call_command("mediarestore", "--noinput", "-q", "-I", str(folder / "media.tar"))
        connection.close()  # see the restored tables afresh
        self.check_whole(manifest, seconds=time.perf_counter() - started)

    def backup_folder(self, name: str):
        folder = settings.BACKUP_ROOT / name
        if not (folder / backups.MANIFEST).is_file():
            raise CommandError(f"No backup set at {folder} (no {backups.MANIFEST}).")
        return folder

    def check_whole(self, manifest: dict, *, seconds: float) -> None:
        differences = backups.differences(manifest)
        if backups.applied_migrations() != manifest["migrations"]:
            differences.append("the migrations applied differ from the backup's")
        if differences:
            raise CommandError("The restore does not match the backup:\n  "
                               + "\n  ".join(str(d) for d in differences))
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Restored {len(manifest['tables'])} tables ({rows:,} rows) in {seconds:,.1f} s; "
            "every table's row count and checksum match the backup."))
