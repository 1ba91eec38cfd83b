"""Each role's list shows that role's work, and costs the same queries for few rows or many.

The roles the access world has no persona for (court, unpaid work, approved premises, MAPPA and
IOM coordinators) are made here, each with the records their list is built from.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from openom.access.constants import CasePart, SharingBasis
from openom.access.models import AccessLog, CaseShare
from openom.accounts.constants import Grade, Role
from openom.contacts.constants import ContactType
from openom.iom.models import Membership
from openom.mappa.models import MappaRegistration
from openom.people.constants import AddressType
from openom.people.models import Address
from openom.release.models import ReleaseCalculation
from openom.sentencing.constants import EventOutcome, SentenceType
from openom.victims.models import Victim
from tests.factories import (
    CaseAllocationFactory,
    DeliveryUnitFactory,
    EventFactory,
    PersonFactory,
    RequirementFactory,
    SentenceFactory,
    TeamFactory,
    UserFactory,
)

TODAY = dt.date.today()


def settled_queries(client, user, params=None) -> int:
    client.force_login(user)
    client.get("/", params or {})
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/", params or {})
    assert response.status_code == 200
    return len(captured)


def rows_of(client, user, params=None):
    client.force_login(user)
    return [[c.text for c in row.cells] for row in client.get("/", params or {}).context["rows"]]


def a_case(area, team, **person):
    person = PersonFactory(probation_area=area, **person)
    CaseAllocationFactory(person=person, team=team, offender_manager=None)
    return person


@pytest.fixture
def cambridge_team(cambridgeshire):
    unit = DeliveryUnitFactory(agency=cambridgeshire, code="CAMX", name="Cambridge")
    return TeamFactory(delivery_unit=unit, code="CAMX1", name="Cambridge OM 1")


def staff(team, username, role, grade=Grade.PSO):
    return UserFactory(username=username, team=team, grade=grade, roles=[role])


def test_the_court_officer_lists_convictions_waiting_for_a_report_and_never_sentenced_ones(
    client, cambridgeshire, peterborough_team, cambridge_team
):
    helen = staff(cambridge_team, "helen", Role.COURT_OFFICER)
    waiting = a_case(cambridgeshire, peterborough_team, surname="Awaiting")
    EventFactory(
        person=waiting,
        number=1,
        outcome=EventOutcome.ADJOURNED_FOR_REPORT,
        conviction_date=TODAY - dt.timedelta(days=7),
    )
    sentenced = a_case(cambridgeshire, peterborough_team, surname="Sentenced")
    SentenceFactory(event__person=sentenced)
    assert [r[0] for r in rows_of(client, helen)] == [f"Awaiting, {waiting.forename}"]
    assert rows_of(client, helen)[0][4] == "Adjourned for a pre-sentence report"

    few = settled_queries(client, helen)
    for _n in range(6):
        EventFactory(
            person=a_case(cambridgeshire, peterborough_team),
            number=1,
            outcome=EventOutcome.DEFERRED,
        )
    assert settled_queries(client, helen) == few
    assert len(rows_of(client, helen, {"status": EventOutcome.DEFERRED})) == 6


def test_unpaid_work_staff_list_people_with_hours_to_do_and_the_sessions_this_week(
    client, cambridgeshire, peterborough_team, cambridge_team
):
    dean = staff(cambridge_team, "dean", Role.UNPAID_WORK_STAFF)
    person = a_case(cambridgeshire, peterborough_team, surname="Worker")
    requirement = RequirementFactory(sentence__event__person=person, length=120)
    from openom.contacts.models import Contact

    Contact.objects.create(
        person=person,
        requirement=requirement,
        sentence=requirement.sentence,
        contact_type=ContactType.UNPAID_WORK,
        officer=dean,
        starts_at=timezone.now() - dt.timedelta(days=3),
        outcome="ATTENDED_COMPLIED",
        hours_credited=Decimal("7.0"),
    )
    session = Contact.objects.create(
        person=person,
        requirement=requirement,
        sentence=requirement.sentence,
        contact_type=ContactType.UNPAID_WORK,
        officer=dean,
        starts_at=timezone.now() + dt.timedelta(days=2),
        location="Ferry Meadows",
    )
    [row] = rows_of(client, dean)
    assert row[2:5] == [
        "120 hours",
        "7",
        f"{timezone.localtime(session.starts_at):%-d %b %Y %H:%M}",
    ]
    client.force_login(dean)
    [sessions] = client.get("/").context["home"].panels
    assert [r.cells[2].text for r in sessions.rows] == ["Ferry Meadows"]

    few = settled_queries(client, dean)
    for _ in range(6):
        RequirementFactory(sentence__event__person=a_case(cambridgeshire, peterborough_team))
    assert settled_queries(client, dean) == few
    assert len(rows_of(client, dean, {"state": "not-started"})) == 6


def test_approved_premises_staff_list_the_current_residents_only(
    client, sandra, cambridgeshire, peterborough_team
):
    resident = a_case(cambridgeshire, peterborough_team, surname="Resident")
    Address.objects.create(
        person=resident,
        address_type=AddressType.APPROVED_PREMISES,
        line_1="Approved Premises, 12 Park Road",
        start_date=TODAY - dt.timedelta(days=5),
    )
    moved_on = a_case(cambridgeshire, peterborough_team, surname="Movedon")
    Address.objects.create(
        person=moved_on,
        address_type=AddressType.APPROVED_PREMISES,
        line_1="Approved Premises, 12 Park Road",
        start_date=TODAY - dt.timedelta(days=50),
        end_date=TODAY - dt.timedelta(days=20),
    )
    [row] = rows_of(client, sandra)
    assert row[0] == f"Resident, {resident.forename}"
    assert row[2:4] == [
        "Approved Premises, 12 Park Road",
        f"{TODAY - dt.timedelta(days=5):%-d %b %Y}",
    ]
    client.force_login(sandra)
    assert client.get(reverse("people:case-summary", args=[resident.crn])).status_code == 200

    few = settled_queries(client, sandra)
    for _ in range(6):
        Address.objects.create(
            person=a_case(cambridgeshire, peterborough_team),
            address_type=AddressType.APPROVED_PREMISES,
            line_1="Approved Premises, 12 Park Road",
            start_date=TODAY,
        )
    assert settled_queries(client, sandra) == few


def _released_on(person, day: dt.date):
    ReleaseCalculation.objects.create(
        person=person, reason="Sentence", dates={"CRD": day.isoformat()}
    )


def test_the_police_see_shared_cases_and_the_releases_coming_up(client, world):
    pete, daniel = world.users["pete"], world.daniel
    release = TODAY + dt.timedelta(days=30)
    _released_on(daniel, release)
    client.force_login(pete)
    response = client.get("/")
    [row] = response.context["rows"]
    assert [c.text for c in row.cells][2] == "MAPPA level 2 or 3 management"
    assert row.cells[5].text == f"{release:%-d %b %Y}"
    [releases] = response.context["home"].panels
    assert [r.cells[2].text for r in releases.rows] == ["X100001"]

    few = settled_queries(client, pete)
    for _ in range(6):
        person = a_case(daniel.probation_area, world.users["olivia"].team)
        CaseShare.objects.create(
            person=person,
            agency=pete.agency,
            basis=SharingBasis.IOM,
            parts=[CasePart.SUMMARY],
            start_date=TODAY,
            legal_basis="Crime and Disorder Act 1998 s115",
            approved_by=world.users["sam"],
        )
        _released_on(person, TODAY + dt.timedelta(days=10))
    assert settled_queries(client, pete) == few
    assert len(rows_of(client, pete, {"basis": SharingBasis.IOM})) == 6
    assert len(rows_of(client, pete, {"releasing": "soon"})) == 7


def test_the_victim_liaison_officer_lists_victims_offers_due_first(client, world):
    vera, daniel = world.users["vera"], world.daniel
    Victim.objects.create(
        person=daniel,
        forename="Ada",
        surname="Offered",
        liaison_officer=vera,
        contact_offered_on=TODAY - dt.timedelta(days=3),
    )
    rows = rows_of(client, vera)
    assert [(r[2], r[3]) for r in rows] == [
        ("Quill, Zephyrine", "Not offered"),
        ("Offered, Ada", "Waiting for an answer"),
    ]
    assert [r[2] for r in rows_of(client, vera, {"state": "awaiting"})] == ["Offered, Ada"]

    few = settled_queries(client, vera)
    for n in range(6):
        Victim.objects.create(
            person=daniel, forename=f"V{n}", surname="Extra", liaison_officer=vera
        )
    assert settled_queries(client, vera) == few


def test_the_inspector_analyst_and_administrator_pages_cost_the_same_for_many_rows(client, world):
    from openom.inspection.models import Inspection

    ian, anna, sid = world.users["ian"], world.users["anna"], world.users["sid"]
    few = [settled_queries(client, u) for u in (ian, anna, sid)]
    inspection = Inspection.objects.get()
    team = world.users["olivia"].team
    for _n in range(6):
        person = a_case(world.daniel.probation_area, team)
        inspection.sample.add(person)
        other = TeamFactory(delivery_unit=team.delivery_unit, agency=team.agency)
        CaseAllocationFactory(person=PersonFactory(probation_area=team.agency), team=other)
        UserFactory(team=team, roles=[Role.OFFENDER_MANAGER, Role.COURT_OFFICER])
    assert [settled_queries(client, u) for u in (ian, anna, sid)] == few
    assert len(rows_of(client, ian)) == 7


def _register(person, colin, **extra):
    return MappaRegistration.objects.create(
        person=person,
        category=2,
        level=2,
        police_force=colin.agency,
        start_date=TODAY - dt.timedelta(days=30),
        next_review_due=TODAY + dt.timedelta(days=10),
        **extra,
    )


def test_the_mappa_coordinator_lists_the_register_with_reviews_due(
    client, colin, cambridgeshire, peterborough_team
):
    first = a_case(cambridgeshire, peterborough_team, surname="Registered")
    registration = _register(first, colin)
    client.force_login(colin)
    [row] = client.get("/").context["rows"]
    assert row.cells[0].href == reverse("mappa:registration", args=[registration.pk])
    assert row.cells[4].tag == "Due"

    few = settled_queries(client, colin)
    for _ in range(6):
        _register(a_case(cambridgeshire, peterborough_team), colin)
    assert settled_queries(client, colin) == few


def test_the_iom_coordinator_lists_the_cohort_with_reviews_due(
    client, ivy, iom_scheme, cambridgeshire, peterborough_team
):
    def join(person):
        return Membership.objects.create(
            scheme=iom_scheme,
            person=person,
            intensity="HIGH",
            start_date=TODAY - dt.timedelta(days=60),
            next_review_due=TODAY - dt.timedelta(days=1),
            joining_score=Decimal("40.0"),
        )

    member = join(a_case(cambridgeshire, peterborough_team))
    client.force_login(ivy)
    [row] = client.get("/").context["rows"]
    assert row.cells[0].href == reverse("iom:member", args=[member.pk])
    assert row.cells[5].tag == "Overdue"

    few = settled_queries(client, ivy)
    for _ in range(6):
        join(a_case(cambridgeshire, peterborough_team))
    assert settled_queries(client, ivy) == few
    assert AccessLog.objects.filter(user=ivy, part=CasePart.CASELOAD).exists()


def test_a_custody_case_on_the_prison_page(client, cambridgeshire, peterborough_team):
    from openom.organisations.constants import AgencyKind
    from tests.factories import AgencyFactory

    prison = AgencyFactory(code="HMPPB", name="HMP Peterborough", kind=AgencyKind.PRISON)
    aisha = UserFactory(
        username="aisha",
        team=None,
        agency=prison,
        grade=Grade.PRISON_OFFICER,
        roles=[Role.PRISON_OFFENDER_MANAGER],
    )
    prisoner = a_case(cambridgeshire, peterborough_team, surname="Inside")
    SentenceFactory(event__person=prisoner, sentence_type=SentenceType.DETERMINATE_CUSTODY)
    CaseShare.objects.create(
        person=prisoner,
        agency=prison,
        basis=SharingBasis.INFORMATION_SHARING,
        parts=[CasePart.SUMMARY, CasePart.EVENTS],
        start_date=TODAY,
        legal_basis="Offender Management Act 2007 s14",
        approved_by=aisha,
    )
    client.force_login(aisha)
    response = client.get("/")
    assert response.context["home"].home_role.title == "Prisoners and releases"
    assert [r.cells[1].text for r in response.context["rows"]] == [prisoner.crn]
