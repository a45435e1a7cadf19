"""Back up the database and uploaded documents to a backup set with its manifest."""

import datetime as dt
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from hearth.core import backups

EXTENSIONS = {"postgresql": "psql.bin", "sqlite": "sqlite3"}


class Command(BaseCommand):
    help = ("Back up the whole system (database and uploaded documents) to a backup set under "
            "HEARTH_BACKUP_DIR, with a manifest of every table's rows and checksum that "
            "`manage.py restore` checks. See docs/backup-and-restore.md.")

    def add_arguments(self, parser):
        parser.add_argument("--name", help="the backup set's folder name (default: "
                            "hearth-<UTC date and time>)")

    def handle(self, *args, name: str | None = None, **options):
        if connection.vendor not in EXTENSIONS:
            raise CommandError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
        name = name or f"hearth-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}"
        folder = settings.BACKUP_ROOT / name
        if folder.exists():
            raise CommandError(f"{folder} already exists: choose another --name.")
        folder.mkdir(parents=True)
        started = time.perf_counter()
        database = f"database.{EXTENSIONS[connection.vendor]}"
        call_command("dbbackup", "--noinput", "-q", "-O", str(folder / database))
        files = [database]
        if settings.MEDIA_ROOT.is_dir():
            call_command("mediabackup", "--noinput", "-q", "-O", str(folder / "media.tar"))
            files.append("media.tar")
        manifest = backups.manifest_write(folder, files=files)
        rows = sum(t["rows"] for t in manifest["tables"].values())
        size = sum((folder / f).stat().st_size for f in files)
        self.stdout.write(self.style.SUCCESS(
            f"Backed up {len(manifest['tables'])} tables ({rows:,} rows, {size / 1e6:,.1f} MB) "
            f"to {folder} in {time.perf_counter() - started:,.1f} s"))
