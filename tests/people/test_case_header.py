"""The case header on every case page: who the person is, what protects the public, each fact
only for those allowed to see it, and only the actions that make sense."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from openom.access.constants import CasePart, RestrictionKind, SharingBasis
from openom.access.policy import case_access
from openom.access.services import case_restriction_add, case_share_create
from openom.assessment.constants import AssessmentStatus, RoshLevel
from openom.contacts.constants import ContactType
from openom.contacts.services import contact_arrange
from openom.core.exceptions import ServiceValidationError
from openom.mappa.services import mappa_referral_create, mappa_register
from openom.people.header import case_header
from openom.tiering.models import TierCalculation
from tests.factories import CaseAllocationFactory

CASE_PAGES = [
    ("people:case-summary", []),
    ("people:case-personal-details", []),
    ("people:case-events", []),
    ("contacts:list", []),
    ("assessment:overview", []),
    ("planning:plans", []),
]


@pytest.fixture
def managed(sex_offender, olivia, peterborough_team, colin):
    """A registered sexual offender held by Olivia, managed at MAPPA level 3."""
    CaseAllocationFactory(person=sex_offender, team=peterborough_team, offender_manager=olivia)
    mappa_register(
        person=sex_offender,
        police_force=colin.agency,
        police_unit=None,
        level=3,
        rationale="Senior management: high risk to children",
        actor=colin,
        today=timezone.localdate(),
    )
    return sex_offender


def header_of(client, person, name="people:case-summary"):
    page = client.get(reverse(name, args=[person.crn])).content.decode()
    start = page.index('data-testid="case-header"')
    return page[start : page.index("</div>", page.index("openom-case-header__meta"))]


@pytest.mark.parametrize(("name", "extra"), CASE_PAGES)
def test_a_mappa_category_1_level_3_case_shows_it_on_every_page_and_offers_no_referral(
    client, olivia, managed, name, extra
):
    client.force_login(olivia)

    page = client.get(reverse(name, args=[managed.crn, *extra])).content.decode()

    assert "Category 1, level 3" in page
    assert "Refer to MAPPA" not in page


def test_an_unmanaged_case_is_offered_a_mappa_referral_and_then_shows_it_waiting(
    client, olivia, daniel, colin
):
    client.force_login(olivia)
    assert "Refer to MAPPA" in header_of(client, daniel)

    mappa_referral_create(
        person=daniel,
        police_force=colin.agency,
        level_requested=2,
        reason="Threats to a former partner",
        risk_of_serious_harm=True,
        risk_linked_to_offending=True,
        expected_release_date=None,
        actor=olivia,
        today=dt.date(2026, 11, 3),
    )

    header = header_of(client, daniel)
    assert "Referral waiting for a decision (referred 3 November 2026)" in header
    assert "Refer to MAPPA" not in header


def test_a_second_mappa_referral_of_the_same_person_is_refused_naming_the_first(
    daniel, olivia, colin
):
    first = {
        "person": daniel,
        "police_force": colin.agency,
        "level_requested": 2,
        "reason": "Threats to a former partner",
        "risk_of_serious_harm": True,
        "risk_linked_to_offending": True,
        "expected_release_date": None,
        "actor": olivia,
    }
    mappa_referral_create(**first, today=dt.date(2026, 11, 3))

    with pytest.raises(ServiceValidationError) as refused:
        mappa_referral_create(**first, today=dt.date(2026, 11, 20))

    assert refused.value.message.startswith(
        "Daniel Smith was already referred to MAPPA on 3 November 2026"
    )


def test_the_coordinator_reaches_the_registration_from_the_header(client, colin, managed):
    registration = managed.mappa_registrations.get()
    header = case_header(person=managed, access=case_access(colin, managed), user=colin)
    assert header.item("mappa").url == reverse("mappa:registration", args=[registration.pk])


def test_tier_rosh_iom_next_appointment_and_officer_are_in_the_header(client, olivia, daniel):
    TierCalculation.objects.create(
        person=daniel,
        reason="Test",
        two_axis_tier="B2",
        protect="B",
        change=2,
        protect_points=20,
        change_points=12,
        single_tier="C",
    )
    from tests.factories import SentenceFactory

    SentenceFactory(event__person=daniel)
    from openom.assessment.models import Assessment

    Assessment.objects.create(
        person=daniel,
        purpose="START",
        status=AssessmentStatus.COMPLETE,
        overall_rosh=RoshLevel.HIGH,
        started_on=timezone.localdate(),
        completed_on=timezone.localdate(),
        assessor=olivia,
    )
    # 10:00 BST on a summer day: 09:00 UTC, shown as 10:00.
    contact_arrange(
        person=daniel,
        actor=olivia,
        data={
            "contact_type": ContactType.OFFICE,
            "starts_at": dt.datetime(2027, 7, 6, 9, 0, tzinfo=dt.UTC),
            "officer": olivia,
        },
    )
    client.force_login(olivia)

    header = header_of(client, daniel)

    assert "B2 (tier C)" in header
    assert "High risk of serious harm" in header
    assert "Office appointment, Tue 6 Jul 2027 10:00" in header
    assert "Olivia Grant (Peterborough Offender Management 1)" in header
    assert "Not in an IOM cohort" in header
    assert "17 May 1990" in header and daniel.crn in header


def test_a_police_officer_shown_only_the_summary_does_not_see_tier_rosh_or_appointments(
    olivia, pete, daniel
):
    case_share_create(
        person=daniel,
        agency=pete.agency,
        basis=SharingBasis.INFORMATION_SHARING,
        parts=[CasePart.SUMMARY],
        start_date=timezone.localdate(),
        end_date=None,
        legal_basis="Crime and Disorder Act 1998 s115",
        actor=olivia,
    )
    access = case_access(pete, daniel)

    header = case_header(person=daniel, access=access, user=pete)

    keys = {item.key for item in header.items}
    assert {"mappa", "iom", "offender_manager"} <= keys
    assert not keys & {"tier", "rosh", "next_appointment"}


def test_a_restricted_case_is_flagged(client, olivia, sam, daniel):
    case_restriction_add(
        person=daniel,
        kind=RestrictionKind.RESTRICT_TO,
        user=olivia,
        reason="Staff member's relative",
        actor=sam,
    )
    client.force_login(olivia)

    assert "Restricted case: only listed staff may open it" in header_of(client, daniel)


def test_the_header_is_one_query_however_much_the_case_holds(olivia, daniel, managed):
    for person in (daniel, managed):
        access = case_access(olivia, person)
        with CaptureQueriesContext(connection) as captured:
            case_header(person=person, access=access, user=olivia)
        assert len(captured) == 1


def test_the_summary_pages_queries_do_not_grow_with_appointments(client, olivia, daniel):
    client.force_login(olivia)
    client.get(reverse("contacts:list", args=[daniel.crn]))  # warm the session

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("people:case-summary", args=[daniel.crn]))
        return len(captured)

    few = count()
    for day in range(1, 30):
        contact_arrange(
            person=daniel,
            actor=olivia,
            data={
                "contact_type": ContactType.PHONE,
                "starts_at": timezone.now() + dt.timedelta(days=day),
                "officer": olivia,
            },
        )
    assert count() == few


def test_the_mappa_registration_page_links_to_the_case(client, colin, managed):
    client.force_login(colin)
    registration = managed.mappa_registrations.get()

    page = client.get(reverse("mappa:registration", args=[registration.pk])).content.decode()

    assert f'href="{reverse("people:case-summary", args=[managed.crn])}"' in page
