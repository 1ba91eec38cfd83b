"""The MAPPA annual statistics of seed 001, for any year ending 31 March.

Every figure is counted from facts recorded once elsewhere: registrations and their level
history, recalls resolved as returns to custody (enforcement), civil orders and their breaches,
and notification breaches. The level that counts is the one in force on the day of the event.
"""

import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from openom.core.csv import csv_writer
from openom.enforcement.constants import ActionKind, BreachOutcome
from openom.enforcement.models import EnforcementAction
from openom.mappa.constants import BreachOutcome as NotificationOutcome
from openom.mappa.constants import Category, CivilOrderKind, Level
from openom.mappa.models import (
    AreaPopulation,
    CivilOrder,
    CivilOrderBreach,
    LevelDecision,
    MappaRegistration,
    NotificationBreach,
)
from openom.organisations.models import Agency

# Seed 001: the figure is per 100,000 of the population aged 10 and over.
RATE_PER = 100_000
CATEGORY_ROWS = (
    (Category.REGISTERED_SEXUAL_OFFENDER, "Category 1: Registered Sexual Offenders"),
    (Category.VIOLENT_OFFENDER, "Category 2: Violent offenders"),
    (Category.OTHER_DANGEROUS_OFFENDER, "Category 3: Other Dangerous Offenders"),
)
MEETING_LEVELS = (Level.MULTI_AGENCY, Level.SENIOR)
ORDER_ROWS = (
    (CivilOrderKind.SOPO, "Sexual Offences Prevention Orders"),
    (CivilOrderKind.NOTIFICATION_ORDER, "Notification Orders"),
    (CivilOrderKind.FOREIGN_TRAVEL_ORDER, "Foreign Travel Orders"),
)
ORDER_STAGES = (
    ("applied", "Applied for"),
    ("interim", "Interim Order issued"),
    ("full", "Full Order issued"),
)


class NotAYearEnd(ValueError):
    pass


@dataclass
class MappaAnnualReport:
    police_force: Agency
    year_end: dt.date
    eligible: dict[int, dict[int, int]] = field(default_factory=dict)
    recalled_by_level: dict[int, int] = field(default_factory=dict)
    sopo_custody_by_level: dict[int, int] = field(default_factory=dict)
    rsos_by_unit: list[tuple[str, int]] = field(default_factory=list)
    rso_total: int = 0
    population: AreaPopulation | None = None
    notification_breaches: int = 0
    orders: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def year_start(self) -> dt.date:
        return self.year_end.replace(year=self.year_end.year - 1) + dt.timedelta(days=1)

    @property
    def title(self) -> str:
        return f"MAPPA Statistical Information {self.year_end.year - 1}/{self.year_end:%y}"

    @property
    def rso_rate(self) -> Decimal | None:
        if self.population is None or not self.population.population_aged_10_and_over:
            return None
        rate = Decimal(self.rso_total * RATE_PER) / self.population.population_aged_10_and_over
        return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def eligible_rows(self) -> list[tuple[str, list[str], int]]:
        """Each category's counts by level ("-" where a level cannot apply) and its total."""
        rows = []
        for category, label in CATEGORY_ROWS:
            by_level = self.eligible.get(category, {})
            cells = [
                "-"
                if category == Category.OTHER_DANGEROUS_OFFENDER and level == Level.ORDINARY
                else str(by_level.get(level, 0))
                for level in Level.values
            ]
            rows.append((label, cells, sum(by_level.values())))
        return rows

    def level_rows(self, counts: dict[int, int]) -> list[tuple[str, int]]:
        rows = [(f"Level {level}", counts.get(level, 0)) for level in MEETING_LEVELS]
        return [*rows, ("Total", sum(count for _, count in rows))]

    def order_rows(self) -> list[tuple[str, list[tuple[str, int]]]]:
        return [
            (
                label,
                [(stage_label, self.orders[kind][stage]) for stage, stage_label in ORDER_STAGES],
            )
            for kind, label in ORDER_ROWS
        ]


def check_year_end(year_end: dt.date) -> None:
    if (year_end.month, year_end.day) != (3, 31):
        raise NotAYearEnd(f"{year_end} is not a 31 March year end: give a date like 2010-03-31")


def _levels_on(registrations: list[MappaRegistration], day: dt.date) -> dict[int, int]:
    """The level each registration was at on `day`, from its level history."""
    decisions = (
        LevelDecision.objects.filter(registration__in=registrations, decided_on__lte=day)
        .order_by("registration_id", "decided_on", "pk")
        .values_list("registration_id", "level")
    )
    levels = {r.pk: r.level for r in registrations}
    levels.update(dict(decisions))
    return levels


def _open_on(police_force: Agency, day: dt.date):
    return MappaRegistration.objects.filter(police_force=police_force, start_date__lte=day).exclude(
        end_date__lte=day
    )


def _level_at_event(police_force: Agency, events: list[tuple[int, dt.date]]) -> Counter:
    """Count events (person id, date) by the MAPPA level the person was at that day.

    Two queries whatever the number of events: the registrations, then their level histories.
    """
    counts: Counter = Counter()
    by_person: dict[int, list[MappaRegistration]] = defaultdict(list)
    for registration in MappaRegistration.objects.filter(
        police_force=police_force, person_id__in={person for person, _ in events}
    ):
        by_person[registration.person_id].append(registration)
    history: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for registration_id, decided_on, level in (
        LevelDecision.objects.filter(registration__in=[r for rs in by_person.values() for r in rs])
        .order_by("registration_id", "decided_on", "pk")
        .values_list("registration_id", "decided_on", "level")
    ):
        history[registration_id].append((decided_on, level))
    for person_id, day in events:
        current = next(
            (
                r
                for r in by_person.get(person_id, [])
                if r.start_date <= day and (r.end_date is None or r.end_date > day)
            ),
            None,
        )
        if current is not None:
            levels = [level for decided_on, level in history[current.pk] if decided_on <= day]
            counts[levels[-1] if levels else current.level] += 1
    return counts


def mappa_annual_report(*, police_force: Agency, year_end: dt.date) -> MappaAnnualReport:
    check_year_end(year_end)
    report = MappaAnnualReport(police_force=police_force, year_end=year_end)
    start = report.year_start

    open_at_end = list(_open_on(police_force, year_end).select_related("police_unit"))
    levels = _levels_on(open_at_end, year_end)
    eligible: dict[int, Counter] = defaultdict(Counter)
    for registration in open_at_end:
        eligible[registration.category][levels[registration.pk]] += 1
    report.eligible = {category: dict(counts) for category, counts in eligible.items()}

    recalls = EnforcementAction.objects.filter(
        kind=ActionKind.RECALL,
        outcome=BreachOutcome.RETURNED_TO_CUSTODY,
        resolved_on__range=(start, year_end),
    ).values_list("person_id", "resolved_on")
    recalled = _level_at_event(police_force, list(recalls))
    report.recalled_by_level = {level: recalled[level] for level in MEETING_LEVELS}

    sopo_custody = CivilOrderBreach.objects.filter(
        order__kind=CivilOrderKind.SOPO, sent_to_custody_on__range=(start, year_end)
    ).values_list("order__person_id", "sent_to_custody_on")
    custody = _level_at_event(police_force, list(sopo_custody))
    report.sopo_custody_by_level = {level: custody[level] for level in MEETING_LEVELS}

    rsos = [r for r in open_at_end if r.category == Category.REGISTERED_SEXUAL_OFFENDER]
    units = Counter(r.police_unit.name if r.police_unit else "Not recorded" for r in rsos)
    report.rsos_by_unit = sorted(units.items())
    report.rso_total = len(rsos)
    report.population = AreaPopulation.objects.filter(
        police_force=police_force, year_end=year_end
    ).first()

    area_people = MappaRegistration.objects.filter(police_force=police_force).values("person_id")
    report.notification_breaches = NotificationBreach.objects.filter(
        person_id__in=area_people,
        outcome__in=[NotificationOutcome.CAUTIONED, NotificationOutcome.CONVICTED],
        outcome_date__range=(start, year_end),
    ).count()

    orders = CivilOrder.objects.filter(person_id__in=area_people)
    report.orders = {
        kind: {
            "applied": orders.filter(kind=kind, applied_on__range=(start, year_end)).count(),
            "interim": orders.filter(kind=kind, interim_on__range=(start, year_end)).count(),
            "full": orders.filter(kind=kind, full_on__range=(start, year_end)).count(),
        }
        for kind, _ in ORDER_ROWS
    }
    return report


def report_csv(report: MappaAnnualReport) -> str:
    """The tables one after another, as seed 001 lays them out."""
    out = io.StringIO()
    write = csv_writer(out, lineterminator="\n").writerow
    write([report.title])
    write([f"{report.police_force.name}, year ending {report.year_end:%-d %B %Y}"])
    write([])
    write([f"Number of MAPPA eligible offenders at {report.year_end:%-d %B %Y}"])
    write(["", "Level 1", "Level 2", "Level 3", "TOTAL"])
    for label, cells, total in report.eligible_rows():
        write([label, *cells, total])
    write([])
    write(["Enforcement for offenders managed via MAPP meetings"])
    write(["Returned to custody for breach of licence"])
    for label, count in report.level_rows(report.recalled_by_level):
        write([label, count])
    write([])
    write(["Sent to custody for breach of Sexual Offences Prevention Order (SOPO)"])
    for label, count in report.level_rows(report.sopo_custody_by_level):
        write([label, count])
    write([])
    write(["Further data on Registered Sexual Offenders"])
    write(["Registered Sexual Offenders in:"])
    for unit, count in report.rsos_by_unit:
        write([unit, count])
    write([])
    rate = report.rso_rate
    write(
        [
            f"Total number of registered Sexual Offenders in {report.police_force.name} "
            "per 100,000 head of population",
            rate if rate is not None else "population not recorded",
        ]
    )
    if report.population is not None:
        write(
            [
                f"Population aged 10 and over: {report.population.population_aged_10_and_over} "
                f"({report.population.source})"
            ]
        )
    write([])
    write(
        [
            "Registered Sexual Offenders cautioned or convicted for breach of notification "
            "requirements",
            report.notification_breaches,
        ]
    )
    for label, stages in report.order_rows():
        write([])
        write([label])
        for stage, count in stages:
            write([stage, count])
    return out.getvalue()


def report_pdf(html: str) -> bytes:
    """The report page as a PDF (WeasyPrint, imported here: it needs Pango at run time)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
