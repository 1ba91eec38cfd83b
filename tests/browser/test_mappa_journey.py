"""A MAPPA coordinator takes a referral, sets the level, runs a level 2 meeting and sees the
actions chased on their due date: all in the browser."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from openom.mappa.models import MeetingAction
from openom.mappa.services import mappa_referral_create
from openom.mappa.tasks import chase_actions
from openom.offences.models import Offence
from tests.browser.test_journey import sign_in
from tests.public_protection_personas import convicted_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def referred(daniel, olivia, colin, north_bcu, housing):
    if not Offence.objects.exists():
        call_command("load_offences", stdout=io.StringIO())
    convicted_of(daniel, "03401", on=dt.date(2025, 9, 1), months=18)
    return mappa_referral_create(
        person=daniel,
        police_force=colin.agency,
        level_requested=2,
        reason="Robbery with a knife; threats to the victim from custody",
        risk_of_serious_harm=True,
        risk_linked_to_offending=True,
        expected_release_date=None,
        actor=olivia,
        today=timezone.localdate(),
    )


def fill_date(page, label, day):
    group = page.get_by_role("group", name=label)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_coordinator_takes_a_referral_runs_a_meeting_and_sees_actions_chased(
    page, live_server, colin, referred, north_bcu, housing
):
    today = timezone.localdate()
    sign_in(page, live_server, "colin")
    page.get_by_role("link", name="MAPPA", exact=True).click()
    page.get_by_role("link", name=re.compile("1 referral waiting")).click()
    page.get_by_role("link", name="Daniel Smith").click()
    assert page.get_by_test_id("category").inner_text() == "Category 2"
    page.get_by_label("Accept").check()
    page.get_by_label("Level 2: active multi-agency management").check()
    page.get_by_label("Police division (basic command unit)").select_option(label=north_bcu.name)
    page.get_by_label("Why").fill("Category 2; needs a multi-agency plan before the trial")
    page.get_by_role("button", name="Save the decision").click()
    assert page.get_by_text("Referral for Daniel Smith decided").is_visible()

    page.get_by_role("link", name="Meetings").click()
    page.get_by_role("link", name="Schedule a level 2 meeting").click()
    page.get_by_label("Police division").select_option(label=north_bcu.name)
    fill_date(page, "Date", today + dt.timedelta(days=7))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Where").fill("Thorpe Wood Police Station")
    page.get_by_label("Chair").fill("DI Harper")
    page.get_by_label(housing.name).check()
    page.get_by_label(re.compile("Daniel Smith")).check()
    page.get_by_role("button", name="Schedule the meeting").click()
    page.wait_for_url(re.compile(r"/mappa/meetings/\d+/$"))

    page.get_by_label(f"{colin.agency.name}: who attended").fill("Colin Pryor")
    page.get_by_label(f"{housing.name}: who attended").fill("Jo Whitfield")
    page.get_by_role("button", name="Save attendance").click()
    page.get_by_role("link", name=re.compile("Record minutes")).click()
    page.get_by_label("Minutes").fill("Agreed an exclusion zone and weekly home visits")
    page.get_by_label("Risk management plan").fill("Exclusion zone; curfew 7pm to 7am")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_test_id("minutes").inner_text().startswith("Agreed an exclusion zone")

    page.get_by_role("link", name=re.compile("Add an action")).click()
    page.get_by_label("Action").fill("Check the tenancy for children in the household")
    page.get_by_label("Owner agency").select_option(label=housing.name)
    fill_date(page, "Due date", today)
    page.get_by_role("button", name="Save").click()
    assert MeetingAction.objects.get().due_date == today

    assert chase_actions.delay().get() == 1  # what celery beat runs each morning
    page.goto(f"{live_server.url}/mappa/actions/")
    assert page.get_by_text("Due today").is_visible()
    assert page.get_by_test_id("chased").inner_text().startswith("1 time")
