"""An officer records two missed appointments, sees the clocks on the worklist and lays the breach."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from openom.contacts.constants import ContactType
from openom.contacts.models import Contact
from openom.enforcement.models import EnforcementAction
from tests.browser.test_journey import sign_in
from tests.factories import SentenceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_missed_appointments(olivia, daniel):
    order = SentenceFactory(
        event__person=daniel, sentence_date=dt.date.today() - dt.timedelta(days=120)
    )
    for days_ago in (30, 3):
        Contact.objects.create(
            person=daniel,
            sentence=order,
            contact_type=ContactType.OFFICE,
            officer=olivia,
            enforceable=True,
            starts_at=timezone.now() - dt.timedelta(days=days_ago),
        )
    return daniel


def record_unacceptable_absence(page, live_server, crn):
    page.goto(f"{live_server.url}/worklist/")
    page.get_by_role("link", name=re.compile(r"Outcome to record")).first.click()
    page.get_by_label("Unacceptable absence").check()
    page.get_by_role("button", name="Save").click()
    # Saving shows the contact with its outcome; enforcement is on the case's contacts page.
    page.wait_for_url(re.compile(rf"/cases/{crn}/contacts/\d+/$"))
    page.goto(f"{live_server.url}/cases/{crn}/contacts/")


def test_missed_appointments_lead_to_a_warning_then_a_breach_laid_in_time(
    page, live_server, olivia, two_missed_appointments
):
    crn = two_missed_appointments.crn
    sign_in(page, live_server, "olivia")
    page.wait_for_url(re.compile(r"/$"))

    record_unacceptable_absence(page, live_server, crn)
    assert page.get_by_role("heading", name="Warning").is_visible()
    page.get_by_role("link", name="Record the warning given").click()
    assert page.get_by_text("Date the warning was given").is_visible()
    # The warning was given the day after the first failure, 29 days ago.
    given = dt.date.today() - dt.timedelta(days=29)
    page.locator("input[name=warned_on_0]").fill(str(given.day))
    page.locator("input[name=warned_on_1]").fill(str(given.month))
    page.locator("input[name=warned_on_2]").fill(str(given.year))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/cases/{crn}/contacts/$"))
    assert page.get_by_text(f"given {given:%d %b %Y}").is_visible()
    warning = EnforcementAction.objects.get(kind="WARNING")
    assert warning.warned_on == given

    record_unacceptable_absence(page, live_server, crn)
    assert page.get_by_role("heading", name="Breach proceedings").is_visible()
    page.goto(f"{live_server.url}/worklist/")
    assert page.get_by_role(
        "link", name=re.compile(r"Breach proceedings: Start breach proceedings")
    ).is_visible()

    page.goto(f"{live_server.url}/cases/{crn}/contacts/")
    page.get_by_role("link", name="Start breach proceedings").click()
    page.get_by_label("Breach report summary").fill("Two unacceptable absences within a month")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/cases/{crn}/contacts/$"))
    breach = EnforcementAction.objects.get(kind="BREACH")
    assert breach.status == "STARTED" and breach.started_on == dt.date.today()
