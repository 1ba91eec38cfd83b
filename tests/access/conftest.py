"""The access world: two cases and a persona for every role and relationship.

Daniel's case (held by Olivia's team in Peterborough) has a victim, is shared with the police
under MAPPA, with housing and with health, is in an inspection sample, and excludes Eddie.
Robert's case is held by the same team and shared with no one.

MAPPA and IOM (issue #11): Daniel is on the MAPPA register at level 2 with Cambridgeshire
Constabulary; his level 2 meeting invites the police, Peterborough probation and City Housing
(who own an action); Robert waits as a referral to the MAPPA coordinators. Daniel is in the IOM
cohort (with an action and a case meeting) and Robert waits as an IOM referral.
- Colin is the force's MAPPA coordinator; Ivy its IOM coordinator.
- Cora coordinates both MAPPA and IOM for the force, but is excluded from Daniel's case.
"""

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from openom.access.constants import CasePart, RestrictionKind, SharingBasis
from openom.access.models import CaseRestriction, CaseShare
from openom.accounts.constants import Grade, Role
from openom.assessment.models import Assessment
from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.enforcement.constants import ActionKind
from openom.enforcement.models import EnforcementAction
from openom.inspection.models import Inspection
from openom.organisations.constants import AgencyKind
from openom.planning.models import SentencePlan
from openom.release.constants import AdjustmentKind
from openom.release.models import CustodyAdjustment
from openom.victims.models import Victim, VictimSummaryShare
from tests.factories import (
    AgencyFactory,
    CaseAllocationFactory,
    DeliveryUnitFactory,
    EventFactory,
    PersonFactory,
    SentenceFactory,
    TeamFactory,
    UserFactory,
)

PERSONAS = (
    "olivia",
    "sam",
    "carl",
    "nina",
    "vera",
    "pete",
    "hattie",
    "hugo",
    "anna",
    "ian",
    "sid",
    "eddie",
    "colin",
    "ivy",
    "cora",
)


@dataclass
class World:
    daniel: object
    robert: object
    users: dict
    records: dict = field(default_factory=dict)


def _share(person, agency, basis, parts, approver):
    return CaseShare.objects.create(
        person=person,
        agency=agency,
        basis=basis,
        parts=sorted(parts),
        start_date=dt.date.today() - dt.timedelta(days=10),
        legal_basis="Criminal Justice Act 2003 s325",
        approved_by=approver,
    )


@pytest.fixture
def world(cambridgeshire, norfolk, peterborough_team, olivia, sam, nina, pete, daniel) -> World:
    cambridge = DeliveryUnitFactory(agency=cambridgeshire, code="CAM", name="Cambridge")
    cambridge_team = TeamFactory(delivery_unit=cambridge, code="CAM01", name="Cambridge OM 1")
    housing = AgencyFactory(code="HOUS", name="City Housing", kind=AgencyKind.HOUSING)
    health = AgencyFactory(code="NHS", name="Mental Health Trust", kind=AgencyKind.HEALTH)
    users = {
        "olivia": olivia,
        "sam": sam,
        "nina": nina,
        "pete": pete,
        "carl": UserFactory(username="carl", team=cambridge_team, roles=[Role.OFFENDER_MANAGER]),
        "vera": UserFactory(
            username="vera", team=cambridge_team, roles=[Role.VICTIM_LIAISON_OFFICER]
        ),
        "hattie": UserFactory(
            username="hattie",
            team=None,
            agency=housing,
            grade=Grade.PARTNER_STAFF,
            roles=[Role.PARTNER_WORKER],
        ),
        "hugo": UserFactory(
            username="hugo",
            team=None,
            agency=health,
            grade=Grade.PARTNER_STAFF,
            roles=[Role.PARTNER_WORKER],
        ),
        "anna": UserFactory(
            username="anna",
            team=None,
            agency=cambridgeshire,
            grade=Grade.OTHER,
            roles=[Role.PERFORMANCE_ANALYST],
        ),
        "ian": UserFactory(
            username="ian",
            team=None,
            agency=cambridgeshire,
            grade=Grade.OTHER,
            roles=[Role.INSPECTOR],
        ),
        "sid": UserFactory(
            username="sid",
            team=None,
            agency=cambridgeshire,
            grade=Grade.OTHER,
            roles=[Role.SYSTEM_ADMINISTRATOR],
            is_staff=True,
            is_superuser=True,
        ),
        "eddie": UserFactory(
            username="eddie", team=peterborough_team, roles=[Role.OFFENDER_MANAGER]
        ),
    }
    robert = PersonFactory(
        crn="X100002", forename="Robert", surname="Lane", probation_area=cambridgeshire
    )
    CaseAllocationFactory(person=robert, team=peterborough_team, offender_manager=olivia)
    for person in (daniel, robert):
        sentence = SentenceFactory(event=EventFactory(person=person, number=1))
        contact = Contact.objects.create(
            person=person,
            sentence=sentence,
            contact_type=ContactType.OFFICE,
            officer=olivia,
            starts_at=timezone.now() - dt.timedelta(days=2),
            outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
        )
        EnforcementAction.objects.create(
            person=person,
            sentence=sentence,
            kind=ActionKind.WARNING,
            triggered_by=contact,
            failure_date=dt.date.today() - dt.timedelta(days=2),
            decided_on=dt.date.today(),
            deadline=dt.date.today() + dt.timedelta(days=5),
            decided_by=olivia,
        )
        Assessment.objects.create(
            person=person, purpose="START", started_on=dt.date.today(), assessor=olivia
        )
        SentencePlan.objects.create(
            person=person,
            sentence=sentence,
            start_date=sentence.sentence_date,
            due_date=sentence.sentence_date + dt.timedelta(days=21),
            owner=olivia,
        )
        CustodyAdjustment.objects.create(
            person=person, kind=AdjustmentKind.TAGGED_BAIL, days=3, recorded_by=sam
        )

    Victim.objects.create(
        person=daniel,
        forename="Zephyrine",  # a name Faker never gives a persona, so a match is a leak
        surname="Quill",
        address="9 Orchard Close, Ely",
        phone="07700 900123",
        liaison_officer=users["vera"],
        views="Wants an exclusion zone around Ely",
    )
    VictimSummaryShare.objects.create(
        person=daniel,
        shared_with=olivia,
        summary="Victim asks for no contact.",
        shared_by=users["vera"],
    )
    _share(
        daniel,
        pete.agency,
        SharingBasis.MAPPA,
        {CasePart.SUMMARY, CasePart.RISK_SUMMARY, CasePart.CONTACT_DETAILS},
        sam,
    )
    _share(
        daniel,
        housing,
        SharingBasis.INFORMATION_SHARING,
        {CasePart.SUMMARY, CasePart.CONTACT_DETAILS},
        sam,
    )
    _share(daniel, health, SharingBasis.REFERRAL, {CasePart.SUMMARY, CasePart.HEALTH}, sam)
    inspection = Inspection.objects.create(
        name="Core inspection",
        area=cambridgeshire,
        start_date=dt.date.today() - dt.timedelta(days=5),
        end_date=dt.date.today() + dt.timedelta(days=5),
    )
    inspection.inspectors.add(users["ian"])
    inspection.sample.add(daniel)
    CaseRestriction.objects.create(
        person=daniel,
        kind=RestrictionKind.EXCLUDE,
        user=users["eddie"],
        reason="Relative",
        created_by=sam,
    )
    for username, roles in (
        ("colin", [Role.MAPPA_COORDINATOR]),
        ("ivy", [Role.IOM_COORDINATOR]),
        ("cora", [Role.MAPPA_COORDINATOR, Role.IOM_COORDINATOR]),
    ):
        users[username] = UserFactory(
            username=username,
            team=None,
            agency=pete.agency,
            grade=Grade.POLICE_OFFICER,
            roles=roles,
        )
    CaseRestriction.objects.create(
        person=daniel,
        kind=RestrictionKind.EXCLUDE,
        user=users["cora"],
        reason="Investigated the person's family",
        created_by=sam,
    )
    world = World(daniel=daniel, robert=robert, users=users)
    from openom.accounts.models import RoleGrantRequest

    world.records = {
        "role_request": RoleGrantRequest.objects.create(
            user=users["carl"],
            role=Role.VICTIM_LIAISON_OFFICER,
            reason="Covering victim contact while Vera is away",
            requested_by=users["sid"],
        ),
        **_mappa_records(world, police=pete.agency, area=cambridgeshire, housing=housing),
        **_iom_records(world, police=pete.agency, area=cambridgeshire, housing=housing),
    }
    return world


def _mappa_records(world, *, police, area, housing) -> dict:
    from openom.mappa.constants import ReferralStatus
    from openom.mappa.models import (
        AgendaItem,
        MappaReferral,
        MappaRegistration,
        MappMeeting,
        MeetingAction,
        MeetingAgency,
        SeriousFurtherOffence,
    )

    today = dt.date.today()
    colin, olivia = world.users["colin"], world.users["olivia"]
    registration = MappaRegistration.objects.create(
        person=world.daniel,
        category=2,
        level=2,
        police_force=police,
        probation_area=area,
        start_date=today - dt.timedelta(days=60),
        next_review_due=today + dt.timedelta(days=30),
    )
    meeting = MappMeeting.objects.create(
        level=2,
        police_force=police,
        starts_at=timezone.now() + dt.timedelta(days=7),
        location="Parkside",
        chair="DI Harper",
        created_by=colin,
    )
    for agency, authority in ((police, True), (area, True), (housing, False)):
        MeetingAgency.objects.create(
            meeting=meeting, agency=agency, responsible_authority=authority, attended=True
        )
    item = AgendaItem.objects.create(
        meeting=meeting,
        registration=registration,
        position=1,
        minutes="Agreed weekly home visits and a curfew",
    )
    action = MeetingAction.objects.create(
        agenda_item=item,
        description="Check the address for children",
        owner_agency=housing,
        due_date=today + dt.timedelta(days=14),
    )
    referral = MappaReferral.objects.create(
        person=world.robert,
        referred_by=olivia,
        referring_agency=area,
        police_force=police,
        referred_on=today,
        level_requested=2,
        reason="Threats to a former partner",
        status=ReferralStatus.PENDING,
    )
    sfo = SeriousFurtherOffence.objects.create(
        registration=registration,
        offence_date=today - dt.timedelta(days=20),
        charged_on=today - dt.timedelta(days=10),
        description="Wounding",
        level_at_the_time=2,
        review_due=today + dt.timedelta(days=40),
        recorded_by=colin,
    )
    from openom.mappa.models import LifetimeNotificationReview

    lifetime_review = LifetimeNotificationReview.objects.create(
        registration=registration,
        relevant_notification_on=today - dt.timedelta(days=16 * 365),
        under_18_on_relevant_date=False,
        qualifying_date=today - dt.timedelta(days=30),
        applied_on=today - dt.timedelta(days=7),
        recorded_by=colin,
    )
    return {
        "mappa_lifetime_review": lifetime_review,
        "mappa_registration": registration,
        "mappa_meeting": meeting,
        "mappa_item": item,
        "mappa_action": action,
        "mappa_referral": referral,
        "mappa_sfo": sfo,
    }


def _iom_records(world, *, police, area, housing) -> dict:
    from openom.iom.constants import StatutoryStatus
    from openom.iom.models import (
        ActionPlanItem,
        CaseMeeting,
        CaseMeetingItem,
        IomReferral,
        Membership,
    )
    from openom.iom.services import scheme_create_default

    today = dt.date.today()
    ivy, olivia = world.users["ivy"], world.users["olivia"]
    scheme = scheme_create_default(area=area, police_force=police, name="Cambridgeshire IOM")
    membership = Membership.objects.create(
        scheme=scheme,
        person=world.daniel,
        intensity="HIGH",
        start_date=today - dt.timedelta(days=30),
        next_review_due=today + dt.timedelta(days=60),
        joining_score=40,
    )
    ActionPlanItem.objects.create(
        membership=membership,
        pathway="ACCOMMODATION",
        action="Find a tenancy away from Ely",
        owner_agency=housing,
        due_date=today + dt.timedelta(days=10),
    )
    meeting = CaseMeeting.objects.create(
        scheme=scheme,
        date=today + dt.timedelta(days=3),
        minutes_per_case=10,
        agency_minutes=30,
        whole_meeting_agency_minutes=60,
        unordered_agency_minutes=45,
        created_by=ivy,
    )
    item = CaseMeetingItem.objects.create(
        meeting=meeting, membership=membership, position=1, starts_minute=0, agencies=["POLICE"]
    )
    referral = IomReferral.objects.create(
        scheme=scheme,
        person=world.robert,
        referred_by=olivia,
        referring_agency=area,
        referred_on=today,
        reason="Prolific shoplifting",
        statutory_status=StatutoryStatus.COMMUNITY_ORDER,
    )
    return {
        "iom_scheme": scheme,
        "iom_member": membership,
        "iom_meeting": meeting,
        "iom_item": item,
        "iom_referral": referral,
    }
