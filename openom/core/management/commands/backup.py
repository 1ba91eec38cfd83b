from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openom.core.backup import BackupError, backup, manifest_path


class Command(BaseCommand):
    help = (
        "Back up the whole database to FILE (PostgreSQL: pg_dump custom format; SQLite: the "
        "online backup API), with a manifest of row counts and checksums for `openom restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup file to write (must not exist)")

    def handle(self, *args, **options):
        try:
            summary = backup(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(int(table["rows"]) for table in summary.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {len(summary)} tables ({rows:,} rows) to {options['file']}; "
                f"manifest {manifest_path(options['file'])}"
            )
        )
