"""Every role's working day starts at its home page (issue #15): each persona signs in, lands on
their role's list and does the role's core task from it, in the browser."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from openom.access.constants import CasePart, SharingBasis
from openom.access.models import AccessLog, CaseShare, OutOfTeamAccess
from openom.accounts.constants import Grade, Role
from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.enforcement.constants import ActionKind, ActionStatus, RecallType
from openom.enforcement.models import EnforcementAction
from openom.enforcement.services import recall_request
from openom.inspection.models import Inspection
from openom.iom.models import Membership
from openom.mappa.models import MappaRegistration
from openom.organisations.constants import AgencyKind
from openom.people.constants import AddressType
from openom.people.models import Address
from openom.sentencing.constants import EventOutcome, SentenceType
from openom.victims.models import Victim
from tests.browser.test_journey import sign_in
from tests.enforcement.test_services import miss
from tests.factories import (
    AgencyFactory,
    DeliveryUnitFactory,
    EventFactory,
    RequirementFactory,
    SentenceFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = dt.date.today()


def lands_on(page, title: str) -> None:
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", name=title, level=1).is_visible()


def listed(page, name: str):
    """The link to a case in the home page's main list."""
    return page.locator("#listing-heading").locator("..").get_by_role("link", name=name)


@pytest.fixture
def cambridge_team(cambridgeshire):
    unit = DeliveryUnitFactory(agency=cambridgeshire, code="CAMB", name="Cambridge")
    return TeamFactory(delivery_unit=unit, code="CAMB1", name="Cambridge Court Team")


def test_the_offender_manager_records_the_outcome_of_todays_appointment(
    page, live_server, olivia, daniel
):
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    if timezone.localtime(an_hour_ago).date() != timezone.localdate():
        pytest.skip("Just after midnight: no earlier appointment today")
    order = SentenceFactory(event__person=daniel, sentence_date=TODAY - dt.timedelta(days=60))
    Contact.objects.create(
        person=daniel,
        sentence=order,
        contact_type=ContactType.OFFICE,
        officer=olivia,
        starts_at=an_hour_ago,
    )
    sign_in(page, live_server, "olivia")
    lands_on(page, "My cases and work")
    assert listed(page, "Smith, Daniel").is_visible()

    page.get_by_role("link", name="Record the outcome").click()
    page.get_by_label("Attended and complied").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/cases/{daniel.crn}/contacts/"))
    assert Contact.objects.get(person=daniel).outcome == ContactOutcome.ATTENDED_COMPLIED

    page.goto(f"{live_server.url}/")
    assert page.get_by_text("Attended and complied").is_visible()


def test_the_senior_probation_officer_authorises_a_recall_waiting_in_their_queue(
    page, live_server, olivia, sam, daniel
):
    licence = SentenceFactory(
        event__person=daniel,
        sentence_type=SentenceType.DETERMINATE_CUSTODY,
        sentence_date=TODAY - dt.timedelta(days=400),
        release_date=TODAY - dt.timedelta(days=60),
    )
    miss(daniel, licence, olivia, TODAY - dt.timedelta(days=20))
    miss(daniel, licence, olivia, TODAY - dt.timedelta(days=10))
    recall = EnforcementAction.objects.get(kind=ActionKind.RECALL)
    recall_request(
        action=recall,
        recall_type=RecallType.STANDARD,
        reasons="Whereabouts unknown after two missed appointments",
        requested_on=TODAY,
        version=recall.version,
        actor=olivia,
    )

    sign_in(page, live_server, "sam")
    lands_on(page, "Team home")
    assert page.get_by_role("link", name=re.compile(r"Notifications\s+1")).is_visible()
    page.get_by_role(
        "heading", name=re.compile("Recalls to authorise")
    ).scroll_into_view_if_needed()
    page.get_by_role("link", name="Smith, Daniel").first.click()
    page.wait_for_url(re.compile(rf"/cases/{daniel.crn}/enforcement/{recall.pk}/"))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/cases/{daniel.crn}/contacts/"))

    recall.refresh_from_db()
    assert recall.status == ActionStatus.STARTED and recall.authorised_by == sam
    page.goto(f"{live_server.url}/")
    assert page.get_by_text("No recall is waiting for your authorisation.").is_visible()


def test_the_victim_liaison_officer_opens_a_victims_record_from_the_list(
    page, live_server, cambridgeshire, cambridge_team, daniel
):
    vera = UserFactory(username="vera", team=cambridge_team, roles=[Role.VICTIM_LIAISON_OFFICER])
    Victim.objects.create(
        person=daniel, forename="Zephyrine", surname="Quill", liaison_officer=vera
    )
    sign_in(page, live_server, "vera")
    lands_on(page, "Victim contact")
    page.get_by_label("Victim contact").select_option(label="Contact not yet offered")
    page.get_by_role("button", name="Apply filters").click()
    listed(page, "Smith, Daniel").click()
    page.wait_for_url(re.compile(rf"/cases/{daniel.crn}/victims/"))
    assert page.get_by_text("Quill").first.is_visible()


@pytest.mark.parametrize(
    ("kind", "role", "title", "basis"),
    [
        (
            AgencyKind.POLICE,
            Role.POLICE_OFFENDER_MANAGER,
            "Cases shared with the police",
            SharingBasis.MAPPA,
        ),
        (
            AgencyKind.PRISON,
            Role.PRISON_OFFENDER_MANAGER,
            "Prisoners and releases",
            SharingBasis.INFORMATION_SHARING,
        ),
        (
            AgencyKind.HOUSING,
            Role.PARTNER_WORKER,
            "Cases shared with your organisation",
            SharingBasis.REFERRAL,
        ),
    ],
)
def test_another_agency_opens_a_case_shared_with_it(
    page, live_server, sam, daniel, kind, role, title, basis
):
    agency = AgencyFactory(code=f"X{kind[:5]}", name=f"Test {kind.lower()}", kind=kind)
    UserFactory(username="agent", team=None, agency=agency, grade=Grade.OTHER, roles=[role])
    CaseShare.objects.create(
        person=daniel,
        agency=agency,
        basis=basis,
        parts=[CasePart.SUMMARY],
        start_date=TODAY - dt.timedelta(days=3),
        legal_basis="Crime and Disorder Act 1998 s115",
        approved_by=sam,
    )
    sign_in(page, live_server, "agent")
    lands_on(page, title)
    listed(page, "Smith, Daniel").click()
    assert page.get_by_role("heading", name="Daniel Smith").is_visible()
    assert AccessLog.objects.filter(user__username="agent", part=CasePart.SUMMARY).exists()


def test_the_court_officer_opens_a_case_awaiting_a_report_giving_a_reason(
    page, live_server, cambridge_team, daniel
):
    UserFactory(username="helen", team=cambridge_team, grade=Grade.PSO, roles=[Role.COURT_OFFICER])
    EventFactory(
        person=daniel,
        number=1,
        outcome=EventOutcome.ADJOURNED_FOR_REPORT,
        conviction_date=TODAY - dt.timedelta(days=5),
    )
    sign_in(page, live_server, "helen")
    lands_on(page, "Court work")
    listed(page, "Smith, Daniel").click()
    assert page.get_by_role("heading", name="This case is held by another team").is_visible()
    page.get_by_label("Why do you need to open this case?").fill("Court duty: preparing the report")
    page.get_by_role("button", name="Open the case").click()
    page.wait_for_url(re.compile(rf"/cases/{daniel.crn}/events/"))
    assert OutOfTeamAccess.objects.filter(user__username="helen", person=daniel).exists()


def test_unpaid_work_staff_see_the_next_session_and_open_the_case(
    page, live_server, cambridge_team, olivia, daniel
):
    UserFactory(
        username="dean", team=cambridge_team, grade=Grade.PSO, roles=[Role.UNPAID_WORK_STAFF]
    )
    requirement = RequirementFactory(sentence__event__person=daniel, length=100)
    Contact.objects.create(
        person=daniel,
        requirement=requirement,
        sentence=requirement.sentence,
        contact_type=ContactType.UNPAID_WORK,
        officer=olivia,
        starts_at=timezone.now() + dt.timedelta(days=2),
        location="Ferry Meadows",
    )
    sign_in(page, live_server, "dean")
    lands_on(page, "Unpaid work")
    assert page.get_by_text("Ferry Meadows").is_visible()
    listed(page, "Smith, Daniel").click()
    assert page.get_by_role("heading", name="This case is held by another team").is_visible()


def test_approved_premises_staff_open_a_resident_without_a_reason(
    page, live_server, sandra, daniel
):
    Address.objects.create(
        person=daniel,
        address_type=AddressType.APPROVED_PREMISES,
        line_1="Approved Premises, 12 Park Road",
        start_date=TODAY - dt.timedelta(days=4),
    )
    sign_in(page, live_server, "sandra")
    lands_on(page, "Approved premises residents")
    listed(page, "Smith, Daniel").click()
    page.wait_for_url(re.compile(rf"/cases/{daniel.crn}/$"))
    assert page.get_by_role("heading", name="Daniel Smith").is_visible()


def test_the_inspector_opens_a_sampled_case(page, live_server, cambridgeshire, daniel):
    ian = UserFactory(
        username="ian", team=None, agency=cambridgeshire, grade=Grade.OTHER, roles=[Role.INSPECTOR]
    )
    inspection = Inspection.objects.create(
        name="Core inspection",
        area=cambridgeshire,
        start_date=TODAY - dt.timedelta(days=2),
        end_date=TODAY + dt.timedelta(days=10),
    )
    inspection.inspectors.add(ian)
    inspection.sample.add(daniel)
    sign_in(page, live_server, "ian")
    lands_on(page, "Inspection sample")
    listed(page, "Smith, Daniel").click()
    assert page.get_by_role("heading", name="Daniel Smith").is_visible()


def test_the_analyst_sees_counts_by_unit_and_downloads_them(
    page, live_server, cambridgeshire, daniel
):
    UserFactory(
        username="anna",
        team=None,
        agency=cambridgeshire,
        grade=Grade.OTHER,
        roles=[Role.PERFORMANCE_ANALYST],
    )
    sign_in(page, live_server, "anna")
    lands_on(page, "Caseload by unit")
    row = page.get_by_role("row", name=re.compile("Peterborough Offender Management 1"))
    assert row.get_by_role("cell").nth(2).inner_text() == "1"
    assert not page.get_by_text("X100001").count()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    with open(download.value.path(), encoding="utf-8") as downloaded:
        content = downloaded.read()
    assert "Peterborough Offender Management 1,1,0" in content


def test_the_mappa_coordinator_opens_a_registration_due_for_review(
    page, live_server, colin, daniel
):
    registration = MappaRegistration.objects.create(
        person=daniel,
        category=2,
        level=2,
        police_force=colin.agency,
        start_date=TODAY - dt.timedelta(days=40),
        next_review_due=TODAY + dt.timedelta(days=3),
    )
    sign_in(page, live_server, "colin")
    lands_on(page, "MAPPA register")
    listed(page, "Smith, Daniel").click()
    page.wait_for_url(re.compile(rf"/mappa/registrations/{registration.pk}/"))
    assert page.get_by_role("heading", name="Category 2, level 2").is_visible()


def test_the_iom_coordinator_opens_a_member_due_for_review(
    page, live_server, ivy, iom_scheme, daniel
):
    member = Membership.objects.create(
        scheme=iom_scheme,
        person=daniel,
        intensity="HIGH",
        start_date=TODAY - dt.timedelta(days=60),
        next_review_due=TODAY - dt.timedelta(days=1),
        joining_score=Decimal("40.0"),
    )
    sign_in(page, live_server, "ivy")
    lands_on(page, "IOM cohort")
    assert page.get_by_text("Overdue").first.is_visible()
    listed(page, "Smith, Daniel").click()
    page.wait_for_url(re.compile(rf"/iom/members/{member.pk}/"))


def test_the_administrator_finds_a_user_and_opens_the_administration(
    page, live_server, cambridgeshire, olivia
):
    UserFactory(
        username="sid",
        team=None,
        agency=cambridgeshire,
        grade=Grade.OTHER,
        roles=[Role.SYSTEM_ADMINISTRATOR],
        is_staff=True,
        is_superuser=True,
    )
    sign_in(page, live_server, "sid")
    lands_on(page, "Users and reference data")
    page.get_by_label("Role").select_option(label="Offender manager")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name="Olivia Grant").click()
    page.wait_for_url(re.compile(r"/admin/accounts/user/\d+/change/"))
