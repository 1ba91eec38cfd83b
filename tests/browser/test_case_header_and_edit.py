"""The case header shows public protection, and a correction is read back with its history."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from openom.contacts.constants import ContactType
from openom.contacts.services import contact_arrange
from openom.mappa.services import mappa_register
from tests.browser.test_journey import sign_in
from tests.factories import CaseAllocationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def managed(sex_offender, olivia, peterborough_team, colin):
    CaseAllocationFactory(person=sex_offender, team=peterborough_team, offender_manager=olivia)
    mappa_register(
        person=sex_offender,
        police_force=colin.agency,
        police_unit=None,
        level=3,
        rationale="Senior management",
        actor=colin,
        today=timezone.localdate(),
    )
    contact_arrange(
        person=sex_offender,
        actor=olivia,
        data={
            "contact_type": ContactType.OFFICE,
            "starts_at": timezone.now() - dt.timedelta(days=2),
            "officer": olivia,
            "notes": "Discuss the new exclusion zone map",
        },
    )
    return sex_offender


def test_the_header_shows_mappa_and_a_correction_is_kept_with_its_reason(
    page, live_server, olivia, managed
):
    sign_in(page, live_server, "olivia")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"{live_server.url}/cases/{managed.crn}/")

    header = page.get_by_test_id("case-header")
    assert header.get_by_test_id("header-mappa").inner_text() == "Category 1, level 3"
    assert page.get_by_role("link", name="Refer to MAPPA").count() == 0
    assert "Olivia Grant" in header.get_by_test_id("header-offender_manager").inner_text()

    page.get_by_role("link", name="Personal details").click()
    page.get_by_role("link", name="Change personal details").click()
    assert page.title().startswith("Change personal details \u2013 ")
    page.get_by_label("Known as (optional)").fill("Tom")
    page.get_by_role("button", name="Save").click()
    # No reason: refused, with the error summary linked to the field.
    summary = page.locator(".govuk-error-summary")
    summary.get_by_role("link", name="Say why you are changing these details").click()
    reason = page.get_by_label("Why are you changing these details?")
    assert page.evaluate("document.activeElement.id") == "id_reason"
    reason.fill("He asked to be called Tom")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(re.compile(r"/personal-details/$"))
    assert page.get_by_text("Personal details changed").is_visible()
    history = page.get_by_test_id("personal-history")
    assert history.get_by_text("Reason: He asked to be called Tom").is_visible()
    assert history.get_by_role("row", name=re.compile("Preferred name.*Tom")).is_visible()

    page.get_by_role("link", name="Contacts").click()
    page.get_by_role("link", name=re.compile("^View")).first.click()
    assert page.get_by_test_id("contact-notes").inner_text() == "Discuss the new exclusion zone map"
    assert page.get_by_test_id("case-header").get_by_test_id("header-mappa").is_visible()
