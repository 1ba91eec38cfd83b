from django.core.management.base import BaseCommand

from openom.offences.models import CatalogueLoad
from openom.offences.services import catalogue_version, offence_catalogue_load


class Command(BaseCommand):
    help = "Load the offence catalogue from openom/offences/data/offences.csv (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="Do nothing when this version of the catalogue is already loaded",
        )

    def handle(self, *args, **options):
        if options["if_changed"]:
            loaded = CatalogueLoad.objects.order_by("-loaded_at").values_list("version", flat=True)
            if loaded.first() == catalogue_version():
                return
        result = offence_catalogue_load()
        self.stdout.write(
            f"Offence catalogue {result.version}: {result.created} added, "
            f"{result.updated} updated, {result.retired} retired."
        )
