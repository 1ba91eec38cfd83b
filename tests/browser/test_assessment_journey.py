"""An officer assesses a case in the browser; the manager countersigns it and allocates a new case."""

import datetime as dt
import re

import pytest

from openom.accounts.constants import Grade
from openom.allocation.models import CaseAllocation
from openom.offences.models import Offence
from tests.browser.test_journey import sign_in
from tests.factories import (
    CaseAllocationFactory,
    EventFactory,
    EventOffenceFactory,
    PersonFactory,
    SentenceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def assessable(daniel, peterborough_team, cambridgeshire, olivia):
    from django.core.management import call_command

    if not Offence.objects.exists():
        call_command("load_offences", stdout=open("/dev/null", "w"))  # noqa: SIM115
    offence = Offence.objects.first()
    event = EventFactory(
        person=daniel, number=1, conviction_date=dt.date.today() - dt.timedelta(days=30)
    )
    EventOffenceFactory(event=event, offence=offence)
    SentenceFactory(event=event)
    for _ in range(3):
        busy = PersonFactory(probation_area=cambridgeshire)
        CaseAllocationFactory(person=busy, team=peterborough_team, offender_manager=olivia)
        SentenceFactory(event__person=busy)
    quinn = UserFactory(
        username="quinn",
        first_name="Quinn",
        last_name="Adams",
        team=peterborough_team,
        grade=Grade.PO,
    )
    newcomer = PersonFactory(probation_area=cambridgeshire, forename="Nadia", surname="Newcomb")
    CaseAllocationFactory(person=newcomer, team=peterborough_team, offender_manager=None)
    SentenceFactory(event__person=newcomer)
    return daniel, newcomer, quinn


def save_and_continue(page):
    """Save the section and wait for the page that follows to be drawn."""
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()


def test_assess_countersign_see_the_tier_and_allocate_to_the_most_capacity(
    page, live_server, olivia, sam, assessable
):
    daniel, newcomer, quinn = assessable
    sign_in(page, live_server, "olivia")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"{live_server.url}/cases/{daniel.crn}/assessment/")
    page.get_by_label("Start of sentence or licence").check()
    page.get_by_role("button", name="Start a new assessment").click()

    page.get_by_role("group", name=re.compile("Does the screening show")).get_by_label(
        "Yes"
    ).check()
    page.get_by_label("Risk to the public (community)").select_option("HIGH")
    page.get_by_label("Who is at risk").fill("A former partner")
    save_and_continue(page)
    for _ in range(10):
        # "Some problems" where a question has it; "No" on the yes/no questions.
        for radio in page.locator("input[type=radio][value='1']").all():
            radio.check()
        for question in page.locator("fieldset:not(:has(input[value='1']))").all():
            question.locator("input[type=radio][value='0']").check()
        save_and_continue(page)
    page.get_by_role("button", name="Complete the assessment").click()
    assert page.get_by_text("sent to your manager to countersign").is_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "sam")
    page.get_by_role("link", name="Countersign", exact=True).click()
    page.get_by_role("button", name=re.compile("Countersign")).click()
    page.goto(f"{live_server.url}/cases/{daniel.crn}/assessment/")
    assert page.get_by_test_id("tier").inner_text().startswith("B")
    page.get_by_text("How the tier was worked out").click()
    assert page.get_by_text(re.compile(r"RoSH HIGH: 20 points")).is_visible()

    page.get_by_role("link", name="Allocate", exact=True).click()
    page.get_by_role("link", name=re.compile("Allocate.*Nadia Newcomb")).click()
    assert page.get_by_text("Recommended: Quinn Adams").is_visible()
    page.get_by_label("Why this practitioner").fill("Most capacity in the team")
    page.get_by_role("button", name="Allocate").click()
    check = page.get_by_test_id("check-answers")
    assert check.get_by_text("Most capacity in the team").is_visible()
    page.get_by_role("button", name="Allocate the case").click()
    page.wait_for_url(re.compile(r"/allocation/$"))
    assert (
        CaseAllocation.objects.get(person=newcomer, end_date__isnull=True).offender_manager == quinn
    )
