"""Each role's home page: short lists of what is due now, and one filterable list to work from.

Every list starts from `openom.access` (people_visible_to, the MAPPA register, the IOM scheme),
so exclusions and restrictions apply; the view logs the cases each page shows. Rows are built
only from annotated or joined columns, so a page costs the same queries for 5 rows or 5,000.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.admin.sites import site as admin_site
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from openom.access.constants import CasePart
from openom.access.models import CaseShare
from openom.access.policy import (
    approved_premises_residents,
    iom_scheme_for,
    people_visible_to,
    without_hidden_people,
)
from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.allocation.selectors import unallocated_cases
from openom.assessment.constants import AssessmentStatus, RoshLevel
from openom.assessment.models import Assessment
from openom.assessment.selectors import countersigning_queue
from openom.contacts.constants import ContactType
from openom.contacts.models import Contact
from openom.enforcement.selectors import recalls_awaiting_authorisation
from openom.home.roles import HomeRole
from openom.inspection.models import Inspection
from openom.iom.models import Membership
from openom.iom.selectors import referrals_waiting
from openom.mappa.selectors import referrals_waiting_for, register_for
from openom.people.constants import AddressType
from openom.people.models import Address, Person
from openom.people.selectors import caseload_for
from openom.release.constants import RELEASE_DATE_PRECEDENCE
from openom.release.models import ReleaseCalculation
from openom.sentencing.constants import EventOutcome, RequirementType
from openom.sentencing.models import Court, Event, Requirement
from openom.tiering.models import TierCalculation
from openom.victims.models import Victim
from openom.worklist.selectors import worklist_for

# Short lists on a home page show this many rows, with a link to the rest.
PANEL_ROWS = 10
# "Coming up" on a home page: releases and reviews within this many days.
COMING_UP_DAYS = 84  # twelve weeks: time to prepare a release plan, victim contact and MAPPA
UPW_SESSION_DAYS = 7
# What an empty cell shows (as the rest of OpenOM's tables do).
BLANK = "\N{EN DASH}"


@dataclass(frozen=True)
class Cell:
    text: str
    href: str = ""
    tag: str = ""  # a GOV.UK tag before the text: "Overdue" (red), "Due" (yellow)


@dataclass(frozen=True)
class Row:
    cells: list[Cell]
    person: Person | None = None


@dataclass
class Panel:
    title: str
    headers: list[str]
    rows: list[Row]
    empty: str
    total: int | None = None
    more: tuple[str, str] | None = None  # (link text, href)


@dataclass(frozen=True)
class SelectFilter:
    name: str
    label: str
    options: list[tuple[str, str]]


@dataclass
class Listing:
    caption: str
    headers: list[str]
    queryset: QuerySet
    row: Callable[[Any], Row]
    empty: str
    filename: str


@dataclass
class HomePage:
    home_role: HomeRole
    intro: str
    listing: Listing | None
    panels: list[Panel] = field(default_factory=list)
    filters: list[SelectFilter] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""
    log_part: CasePart = CasePart.CASELOAD
    searchable: bool = True


# --- Shared pieces ------------------------------------------------------------------------------


def _date(value: dt.date | None) -> str:
    return f"{value:%-d %b %Y}" if value else BLANK


def _when(value: dt.datetime | None) -> str:
    return f"{timezone.localtime(value):%-d %b %Y %H:%M}" if value else BLANK


def _hours(value) -> str:
    """Hours as people write them: 7, 7.5 (the same on every database)."""
    return f"{Decimal(value or 0).normalize():f}"


def _iso_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _due_tag(due: dt.date | None, today: dt.date, soon_days: int = 7) -> str:
    if due is None:
        return ""
    if due < today:
        return "Overdue"
    return "Due" if due <= today + dt.timedelta(days=soon_days) else ""


def _case_link(person: Person, name: str | None = None) -> Cell:
    return Cell(
        name or f"{person.surname}, {person.forename}",
        reverse("people:case-summary", args=[person.crn]),
    )


def _name_or_crn(queryset: QuerySet, q: str, prefix: str = "") -> QuerySet:
    """Narrow a list by what was typed in its filter box: a CRN, or part of a name."""
    q = q.strip()
    if not q:
        return queryset
    words = q.split()
    match = Q(**{f"{prefix}crn__iexact": q})
    names = Q()
    for word in words:
        names &= Q(**{f"{prefix}surname__icontains": word}) | Q(
            **{f"{prefix}forename__icontains": word}
        )
    return queryset.filter(match | names)


def _tier(ref: str = "pk"):
    return Subquery(
        TierCalculation.objects.filter(person=OuterRef(ref))
        .order_by("-calculated_at", "-pk")
        .values("two_axis_tier")[:1]
    )


def _rosh(ref: str = "pk"):
    return Subquery(
        Assessment.objects.filter(person=OuterRef(ref), status=AssessmentStatus.COMPLETE)
        .order_by("-completed_on", "-pk")
        .values("overall_rosh")[:1]
    )


def _next_appointment(now: dt.datetime, ref: str = "pk"):
    return Subquery(
        Contact.objects.filter(person=OuterRef(ref), starts_at__gte=now)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )


def _last_contact(now: dt.datetime, ref: str = "pk"):
    return Subquery(
        Contact.objects.filter(person=OuterRef(ref), starts_at__lt=now)
        .exclude(outcome="")
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )


def _offender_manager(ref: str = "pk"):
    current = CaseAllocation.objects.filter(person=OuterRef(ref), end_date__isnull=True)
    return {
        "om_first": Subquery(current.values("offender_manager__first_name")[:1]),
        "om_last": Subquery(current.values("offender_manager__last_name")[:1]),
        "team_name": Subquery(current.values("team__name")[:1]),
    }


def _om_name(obj) -> str:
    return f"{obj.om_first} {obj.om_last}" if obj.om_last else "Unallocated"


def _expected_release(ref: str = "pk"):
    """The release date of the newest release calculation (CRD, ARD... by precedence)."""
    dates = [KT(f"dates__{code}") for code in RELEASE_DATE_PRECEDENCE]
    return Subquery(
        ReleaseCalculation.objects.filter(person=OuterRef(ref))
        .order_by("-calculated_at", "-id")
        .annotate(release_on=Coalesce(*dates))
        .values("release_on")[:1]
    )


ROSH_LABELS = dict(RoshLevel.choices)
ROSH_FILTER = SelectFilter(
    "rosh", "Risk of serious harm", [("", "Any"), *RoshLevel.choices, ("none", "Not assessed")]
)


def _filter_rosh(queryset: QuerySet, value: str) -> QuerySet:
    if value == "none":
        return queryset.filter(rosh__isnull=True)
    if value in ROSH_LABELS:
        return queryset.filter(rosh=value)
    return queryset


def _panel(title, headers, items, row, empty, *, total=None, more=None) -> Panel:
    return Panel(title, headers, [row(i) for i in items], empty, total, more)


# --- Offender manager ---------------------------------------------------------------------------


def offender_manager_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    people = caseload_for(actor=actor).annotate(
        tier=_tier(),
        rosh=_rosh(),
        next_appointment=_next_appointment(now),
        last_contact=_last_contact(now),
    )
    people = _filter_rosh(_name_or_crn(people, params.get("q", "")), params.get("rosh", ""))

    def row(p):
        return Row(
            [
                _case_link(p),
                Cell(p.crn),
                Cell(p.tier or BLANK),
                Cell(ROSH_LABELS.get(p.rosh, "Not assessed")),
                Cell(_when(p.next_appointment)),
                Cell(_when(p.last_contact)),
            ],
            p,
        )

    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    appointments = (
        Contact.objects.filter(
            starts_at__gte=start,
            starts_at__lt=start + dt.timedelta(days=1),
            person__in=people_visible_to(actor),
        )
        .filter(Q(officer=actor) | Q(person__in=caseload_for(actor=actor).values("pk")))
        .select_related("person")
        .order_by("starts_at", "pk")
    )

    def appointment_row(c):
        if c.outcome:
            action = Cell(c.get_outcome_display())
        elif c.starts_at <= now:
            action = Cell(
                "Record the outcome", reverse("contacts:outcome", args=[c.person.crn, c.pk])
            )
        else:
            action = Cell("Not yet")
        return Row(
            [
                Cell(f"{timezone.localtime(c.starts_at):%H:%M}"),
                _case_link(c.person),
                Cell(c.get_contact_type_display()),
                action,
            ],
            c.person,
        )

    overdue = [i for i in worklist_for(actor=actor, today=today) if i.overdue]
    return HomePage(
        home_role,
        "Your appointments today, what is overdue, and the cases you hold.",
        Listing(
            "Cases allocated to you",
            ["Name", "CRN", "Tier", "RoSH", "Next appointment", "Last contact"],
            people,
            row,
            "No cases are allocated to you.",
            "my-cases.csv",
        ),
        panels=[
            _panel(
                "Today's appointments",
                ["Time", "Case", "Type", "Outcome"],
                list(appointments[:PANEL_ROWS]),
                appointment_row,
                "You have no appointments today.",
            ),
            Panel(
                "Overdue actions",
                ["Due", "Case", "What"],
                [
                    Row(
                        [
                            Cell(_date(i.due), tag="Overdue"),
                            Cell(f"{i.name} ({i.crn})"),
                            Cell(f"{i.kind}: {i.description}", i.url),
                        ]
                    )
                    for i in overdue[:PANEL_ROWS]
                ],
                "Nothing is overdue.",
                len(overdue),
                ("All your work", reverse("worklist:worklist")),
            ),
        ],
        filters=[ROSH_FILTER],
        links=[("My worklist", reverse("worklist:worklist"))],
    )


# --- Senior probation officer -------------------------------------------------------------------


def senior_probation_officer_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    team_members = list(
        User.objects.filter(team_id=actor.team_id, is_active=True).order_by(
            "last_name", "first_name"
        )
    )
    holding = CaseAllocation.objects.filter(
        person=OuterRef("pk"), end_date__isnull=True, team_id=actor.team_id
    )
    people = (
        people_visible_to(actor)
        .filter(Exists(holding))
        .annotate(
            **_offender_manager(),
            om_id=Subquery(holding.values("offender_manager_id")[:1]),
            tier=_tier(),
            rosh=_rosh(),
            next_appointment=_next_appointment(now),
        )
        .order_by("surname", "forename", "pk")
        if actor.team_id
        else Person.objects.none()
    )
    people = _filter_rosh(_name_or_crn(people, params.get("q", "")), params.get("rosh", ""))
    officer = params.get("officer", "")
    if officer == "none":
        people = people.filter(om_id__isnull=True)
    elif officer.isdigit():
        people = people.filter(om_id=int(officer))

    def row(p):
        return Row(
            [
                _case_link(p),
                Cell(p.crn),
                Cell(_om_name(p)),
                Cell(p.tier or BLANK),
                Cell(ROSH_LABELS.get(p.rosh, "Not assessed")),
                Cell(_when(p.next_appointment)),
            ],
            p,
        )

    countersign = countersigning_queue(actor)
    recalls = recalls_awaiting_authorisation(actor)
    to_allocate = unallocated_cases(actor) if actor.team_id else CaseAllocation.objects.none()
    panels = [
        _panel(
            "Assessments to countersign",
            ["Case", "Assessor", "Completed", "RoSH"],
            list(countersign[:PANEL_ROWS]),
            lambda a: Row(
                [
                    Cell(
                        f"{a.person.surname}, {a.person.forename}",
                        reverse("assessments:countersign-queue"),
                    ),
                    Cell(a.assessor.get_full_name()),
                    Cell(_date(a.completed_on)),
                    Cell(a.get_overall_rosh_display()),
                ],
                a.person,
            ),
            "No assessment is waiting for your countersignature.",
            total=countersign.count(),
            more=("All assessments to countersign", reverse("assessments:countersign-queue")),
        ),
        _panel(
            "Recalls to authorise",
            ["Case", "Type", "Requested", "Start by"],
            list(recalls[:PANEL_ROWS]),
            lambda r: Row(
                [
                    Cell(
                        f"{r.person.surname}, {r.person.forename}",
                        reverse("enforcement:action", args=[r.person.crn, r.pk]),
                    ),
                    Cell(r.get_recall_type_display()),
                    Cell(_date(r.started_on)),
                    Cell(_date(r.deadline), tag=_due_tag(r.deadline, today, 2)),
                ],
                r.person,
            ),
            "No recall is waiting for your authorisation.",
            total=recalls.count(),
        ),
        _panel(
            "Cases to allocate",
            ["Case", "Waiting since"],
            list(to_allocate[:PANEL_ROWS]),
            lambda a: Row(
                [
                    Cell(
                        f"{a.person.surname}, {a.person.forename}",
                        reverse("allocation:allocate", args=[a.person.crn]),
                    ),
                    Cell(_date(a.start_date)),
                ],
                a.person,
            ),
            "No case is waiting for an offender manager.",
            total=to_allocate.count(),
            more=("All cases to allocate", reverse("allocation:unallocated")),
        ),
    ]
    return HomePage(
        home_role,
        "What is waiting for your approval, and your team's caseload.",
        Listing(
            "Your team's cases",
            ["Name", "CRN", "Offender manager", "Tier", "RoSH", "Next appointment"],
            people,
            row,
            "Your team holds no cases.",
            "team-cases.csv",
        ),
        panels=panels,
        filters=[
            SelectFilter(
                "officer",
                "Offender manager",
                [
                    ("", "Anyone"),
                    *((str(u.pk), u.get_full_name()) for u in team_members),
                    ("none", "Unallocated"),
                ],
            ),
            ROSH_FILTER,
        ],
        links=[
            ("Team worklist", f"{reverse('worklist:worklist')}?view=team"),
            ("Team workload", reverse("allocation:workload")),
        ],
    )


# --- Court officer ------------------------------------------------------------------------------

AWAITING_SENTENCE = (EventOutcome.ADJOURNED_FOR_REPORT, EventOutcome.DEFERRED)


def court_page(home_role, actor, params, now) -> HomePage:
    events = (
        Event.objects.filter(outcome__in=AWAITING_SENTENCE, person__in=people_visible_to(actor))
        .select_related("person", "court")
        .order_by("conviction_date", "pk")
    )
    events = _name_or_crn(events, params.get("q", ""), "person__")
    court = params.get("court", "")
    if court:
        events = events.filter(court__code=court)
    status = params.get("status", "")
    if status in AWAITING_SENTENCE:
        events = events.filter(outcome=status)

    def row(e):
        return Row(
            [
                Cell(
                    f"{e.person.surname}, {e.person.forename}",
                    reverse("people:case-events", args=[e.person.crn]),
                ),
                Cell(e.person.crn),
                Cell(e.court.name),
                Cell(_date(e.conviction_date)),
                Cell(e.get_outcome_display()),
            ],
            e.person,
        )

    return HomePage(
        home_role,
        "Convictions in your area waiting for a pre-sentence report or a deferred sentence.",
        Listing(
            "Reports due and sentences awaited",
            ["Name", "CRN", "Court", "Convicted", "Status"],
            events,
            row,
            "No conviction is waiting for a report or sentence.",
            "court-work.csv",
        ),
        filters=[
            SelectFilter(
                "court",
                "Court",
                [("", "All courts"), *Court.objects.order_by("name").values_list("code", "name")],
            ),
            SelectFilter(
                "status",
                "Status",
                [("", "Any"), *((o.value, o.label) for o in AWAITING_SENTENCE)],
            ),
        ],
        note=(
            "OpenOM does not yet hold court hearing lists or pre-sentence report requests: this "
            "lists the convictions recorded as adjourned for a report or with sentence deferred, "
            "oldest first. Opening a case outside your team asks for a reason."
        ),
    )


# --- Unpaid work --------------------------------------------------------------------------------


def unpaid_work_page(home_role, actor, params, now) -> HomePage:
    sessions = Contact.objects.filter(
        requirement=OuterRef("pk"), contact_type=ContactType.UNPAID_WORK
    )
    requirements = (
        Requirement.objects.filter(
            requirement_type=RequirementType.UNPAID_WORK,
            termination_date__isnull=True,
            sentence__termination_date__isnull=True,
            sentence__person__in=people_visible_to(actor),
        )
        .select_related("sentence__person")
        .annotate(
            hours_worked=Subquery(
                sessions.order_by()
                .values("requirement")
                .annotate(total=Sum("hours_credited"))
                .values("total")[:1]
            ),
            next_session=Subquery(
                sessions.filter(starts_at__gte=now).order_by("starts_at").values("starts_at")[:1]
            ),
            **_offender_manager("sentence__person"),
        )
        .order_by("sentence__person__surname", "sentence__person__forename", "pk")
    )
    requirements = _name_or_crn(requirements, params.get("q", ""), "sentence__person__")
    state = params.get("state", "")
    if state == "not-started":
        requirements = requirements.filter(~Exists(sessions))
    elif state == "no-session":
        requirements = requirements.filter(next_session__isnull=True)

    def row(r):
        person = r.sentence.person
        return Row(
            [
                _case_link(person),
                Cell(person.crn),
                Cell(f"{r.length or 0} {r.get_length_unit_display().lower()}"),
                Cell(_hours(r.hours_worked)),
                Cell(_when(r.next_session)),
                Cell(r.team_name or BLANK),
            ],
            person,
        )

    coming = (
        Contact.objects.filter(
            contact_type=ContactType.UNPAID_WORK,
            starts_at__gte=now,
            starts_at__lt=now + dt.timedelta(days=UPW_SESSION_DAYS),
            person__in=people_visible_to(actor),
        )
        .select_related("person")
        .order_by("starts_at", "pk")
    )
    return HomePage(
        home_role,
        "People in your area with unpaid work to do, and the sessions booked this week.",
        Listing(
            "People with unpaid work",
            ["Name", "CRN", "Ordered", "Hours worked", "Next session", "Holding team"],
            requirements,
            row,
            "No one in your area has unpaid work outstanding.",
            "unpaid-work.csv",
        ),
        panels=[
            _panel(
                f"Sessions in the next {UPW_SESSION_DAYS} days",
                ["When", "Case", "Where"],
                list(coming[:PANEL_ROWS]),
                lambda c: Row(
                    [Cell(_when(c.starts_at)), _case_link(c.person), Cell(c.location or BLANK)],
                    c.person,
                ),
                "No unpaid work session is booked this week.",
                total=coming.count(),
            )
        ],
        filters=[
            SelectFilter(
                "state",
                "Progress",
                [
                    ("", "Everyone"),
                    ("not-started", "Not started"),
                    ("no-session", "No session booked"),
                ],
            )
        ],
        note="Opening a case held by another team asks for a reason, which the case's manager sees.",
    )


# --- Approved premises --------------------------------------------------------------------------


def approved_premises_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    stay = Address.objects.filter(
        person=OuterRef("pk"),
        address_type=AddressType.APPROVED_PREMISES,
        start_date__lte=today,
    ).filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    people = (
        people_visible_to(actor)
        .filter(pk__in=approved_premises_residents(today).values("pk"))
        .annotate(
            premises=Subquery(stay.order_by("-start_date").values("line_1")[:1]),
            arrived=Subquery(stay.order_by("-start_date").values("start_date")[:1]),
            **_offender_manager(),
            rosh=_rosh(),
            next_appointment=_next_appointment(now),
        )
        .order_by("surname", "forename", "pk")
    )
    people = _filter_rosh(_name_or_crn(people, params.get("q", "")), params.get("rosh", ""))

    def row(p):
        return Row(
            [
                _case_link(p),
                Cell(p.crn),
                Cell(p.premises or BLANK),
                Cell(_date(p.arrived)),
                Cell(_om_name(p)),
                Cell(ROSH_LABELS.get(p.rosh, "Not assessed")),
                Cell(_when(p.next_appointment)),
            ],
            p,
        )

    return HomePage(
        home_role,
        "The residents of approved premises in your area: open a resident's case directly.",
        Listing(
            "Residents",
            ["Name", "CRN", "Premises", "Arrived", "Offender manager", "RoSH", "Next appointment"],
            people,
            row,
            "No one in your area lives in approved premises.",
            "residents.csv",
        ),
        filters=[ROSH_FILTER],
    )


# --- Victim liaison -----------------------------------------------------------------------------

VICTIM_STATES = [
    ("", "Everyone"),
    ("not-offered", "Contact not yet offered"),
    ("awaiting", "Offered, waiting for an answer"),
    ("opted-in", "Opted in"),
    ("opted-out", "Opted out"),
]


def _victim_state(v) -> str:
    if v.contact_offered_on is None:
        return "Not offered"
    if v.opted_in is None:
        return "Waiting for an answer"
    return "Opted in" if v.opted_in else "Opted out"


def victim_liaison_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    victims = (
        Victim.objects.filter(
            person__in=people_visible_to(actor), person__probation_area_id=actor.agency_id
        )
        .select_related("person")
        .annotate(release_on=_expected_release("person"))
        .order_by(F("contact_offered_on").asc(nulls_first=True), "person__surname", "surname", "pk")
    )
    victims = _name_or_crn(victims, params.get("q", ""), "person__")
    state = params.get("state", "")
    if state == "not-offered":
        victims = victims.filter(contact_offered_on__isnull=True)
    elif state == "awaiting":
        victims = victims.filter(contact_offered_on__isnull=False, opted_in__isnull=True)
    elif state == "opted-in":
        victims = victims.filter(opted_in=True)
    elif state == "opted-out":
        victims = victims.filter(opted_in=False)

    def row(v):
        release = _iso_date(v.release_on)
        return Row(
            [
                Cell(
                    f"{v.person.surname}, {v.person.forename}",
                    reverse("victims:list", args=[v.person.crn]),
                ),
                Cell(v.person.crn),
                Cell(f"{v.surname}, {v.forename}"),
                Cell(_victim_state(v), tag="Due" if v.contact_offered_on is None else ""),
                Cell(_date(v.contact_offered_on)),
                Cell(_date(release) if release and release >= today else BLANK),
            ],
            v.person,
        )

    horizon = (today + dt.timedelta(days=COMING_UP_DAYS)).isoformat()
    releasing = (
        Victim.objects.filter(
            person__in=people_visible_to(actor), person__probation_area_id=actor.agency_id
        )
        .select_related("person")
        .annotate(release_on=_expected_release("person"))
        .filter(release_on__gte=today.isoformat(), release_on__lte=horizon)
        .order_by("release_on", "pk")
    )
    not_offered = Victim.objects.filter(
        person__in=people_visible_to(actor),
        person__probation_area_id=actor.agency_id,
        contact_offered_on__isnull=True,
    )
    return HomePage(
        home_role,
        "The victims you keep in touch with: offers to make, and releases coming up.",
        Listing(
            "Victims",
            ["Case", "CRN", "Victim", "Contact", "Offered", "Expected release"],
            victims,
            row,
            "No victim is recorded for cases in your area.",
            "victims.csv",
        ),
        panels=[
            _panel(
                f"Releases in the next {COMING_UP_DAYS // 7} weeks",
                ["Release", "Case", "Victim", "Contact"],
                list(releasing[:PANEL_ROWS]),
                lambda v: Row(
                    [
                        Cell(_date(_iso_date(v.release_on))),
                        Cell(
                            f"{v.person.surname}, {v.person.forename}",
                            reverse("victims:list", args=[v.person.crn]),
                        ),
                        Cell(f"{v.surname}, {v.forename}"),
                        Cell(_victim_state(v)),
                    ],
                    v.person,
                ),
                "No case with a victim is due for release in that time.",
                total=releasing.count(),
            ),
            Panel(
                "Offers of contact to make",
                [],
                [],
                "Every victim has been offered contact.",
                total=not_offered.count(),
                more=("Show them", "?state=not-offered"),
            ),
        ],
        filters=[SelectFilter("state", "Victim contact", VICTIM_STATES)],
        note=(
            "Dates come from the victim records and the newest release calculation; the "
            "statutory victim contact scheme's stages and deadlines are not built yet."
        ),
        log_part=CasePart.VICTIMS,
    )


# --- Police, prison and partners: the cases shared with the agency ------------------------------


def _shared_page(home_role, actor, params, now, *, intro: str, empty: str) -> HomePage:
    from openom.access.constants import SharingBasis

    today = timezone.localdate(now)
    active = CaseShare.objects.filter(person=OuterRef("pk"), agency_id=actor.agency_id).filter(
        Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    )
    people = (
        people_visible_to(actor)
        .filter(Exists(active))
        .annotate(
            basis=Subquery(active.order_by("start_date", "pk").values("basis")[:1]),
            shared_since=Subquery(active.order_by("start_date", "pk").values("start_date")[:1]),
            release_on=_expected_release(),
            **_offender_manager(),
        )
        .order_by("surname", "forename", "pk")
    )
    people = _name_or_crn(people, params.get("q", ""), "")
    basis = params.get("basis", "")
    if basis in SharingBasis.values:
        people = people.filter(Exists(active.filter(basis=basis)))
    horizon = (today + dt.timedelta(days=COMING_UP_DAYS)).isoformat()
    if params.get("releasing") == "soon":
        people = people.filter(release_on__gte=today.isoformat(), release_on__lte=horizon)
    labels = dict(SharingBasis.choices)

    def row(p):
        release = _iso_date(p.release_on)
        return Row(
            [
                _case_link(p),
                Cell(p.crn),
                Cell(labels.get(p.basis, p.basis or BLANK)),
                Cell(_date(p.shared_since)),
                Cell(_om_name(p)),
                Cell(_date(release) if release and release >= today else BLANK),
            ],
            p,
        )

    releasing = (
        people_visible_to(actor)
        .filter(Exists(active))
        .annotate(release_on=_expected_release())
        .filter(release_on__gte=today.isoformat(), release_on__lte=horizon)
        .order_by("release_on", "pk")
    )
    return HomePage(
        home_role,
        intro,
        Listing(
            "Cases shared with you",
            ["Name", "CRN", "Shared because", "Since", "Offender manager", "Expected release"],
            people,
            row,
            empty,
            "shared-cases.csv",
        ),
        panels=[
            _panel(
                f"Releases in the next {COMING_UP_DAYS // 7} weeks",
                ["Release", "Case", "CRN"],
                list(releasing[:PANEL_ROWS]),
                lambda p: Row(
                    [Cell(_date(_iso_date(p.release_on))), _case_link(p), Cell(p.crn)], p
                ),
                "No shared case is due for release in that time.",
                total=releasing.count(),
                more=("Show them all", "?releasing=soon"),
            )
        ],
        filters=[
            SelectFilter("basis", "Shared because", [("", "Any reason"), *SharingBasis.choices]),
            SelectFilter(
                "releasing",
                "Release",
                [("", "Any"), ("soon", f"Releasing in the next {COMING_UP_DAYS // 7} weeks")],
            ),
        ],
        note="You see the parts of each case its sharing record names, while it lasts.",
    )


def police_page(home_role, actor, params, now) -> HomePage:
    return _shared_page(
        home_role,
        actor,
        params,
        now,
        intro="Cases probation shares with your force (MAPPA, IOM, referrals), and releases coming up.",
        empty="No case is shared with your force.",
    )


def prison_page(home_role, actor, params, now) -> HomePage:
    return _shared_page(
        home_role,
        actor,
        params,
        now,
        intro="The prisoners whose cases are shared with your prison, and releases coming up.",
        empty="No case is shared with your prison.",
    )


def partner_page(home_role, actor, params, now) -> HomePage:
    return _shared_page(
        home_role,
        actor,
        params,
        now,
        intro="Cases shared with your organisation: referrals to your service and agreed sharing.",
        empty="No case is shared with your organisation.",
    )


# --- Inspector ----------------------------------------------------------------------------------


def inspector_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    running = Inspection.objects.filter(
        inspectors=actor, start_date__lte=today, end_date__gte=today
    )
    sampled = running.filter(sample=OuterRef("pk"))
    people = (
        people_visible_to(actor)
        .filter(Exists(sampled))
        .annotate(
            inspection=Subquery(sampled.order_by("end_date").values("name")[:1]),
            inspection_ends=Subquery(sampled.order_by("end_date").values("end_date")[:1]),
            **_offender_manager(),
            rosh=_rosh(),
        )
        .order_by("surname", "forename", "pk")
    )
    people = _filter_rosh(_name_or_crn(people, params.get("q", "")), params.get("rosh", ""))

    def row(p):
        return Row(
            [
                _case_link(p),
                Cell(p.crn),
                Cell(p.inspection),
                Cell(p.team_name or BLANK),
                Cell(_om_name(p)),
                Cell(ROSH_LABELS.get(p.rosh, "Not assessed")),
            ],
            p,
        )

    return HomePage(
        home_role,
        "The cases sampled for your inspection, read-only while it runs.",
        Listing(
            "Sampled cases",
            ["Name", "CRN", "Inspection", "Team", "Offender manager", "RoSH"],
            people,
            row,
            "No inspection of yours is running.",
            "inspection-sample.csv",
        ),
        filters=[ROSH_FILTER],
    )


# --- Performance analyst: aggregates only -------------------------------------------------------


def analyst_page(home_role, actor, params, now) -> HomePage:
    counts = (
        CaseAllocation.objects.filter(end_date__isnull=True, team__agency_id=actor.agency_id)
        .values("team__delivery_unit__name", "team__name", "team__code")
        .annotate(
            cases=Count("pk"),
            waiting=Count("pk", filter=Q(offender_manager__isnull=True)),
        )
        .order_by("team__delivery_unit__name", "team__name")
    )
    unit = params.get("unit", "")
    if unit:
        counts = counts.filter(team__delivery_unit__code=unit)
    from openom.organisations.models import LocalDeliveryUnit

    units = LocalDeliveryUnit.objects.filter(agency_id=actor.agency_id).order_by("name")

    def row(c):
        return Row(
            [
                Cell(c["team__delivery_unit__name"] or BLANK),
                Cell(c["team__name"]),
                Cell(str(c["cases"])),
                Cell(str(c["waiting"])),
            ]
        )

    return HomePage(
        home_role,
        "Current caseload counts by delivery unit and team: numbers only, never names.",
        Listing(
            "Caseload by unit and team",
            ["Delivery unit", "Team", "Cases held", "Waiting for an offender manager"],
            counts,
            row,
            "No cases are held in your area.",
            "caseload-by-unit.csv",
        ),
        filters=[
            SelectFilter("unit", "Delivery unit", [("", "All"), *units.values_list("code", "name")])
        ],
        note="The performance measures of the performance issue will appear here when they land.",
        searchable=False,
    )


# --- MAPPA and IOM coordinators -----------------------------------------------------------------


def mappa_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    category = params.get("category", "")
    level = params.get("level", "")
    registrations = register_for(
        actor,
        category=int(category) if category.isdigit() else None,
        level=int(level) if level.isdigit() else None,
    )
    registrations = _name_or_crn(registrations, params.get("q", ""), "person__")
    if params.get("due") == "soon":
        registrations = registrations.filter(next_review_due__lte=today + dt.timedelta(days=28))

    def row(r):
        return Row(
            [
                Cell(
                    f"{r.person.surname}, {r.person.forename}",
                    reverse("mappa:registration", args=[r.pk]),
                ),
                Cell(r.person.crn),
                Cell(f"Category {r.category}"),
                Cell(f"Level {r.level}"),
                Cell(_date(r.next_review_due), tag=_due_tag(r.next_review_due, today, 28)),
                Cell(_date(r.release_date)),
            ],
            r.person,
        )

    referrals = referrals_waiting_for(actor)
    from openom.mappa.constants import Category, Level

    return HomePage(
        home_role,
        "Your register, soonest review first, and the referrals waiting for a decision.",
        Listing(
            "MAPPA register",
            ["Name", "CRN", "Category", "Level", "Review due", "Release"],
            registrations,
            row,
            "No one is on your register.",
            "mappa-register.csv",
        ),
        panels=[
            _panel(
                "Referrals waiting for a decision",
                ["Case", "Referred", "By"],
                list(referrals[:PANEL_ROWS]),
                lambda r: Row(
                    [
                        Cell(
                            f"{r.person.surname}, {r.person.forename}",
                            reverse("mappa:referral-decide", args=[r.pk]),
                        ),
                        Cell(_date(r.referred_on)),
                        Cell(r.referring_agency.name),
                    ],
                    r.person,
                ),
                "No referral is waiting.",
                total=referrals.count(),
                more=("All referrals", reverse("mappa:referrals")),
            )
        ],
        filters=[
            SelectFilter("category", "Category", [("", "Any"), *Category.choices]),
            SelectFilter("level", "Level", [("", "Any"), *Level.choices]),
            SelectFilter("due", "Review", [("", "Any"), ("soon", "Due within 4 weeks")]),
        ],
        links=[
            ("Meetings", reverse("mappa:meetings")),
            ("Actions", reverse("mappa:actions")),
        ],
    )


def iom_page(home_role, actor, params, now) -> HomePage:
    today = timezone.localdate(now)
    scheme = iom_scheme_for(actor)
    members = (
        without_hidden_people(
            Membership.objects.filter(scheme=scheme, end_date__isnull=True), actor
        )
        .select_related("person", "district")
        .order_by("next_review_due", "pk")
        if scheme
        else Membership.objects.none()
    )
    members = _name_or_crn(members, params.get("q", ""), "person__")
    if params.get("due") == "soon":
        members = members.filter(next_review_due__lte=today + dt.timedelta(days=28))

    def row(m):
        return Row(
            [
                Cell(
                    f"{m.person.surname}, {m.person.forename}",
                    reverse("iom:member", args=[m.pk]),
                ),
                Cell(m.person.crn),
                Cell(m.cohort_label or BLANK),
                Cell(m.intensity.replace("_", " ").capitalize()),
                Cell(m.district.name if m.district else BLANK),
                Cell(_date(m.next_review_due), tag=_due_tag(m.next_review_due, today, 28)),
            ],
            m.person,
        )

    waiting = (
        referrals_waiting(scheme).order_by("referred_on", "pk")
        if scheme
        else Membership.objects.none()
    )
    return HomePage(
        home_role,
        "Your cohort, soonest review first, and the referrals waiting to be screened.",
        Listing(
            "IOM cohort",
            ["Name", "CRN", "Cohort", "Intensity", "District", "Review due"],
            members,
            row,
            "No one is in your cohort.",
            "iom-cohort.csv",
        ),
        panels=[
            _panel(
                "Referrals to screen",
                ["Case", "Referred"],
                list(waiting[:PANEL_ROWS]),
                lambda r: Row(
                    [
                        Cell(
                            f"{r.person.surname}, {r.person.forename}",
                            reverse("iom:referral-screen", args=[r.pk]),
                        ),
                        Cell(_date(r.referred_on)),
                    ],
                    r.person,
                ),
                "No referral is waiting.",
                total=waiting.count() if scheme else 0,
                more=("All referrals", reverse("iom:referrals")),
            )
        ],
        filters=[SelectFilter("due", "Review", [("", "Any"), ("soon", "Due within 4 weeks")])],
        links=[("Candidates", reverse("iom:candidates")), ("Matrix", reverse("iom:matrix"))],
    )


# --- System administrator -----------------------------------------------------------------------


def admin_page(home_role, actor, params, now) -> HomePage:
    users = User.objects.select_related("agency", "team").prefetch_related("roles")
    q = params.get("q", "").strip()
    if q:
        users = users.filter(
            Q(username__icontains=q) | Q(first_name__icontains=q) | Q(last_name__icontains=q)
        )
    role = params.get("role", "")
    if role in Role.values:
        users = users.filter(roles__role=role)
    users = users.order_by("last_name", "first_name", "pk")
    labels = dict(Role.choices)

    def row(u):
        return Row(
            [
                Cell(
                    u.get_full_name() or u.username,
                    reverse("admin:accounts_user_change", args=[u.pk]),
                ),
                Cell(u.username),
                Cell(u.agency.name if u.agency else BLANK),
                Cell(u.team.name if u.team else BLANK),
                Cell(", ".join(sorted(labels.get(r.role, r.role) for r in u.roles.all()))),
                Cell("Active" if u.is_active else "Deactivated"),
            ]
        )

    reference = [
        (model._meta.verbose_name_plural.capitalize(), f"admin:{app}_{name}_changelist")
        for model, app, name in (
            (m, m._meta.app_label, m._meta.model_name) for m in admin_site._registry
        )
        if app in {"offences", "organisations", "sentencing"}
    ]
    return HomePage(
        home_role,
        "Staff accounts and their roles, and the reference data OpenOM runs on.",
        Listing(
            "Users",
            ["Name", "Username", "Agency", "Team", "Roles", "Status"],
            users,
            row,
            "No user matches.",
            "users.csv",
        ),
        filters=[SelectFilter("role", "Role", [("", "Any role"), *Role.choices])],
        links=[
            ("Administration", reverse("admin:index")),
            *sorted((label, reverse(url)) for label, url in reference),
        ],
    )


BUILDERS: dict[Role, Callable[..., HomePage]] = {
    Role.OFFENDER_MANAGER: offender_manager_page,
    Role.SENIOR_PROBATION_OFFICER: senior_probation_officer_page,
    Role.COURT_OFFICER: court_page,
    Role.UNPAID_WORK_STAFF: unpaid_work_page,
    Role.APPROVED_PREMISES_STAFF: approved_premises_page,
    Role.VICTIM_LIAISON_OFFICER: victim_liaison_page,
    Role.POLICE_OFFENDER_MANAGER: police_page,
    Role.PRISON_OFFENDER_MANAGER: prison_page,
    Role.PARTNER_WORKER: partner_page,
    Role.INSPECTOR: inspector_page,
    Role.PERFORMANCE_ANALYST: analyst_page,
    Role.MAPPA_COORDINATOR: mappa_page,
    Role.IOM_COORDINATOR: iom_page,
    Role.SYSTEM_ADMINISTRATOR: admin_page,
}


def home_page_for(home_role: HomeRole, actor, params, now: dt.datetime | None = None) -> HomePage:
    return BUILDERS[home_role.role](home_role, actor, params, now or timezone.now())
