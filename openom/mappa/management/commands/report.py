"""`openom report NAME`: print a statistical report (today: `mappa-annual`)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

from openom.mappa import report
from openom.organisations.constants import AgencyKind
from openom.organisations.models import Agency

REPORTS = ("mappa-annual",)


class Command(BaseCommand):
    help = "Print a statistical report. mappa-annual: seed 001's MAPPA tables for a year ending 31 March."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=REPORTS)
        parser.add_argument(
            "--year-end", required=True, help="The 31 March ending the year: YYYY-03-31"
        )
        parser.add_argument(
            "--format", choices=["csv", "csv-tidy", "zip", "pdf", "html"], default="csv"
        )
        parser.add_argument(
            "--police-force",
            help="The MAPPA area's police force code (needed when there is more than one)",
        )
        parser.add_argument("--output", help="Write to this file (PDF needs one)")

    def handle(self, *args, **options):
        try:
            year_end = dt.date.fromisoformat(options["year_end"])
            report.check_year_end(year_end)
        except ValueError as error:
            raise CommandError(
                f"--year-end: {error}. Give a 31 March date like 2010-03-31"
            ) from None
        forces = Agency.objects.filter(kind=AgencyKind.POLICE)
        if options["police_force"]:
            forces = forces.filter(code=options["police_force"])
        forces = list(forces)
        if len(forces) != 1:
            codes = ", ".join(
                Agency.objects.filter(kind=AgencyKind.POLICE).values_list("code", flat=True)
            )
            raise CommandError(
                f"--police-force: choose one police force code ({codes or 'none recorded'})"
            )
        built = report.mappa_annual_report(police_force=forces[0], year_end=year_end)
        if options["format"] == "csv":
            content: str | bytes = report.report_csv(built)
        elif options["format"] == "csv-tidy":
            content = report.report_csv_tidy(built)
        elif options["format"] == "zip":
            if not options["output"]:
                raise CommandError("--output: a zip needs a file to write to")
            content = report.report_zip(built)
        else:
            from openom.mappa.views import _report_context

            html = render_to_string("mappa/report_pdf.html", _report_context(built))
            content = report.report_pdf(html) if options["format"] == "pdf" else html
        if options["output"]:
            mode = "wb" if isinstance(content, bytes) else "w"
            with open(options["output"], mode) as out:
                out.write(content)
            self.stderr.write(f"Wrote {options['output']}")
        elif isinstance(content, bytes):
            raise CommandError("--output: give a file name for a PDF")
        else:
            self.stdout.write(content, ending="")
