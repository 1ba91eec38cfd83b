"""Issue #11 finding 4 in the browser: one administrator asks for a victim liaison role, a
second approves it on the Staff roles page; an ordinary role is granted at once."""

import pytest

from openom.accounts.constants import Grade, Role
from openom.accounts.models import RoleAssignment
from tests.browser.test_journey import sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def administrators(cambridgeshire):
    return [
        UserFactory(
            username=name,
            first_name=name.title(),
            last_name="Admin",
            team=None,
            agency=cambridgeshire,
            grade=Grade.OTHER,
            roles=[Role.SYSTEM_ADMINISTRATOR],
        )
        for name in ("sid", "sue")
    ]


def test_a_victim_liaison_role_needs_a_second_administrator(
    page, live_server, administrators, olivia
):
    sign_in(page, live_server, "sid")
    page.get_by_role("link", name="Staff roles").click()
    page.get_by_role("link", name="Give a role to Olivia Grant").click()
    page.get_by_role("button", name="Give the role").click()
    assert (
        page.get_by_role("alert").is_visible() or page.locator(".govuk-error-summary").is_visible()
    )
    page.get_by_label("Role").select_option(label="Victim liaison officer")
    page.get_by_label("Why do they need it?").fill("Covering victim contact in Peterborough")
    page.get_by_role("button", name="Give the role").click()
    assert page.get_by_text("Another administrator must decide").is_visible()
    assert not RoleAssignment.objects.filter(user=olivia, role=Role.VICTIM_LIAISON_OFFICER).exists()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "sue")
    page.get_by_role("link", name="Staff roles").click()
    page.get_by_role("button", name="Approve Victim liaison officer for Olivia Grant").click()
    assert page.get_by_text("Nothing is waiting.").is_visible()
    assert RoleAssignment.objects.filter(user=olivia, role=Role.VICTIM_LIAISON_OFFICER).exists()
