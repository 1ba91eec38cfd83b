from django.core.management.base import BaseCommand

from openom.offences.services import offence_catalogue_load


class Command(BaseCommand):
    help = "Load the offence catalogue from openom/offences/data/offences.csv (safe to re-run)."

    def handle(self, *args, **options):
        result = offence_catalogue_load()
        self.stdout.write(
            f"Offence catalogue {result.version}: {result.created} added, "
            f"{result.updated} updated, {result.retired} retired."
        )
