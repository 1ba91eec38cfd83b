"""A MAPPA coordinator keeps the register through a case's life, in the browser: a review of
indefinite notification is applied for and determined, a registered sexual offender goes
missing and is found, the case is transferred to another area, and another case is ended."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from openom.accounts.constants import Grade, Role
from openom.mappa.constants import LifetimeReviewOutcome, RegistrationEndReason
from openom.mappa.models import LifetimeNotificationReview, MappaRegistration
from openom.mappa.services import mappa_register
from openom.offences.models import Offence
from openom.organisations.constants import AgencyKind
from tests.browser.test_journey import sign_in
from tests.browser.test_mappa_journey import fill_date
from tests.factories import AgencyFactory, PersonFactory, UserFactory
from tests.public_protection_personas import convicted_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def norfolk_police(db):
    police = AgencyFactory(code="NORPOL", name="Norfolk Constabulary", kind=AgencyKind.POLICE)
    UserFactory(
        username="nora",
        agency=police,
        team=None,
        grade=Grade.OTHER,
        roles=[Role.MAPPA_COORDINATOR],
    )
    return police


@pytest.fixture
def two_cases(colin, cambridgeshire, north_bcu):
    if not Offence.objects.exists():
        call_command("load_offences", stdout=io.StringIO())
    today = timezone.localdate()
    rso = PersonFactory(
        forename="Martin",
        surname="Keel",
        probation_area=cambridgeshire,
        date_of_birth=dt.date(1970, 1, 1),
    )
    convicted_of(rso, "01900", on=dt.date(2009, 6, 3), months=36)
    violent = PersonFactory(forename="Ryan", surname="Doyle", probation_area=cambridgeshire)
    convicted_of(violent, "03401", on=dt.date(2025, 9, 1), months=18)
    registered = [
        mappa_register(
            person=person,
            police_force=colin.agency,
            police_unit=north_bcu,
            level=level,
            rationale="Managed by the agencies",
            actor=colin,
            today=today - dt.timedelta(days=60),
        )
        for person, level in ((rso, 1), (violent, 2))
    ]
    return registered


def test_coordinator_reviews_notification_records_missing_transfers_and_ends(
    page, live_server, colin, two_cases, norfolk_police
):
    today = timezone.localdate()
    rso_registration, violent_registration = two_cases
    sign_in(page, live_server, "colin")
    page.get_by_role("link", name="MAPPA", exact=True).click()
    page.get_by_role("link", name="Martin Keel").click()

    # A review of indefinite notification: 15 years from the relevant notification (s91B).
    page.get_by_role("link", name="Record an application for review").click()
    notified = today - dt.timedelta(days=16 * 366)
    fill_date(page, "Date of the relevant notification", notified)
    page.get_by_label("18 or over").check()
    fill_date(page, "Application received on", today)
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("Application recorded").is_visible()
    page.get_by_role("link", name="Record the determination").click()
    page.get_by_label("Notification requirements continue").check()
    page.get_by_label("Reasons").fill("Risk of sexual harm remains; recent breach of conditions")
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("Determination recorded").is_visible()
    review = LifetimeNotificationReview.objects.get()
    assert review.outcome == LifetimeReviewOutcome.CONTINUED
    assert review.further_qualifying_date == today.replace(year=today.year + 8)
    assert (
        page.get_by_test_id("lifetime-reviews")
        .inner_text()
        .count("Notification requirements continue")
        == 1
    )

    # Missing, then found.
    page.get_by_role("link", name="Record as wanted or missing").click()
    page.get_by_label("Missing", exact=True).check()
    fill_date(page, "Wanted or missing since", today)
    page.get_by_label("What is known").fill("Not at the notified address on a home visit")
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("Recorded as wanted or missing").is_visible()
    page.get_by_role("link", name="MAPPA", exact=True).click()
    page.get_by_role("link", name="Wanted or missing", exact=True).click()
    assert page.get_by_role("link", name="Martin Keel").is_visible()
    page.get_by_role("link", name="Martin Keel").click()
    page.get_by_role("link", name="Record as found").click()
    page.get_by_label("How they were found").fill("Arrested at a friend's address")
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("Recorded as found").is_visible()

    # Transfer to Norfolk: the case ends here and opens there.
    page.get_by_role("link", name="Transfer to another area").click()
    page.get_by_label("Receiving MAPPA area (police force)").select_option(
        label="Norfolk Constabulary"
    )
    page.get_by_label("Why is the case moving?").fill("Moved to Norwich to live with his sister")
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("Martin Keel transferred").is_visible()
    assert "Now managed by Norfolk Constabulary" in page.get_by_test_id("ended").inner_text()
    received = MappaRegistration.objects.get(person=rso_registration.person, end_date__isnull=True)
    assert received.police_force == norfolk_police

    # End the other case: a date in the future is refused, then today is taken.
    page.goto(f"{live_server.url}/mappa/registrations/{violent_registration.pk}/")
    page.get_by_role("link", name="End MAPPA management").click()
    page.get_by_label("Licence or order ended").check()
    fill_date(page, "Date management ended", today + dt.timedelta(days=3))
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("There is a problem").is_visible()
    assert page.get_by_text("The date cannot be in the future").first.is_visible()
    fill_date(page, "Date management ended", today)
    page.get_by_role("button", name=re.compile("Save|Continue")).click()
    assert page.get_by_text("MAPPA management of Ryan Doyle ended").is_visible()
    violent_registration.refresh_from_db()
    assert violent_registration.end_date == today
    assert violent_registration.end_reason == RegistrationEndReason.SUPERVISION_ENDED


def test_coordinator_reads_the_years_report_with_charts_and_saves_the_boards_commentary(
    page, live_server, colin, two_cases
):
    sign_in(page, live_server, "colin")
    page.goto(f"{live_server.url}/mappa/report/?year_end=2026-03-31")
    assert page.get_by_role("heading", name="MAPPA Statistical Information 2025/26").is_visible()
    eligible = page.get_by_test_id("table-eligible")
    assert "Category 1: Registered Sexual Offenders" in eligible.inner_text()
    assert page.get_by_role(
        "img", name=re.compile("Chart: MAPPA-eligible people at 31 March 2026")
    ).is_visible()
    assert page.get_by_test_id("table-serious_further_offences").is_visible()
    assert page.get_by_role("heading", name="Explanatory notes").is_visible()
    page.get_by_label("Strategic Management Board commentary").fill(
        "Registered sexual offenders rose by a tenth; recalls were timely."
    )
    page.get_by_role("button", name="Save the commentary").click()
    assert page.get_by_text("Commentary saved").is_visible()
    assert (
        page.get_by_label("Strategic Management Board commentary")
        .input_value()
        .startswith("Registered sexual offenders rose")
    )
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("zip of CSV files")).click()
    assert download.value.suggested_filename == "mappa-annual-2026.zip"
