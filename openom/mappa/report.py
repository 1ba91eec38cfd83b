"""The MAPPA annual statistics for any year ending 31 March, in the layout of the law in force.

Years ending before the Anti-social Behaviour, Crime and Policing Act 2014 came into force
(8 March 2015) keep seed 001's 2010 tables (SOPOs, Foreign Travel Orders). Later years use the
tables the Ministry of Justice's MAPPA annual statistics publish: eligible people by category
and level; registered sexual offenders (RSOs) per 100,000; RSOs wanted or missing; breaches of
notification; SHPOs, interim SHPOs, SROs and interim SROs and their breaches; notification
orders; level 2 and 3 people returned to custody; serious further offences charged; lifetime
notification requirements reviewed and revoked (SOA 2003 s91A-s91F).

Every figure is counted from facts recorded once elsewhere: registrations and their level
history, recalls resolved as returns to custody (enforcement), civil orders and their breaches,
notification breaches, SFOs and notification reviews. The level that counts is the one in force
on the day of the event.
"""

import datetime as dt
import io
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from openom.core.csv import csv_writer
from openom.enforcement.constants import ActionKind, BreachOutcome
from openom.enforcement.models import EnforcementAction
from openom.mappa import lifecycle_rules
from openom.mappa.constants import BreachOutcome as NotificationOutcome
from openom.mappa.constants import Category, CivilOrderKind, Level, LifetimeReviewOutcome
from openom.mappa.models import (
    AreaPopulation,
    CivilOrder,
    CivilOrderBreach,
    LevelDecision,
    LifetimeNotificationReview,
    MappaRegistration,
    NotificationBreach,
    ReportCommentary,
    SeriousFurtherOffence,
    WhereaboutsEpisode,
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
# Seed 001's order tables (2010 layout).
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
# The 2014 Act's orders (MoJ MAPPA annual statistics from 2015/16).
ORDERS_2015 = (
    (CivilOrderKind.SHPO, "Sexual Harm Prevention Orders"),
    (CivilOrderKind.SRO, "Sexual Risk Orders"),
)
# Orders of the old law still shown in a post-2015 year when it has any (the year 2014/15
# straddles 8 March 2015; SOPOs made earlier stay in force and can be breached).
OLD_ORDERS_IN_NEW_LAYOUT = (
    (CivilOrderKind.SOPO, "Sexual Offences Prevention Orders (made before 8 March 2015)"),
    (CivilOrderKind.RSHO, "Risk of Sexual Harm Orders (made before 8 March 2015)"),
    (CivilOrderKind.FOREIGN_TRAVEL_ORDER, "Foreign Travel Orders (made before 8 March 2015)"),
)
# Custody for breach of an order: seed 001 counts SOPOs; after 2015, SHPOs and SROs (interim or
# full) and any SOPO or RSHO still in force (the 2014 Act left existing orders running).
CUSTODY_ORDERS_2010 = (CivilOrderKind.SOPO,)
CUSTODY_ORDERS_2015 = (
    CivilOrderKind.SHPO,
    CivilOrderKind.SRO,
    CivilOrderKind.SOPO,
    CivilOrderKind.RSHO,
)
TREND_YEARS = 5


class NotAYearEnd(ValueError):
    pass


@dataclass
class Table:
    """One published table: a caption, column headings and labelled rows of counts."""

    key: str
    caption: str
    columns: list[str]
    rows: list[tuple[str, list]]
    chart: str = ""  # "levels" (grouped by category and level) or "bars"

    @property
    def total(self) -> int:
        return sum(c for _, cells in self.rows for c in cells if isinstance(c, int))


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
    order_breaches: dict[str, int] = field(default_factory=dict)
    sfos: dict[tuple[int, int], int] = field(default_factory=dict)
    wanted_or_missing: dict[str, int] = field(default_factory=dict)
    lifetime_reviews: dict[str, int] = field(default_factory=dict)
    commentary: ReportCommentary | None = None

    @property
    def year_start(self) -> dt.date:
        return self.year_end.replace(year=self.year_end.year - 1) + dt.timedelta(days=1)

    @property
    def uses_2015_tables(self) -> bool:
        return lifecycle_rules.report_uses_2015_tables(self.year_end)

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

    @property
    def eligible_total(self) -> int:
        return sum(sum(levels.values()) for levels in self.eligible.values())

    @property
    def returned_to_custody(self) -> int:
        return sum(self.recalled_by_level.values()) + sum(self.sopo_custody_by_level.values())

    # --- the tables as published ------------------------------------------------------------

    def _eligible_table(self, caption: str, total_label: str = "Total") -> Table:
        rows = []
        for label, cells, total in self.eligible_rows():
            rows.append((label, [c if c == "-" else int(c) for c in cells] + [total]))
        totals = [
            sum(self.eligible.get(c, {}).get(level, 0) for c, _ in CATEGORY_ROWS)
            for level in Level.values
        ]
        rows.append(("Total", [*totals, sum(totals)]))
        return Table(
            "eligible", caption, ["Level 1", "Level 2", "Level 3", total_label], rows, "levels"
        )

    def _rso_tables(self) -> list[Table]:
        units = Table(
            "rsos_by_area",
            "Registered Sexual Offenders in:",
            ["Number"],
            [(unit, [count]) for unit, count in self.rsos_by_unit]
            + [("Total (category 1)", [self.rso_total])],
            "bars",
        )
        rate = self.rso_rate
        rate_table = Table(
            "rso_rate",
            f"Registered Sexual Offenders in {self.police_force.name} per 100,000 head of "
            "population aged 10 and over",
            ["Rate"],
            [("Per 100,000", [rate if rate is not None else "population not recorded"])],
        )
        breaches = Table(
            "notification_breaches",
            "Registered Sexual Offenders cautioned or convicted for breach of notification "
            "requirements",
            ["Number"],
            [("Cautioned or convicted", [self.notification_breaches])],
        )
        return [units, rate_table, breaches]

    def tables(self) -> list[Table]:
        """The year's tables in the layout of the law in force at the year end."""
        if not self.uses_2015_tables:
            return self._tables_2010()
        return self._tables_2015()

    def _tables_2010(self) -> list[Table]:
        end = f"{self.year_end:%-d %B %Y}"
        tables = [
            self._eligible_table(f"Number of MAPPA eligible offenders at {end}", "TOTAL"),
            Table(
                "returned_to_custody_licence",
                "Returned to custody for breach of licence",
                ["Number"],
                [(label, [n]) for label, n in self.level_rows(self.recalled_by_level)],
                "bars",
            ),
            Table(
                "returned_to_custody_order",
                "Sent to custody for breach of Sexual Offences Prevention Order (SOPO)",
                ["Number"],
                [(label, [n]) for label, n in self.level_rows(self.sopo_custody_by_level)],
                "bars",
            ),
            *self._rso_tables(),
        ]
        for kind, label in ORDER_ROWS:
            tables.append(
                Table(
                    f"orders_{kind.lower()}",
                    label,
                    ["Number"],
                    [(stage_label, [self.orders[kind][s]]) for s, stage_label in ORDER_STAGES],
                )
            )
        return tables

    def _tables_2015(self) -> list[Table]:
        end = f"{self.year_end:%-d %B %Y}"
        custody = [
            (
                f"Level {level}",
                [self.recalled_by_level.get(level, 0), self.sopo_custody_by_level.get(level, 0)],
            )
            for level in MEETING_LEVELS
        ]
        custody.append(("Total", [sum(r[1][0] for r in custody), sum(r[1][1] for r in custody)]))
        sfo_rows = []
        for level in Level.values:
            cells = [self.sfos.get((category, level), 0) for category, _ in CATEGORY_ROWS]
            sfo_rows.append((f"Level {level}", [*cells, sum(cells)]))
        sfo_totals = [sum(row[1][i] for row in sfo_rows) for i in range(4)]
        sfo_rows.append(("Total", sfo_totals))
        return [
            self._eligible_table(f"MAPPA-eligible people at {end}, by category and level"),
            *self._rso_tables(),
            Table(
                "wanted_or_missing",
                f"Registered Sexual Offenders wanted or missing at {end}",
                ["Number"],
                [
                    ("Wanted", [self.wanted_or_missing.get("WANTED", 0)]),
                    ("Missing", [self.wanted_or_missing.get("MISSING", 0)]),
                    ("Total", [sum(self.wanted_or_missing.values())]),
                ],
            ),
            Table(
                "civil_orders",
                "Sexual Harm Prevention Orders and Sexual Risk Orders",
                ["Applied for", "Interim order made", "Full order made", "Breaches"],
                [
                    (
                        label,
                        [
                            self.orders[kind]["applied"],
                            self.orders[kind]["interim"],
                            self.orders[kind]["full"],
                            self.order_breaches.get(kind, 0),
                        ],
                    )
                    for kind, label in ORDERS_2015
                    + tuple(
                        (kind, label)
                        for kind, label in OLD_ORDERS_IN_NEW_LAYOUT
                        if any(self.orders[kind].values()) or self.order_breaches.get(kind)
                    )
                ],
                "bars",
            ),
            Table(
                "notification_orders",
                "Notification Orders",
                ["Number"],
                [
                    (stage_label, [self.orders[CivilOrderKind.NOTIFICATION_ORDER][s]])
                    for s, stage_label in ORDER_STAGES
                ],
            ),
            Table(
                "returned_to_custody",
                "Level 2 and 3 people returned to custody",
                ["Breach of licence", "Breach of SHPO, interim SHPO, SRO or interim SRO"],
                custody,
                "bars",
            ),
            Table(
                "serious_further_offences",
                "MAPPA-eligible people charged with a serious further offence, by the level "
                "managed at",
                [label.split(":")[0] for _, label in CATEGORY_ROWS] + ["Total"],
                sfo_rows,
                "bars",
            ),
            Table(
                "lifetime_reviews",
                "Indefinite notification requirements reviewed (Sexual Offences Act 2003 "
                "s91A to s91F)",
                ["Number"],
                [
                    ("Applications received", [self.lifetime_reviews.get("applied", 0)]),
                    ("Applications determined", [self.lifetime_reviews.get("determined", 0)]),
                    (
                        "Requirements revoked (discharged)",
                        [self.lifetime_reviews.get("revoked", 0)],
                    ),
                ],
            ),
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
    in_year = (start, year_end)

    open_at_end = list(_open_on(police_force, year_end).select_related("police_unit"))
    levels = _levels_on(open_at_end, year_end)
    eligible: dict[int, Counter] = defaultdict(Counter)
    for registration in open_at_end:
        eligible[registration.category][levels[registration.pk]] += 1
    report.eligible = {category: dict(counts) for category, counts in eligible.items()}

    recalls = EnforcementAction.objects.filter(
        kind=ActionKind.RECALL,
        outcome=BreachOutcome.RETURNED_TO_CUSTODY,
        resolved_on__range=in_year,
    ).values_list("person_id", "resolved_on")
    recalled = _level_at_event(police_force, list(recalls))
    report.recalled_by_level = {level: recalled[level] for level in MEETING_LEVELS}

    custody_kinds = CUSTODY_ORDERS_2015 if report.uses_2015_tables else CUSTODY_ORDERS_2010
    order_custody = CivilOrderBreach.objects.filter(
        order__kind__in=custody_kinds, sent_to_custody_on__range=in_year
    ).values_list("order__person_id", "sent_to_custody_on")
    custody = _level_at_event(police_force, list(order_custody))
    report.sopo_custody_by_level = {level: custody[level] for level in MEETING_LEVELS}

    rsos = [r for r in open_at_end if r.category == Category.REGISTERED_SEXUAL_OFFENDER]
    units = Counter(r.police_unit.name if r.police_unit else "Not recorded" for r in rsos)
    report.rsos_by_unit = sorted(units.items())
    report.rso_total = len(rsos)
    report.population = (
        AreaPopulation.objects.filter(police_force=police_force, year_end__lte=year_end)
        .order_by("-year_end")
        .first()
    )

    area_people = MappaRegistration.objects.filter(police_force=police_force).values("person_id")
    report.notification_breaches = NotificationBreach.objects.filter(
        person_id__in=area_people,
        outcome__in=[NotificationOutcome.CAUTIONED, NotificationOutcome.CONVICTED],
        outcome_date__range=in_year,
    ).count()

    counted = (
        CivilOrder.objects.filter(person_id__in=area_people)
        .values("kind")
        .annotate(
            applied=Count("pk", filter=Q(applied_on__range=in_year)),
            interim=Count("pk", filter=Q(interim_on__range=in_year)),
            full=Count("pk", filter=Q(full_on__range=in_year)),
        )
        .order_by()
    )
    report.orders = {
        kind: {"applied": 0, "interim": 0, "full": 0} for kind in CivilOrderKind.values
    }
    for row in counted:
        report.orders[row["kind"]] = {s: row[s] for s in ("applied", "interim", "full")}
    report.order_breaches = dict(
        CivilOrderBreach.objects.filter(
            order__person_id__in=area_people, breach_date__range=in_year
        )
        .values_list("order__kind")
        .annotate(n=Count("pk"))
        .order_by()
    )

    report.sfos = {
        (category, level): n
        for category, level, n in SeriousFurtherOffence.objects.filter(
            registration__police_force=police_force, charged_on__range=in_year
        )
        .values_list("registration__category", "level_at_the_time")
        .annotate(n=Count("pk"))
        .order_by()
    }
    report.wanted_or_missing = dict(
        WhereaboutsEpisode.objects.filter(
            registration__in=[r.pk for r in rsos], since__lte=year_end
        )
        .filter(Q(found_on__isnull=True) | Q(found_on__gt=year_end))
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    reviews = LifetimeNotificationReview.objects.filter(
        registration__police_force=police_force
    ).aggregate(
        applied=Count("pk", filter=Q(applied_on__range=in_year)),
        determined=Count("pk", filter=Q(determined_on__range=in_year)),
        revoked=Count(
            "pk",
            filter=Q(determined_on__range=in_year, outcome=LifetimeReviewOutcome.DISCHARGED),
        ),
    )
    report.lifetime_reviews = reviews
    report.commentary = ReportCommentary.objects.filter(
        police_force=police_force, year_end=year_end
    ).first()
    return report


@dataclass
class TrendYear:
    year_end: dt.date
    eligible: int
    registered_sexual_offenders: int
    returned_to_custody: int
    notification_breaches: int


def mappa_trend(
    *, police_force: Agency, year_end: dt.date, years: int = TREND_YEARS
) -> list[TrendYear]:
    """The headline figures for the `years` years ending `year_end`, oldest first."""
    trend = []
    for back in range(years - 1, -1, -1):
        built = mappa_annual_report(
            police_force=police_force, year_end=year_end.replace(year=year_end.year - back)
        )
        trend.append(
            TrendYear(
                year_end=built.year_end,
                eligible=built.eligible_total,
                registered_sexual_offenders=built.rso_total,
                returned_to_custody=built.returned_to_custody,
                notification_breaches=built.notification_breaches,
            )
        )
    return trend


# --- CSV: the printed layout, and tidy -----------------------------------------------------


def _writer(out):
    """Rows through the core writer, which neutralises formula cells (OWASP CSV injection)."""
    return csv_writer(out, lineterminator="\n").writerow


def report_csv(report: MappaAnnualReport) -> str:
    """The tables one after another, as the published report lays them out."""
    out = io.StringIO()
    write = _writer(out)
    write([report.title])
    write([f"{report.police_force.name}, year ending {report.year_end:%-d %B %Y}"])
    for table in report.tables():
        write([])
        write([table.caption])
        if table.columns != ["Number"]:
            write(["", *table.columns])
        for label, cells in table.rows:
            write([label, *cells])
        if table.key == "rso_rate" and report.population is not None:
            write(
                [
                    f"Population aged 10 and over: {report.population.population_aged_10_and_over}"
                    f" ({report.population.source})"
                ]
            )
    if report.commentary is not None:
        write([])
        write(["Strategic Management Board commentary"])
        write([report.commentary.text])
    return out.getvalue()


TIDY_HEADER = ["police_force", "year_end", "table", "row", "column", "value"]


def report_csv_tidy(report: MappaAnnualReport) -> str:
    """One long table: a row per figure, named by its table, row and column."""
    out = io.StringIO()
    write = _writer(out)
    write(TIDY_HEADER)
    for table in report.tables():
        for label, cells in table.rows:
            for column, value in zip(table.columns, cells, strict=True):
                if value == "-":
                    continue
                write(
                    [
                        report.police_force.code,
                        report.year_end.isoformat(),
                        table.key,
                        label,
                        column,
                        value,
                    ]
                )
    return out.getvalue()


def report_zip(report: MappaAnnualReport) -> bytes:
    """One tidy CSV per table, in a zip, with the long table and the printed layout."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, table in enumerate(report.tables(), start=1):
            out = io.StringIO()
            write = _writer(out)
            write(["row", *table.columns])
            for label, cells in table.rows:
                write([label, *cells])
            archive.writestr(f"{number:02d}_{table.key}.csv", out.getvalue())
        archive.writestr("all_tables_long.csv", report_csv_tidy(report))
        archive.writestr("printed_layout.csv", report_csv(report))
    return buffer.getvalue()


def report_pdf(html: str) -> bytes:
    """The report page as a PDF (WeasyPrint, imported here: it needs Pango at run time)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
