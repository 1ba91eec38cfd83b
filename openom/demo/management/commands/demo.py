import datetime as dt
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from openom.accounts.models import User
from openom.demo.area import DEFAULT_PEOPLE, DEFAULT_SEED
from openom.demo.builder import demo_area_build
from openom.demo.models import DemoDatabase
from openom.people.models import Person


class Command(BaseCommand):
    help = "Build the demo area: a Cambridgeshire-and-Peterborough-like probation area with its caseload."

    def add_arguments(self, parser):
        parser.add_argument(
            "--people",
            type=int,
            default=DEFAULT_PEOPLE,
            help=f"how many cases (default {DEFAULT_PEOPLE:,})",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="random seed: the same seed builds the same area",
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="build as if today were this date (YYYY-MM-DD)",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if any case exists already"
        )

    def handle(self, *args, **options):
        if options["people"] < 1:
            raise CommandError("--people must be at least 1")
        if getattr(settings, "OPENOM_PRODUCTION", False):
            raise CommandError(
                "These are production settings: the demo never builds invented people and "
                "published logins into a production database."
            )
        marker = DemoDatabase.objects.first()
        has_data = Person.objects.exists() or User.objects.exists()
        if has_data and marker is None:
            raise CommandError(
                "This database holds data the demo did not make: it builds only into an empty "
                "database (`make run` makes one), never over someone's records."
            )
        if options["if_empty"] and Person.objects.exists():
            self.stdout.write("The database already holds cases: demo area not rebuilt.")
            return
        if not options["if_empty"] and Person.objects.exists():
            raise CommandError(
                "The database already holds cases. Delete var/openom.sqlite3 (or use a fresh database) "
                "to build the demo area again."
            )
        if marker is None:
            with transaction.atomic():  # the mark first, committed: this database is the demo's
                marker = DemoDatabase.objects.create()
        started = time.monotonic()
        self.stdout.write(f"Building the demo area with {options['people']:,} cases ...")
        # One transaction: a build that crashes half way leaves nothing behind but the mark, and
        # running it again (make run) builds the whole area as a clean run would.
        with transaction.atomic():
            result = demo_area_build(
                people=options["people"],
                seed=options["seed"],
                today=options["today"] or dt.date.today(),
                progress=lambda message: self.stdout.write(f"  {message}"),
            )
            DemoDatabase.objects.filter(pk=marker.pk).update(completed_at=timezone.now())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo area built: {result.people:,} cases, {result.staff} staff, in {time.monotonic() - started:.1f}s."
            )
        )
        if result.superuser_password:
            self.stdout.write(
                self.style.WARNING(
                    "The system administrator 'admin' has this password, shown only now: "
                    f"{result.superuser_password}"
                )
            )
