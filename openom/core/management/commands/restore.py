from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openom.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database's contents with a backup made by `openom backup`, then verify "
        "every table's row count and checksum against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup file")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="confirm: everything in the database now is replaced by the backup",
        )

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError(
                "Restoring replaces everything in the database with the backup: "
                "run again with --yes to confirm."
            )
        try:
            mismatches = restore(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        if mismatches:
            for mismatch in mismatches:
                self.stderr.write(
                    f"  {mismatch.table}: expected {mismatch.expected_rows} rows, "
                    f"found {mismatch.found_rows}; checksums "
                    f"{'match' if mismatch.checksums_match else 'differ'}"
                )
            raise CommandError(
                f"Restored, but {len(mismatches)} tables do not match the backup's manifest"
            )
        self.stdout.write(
            self.style.SUCCESS("Restored and verified: every table matches the backup's manifest")
        )
